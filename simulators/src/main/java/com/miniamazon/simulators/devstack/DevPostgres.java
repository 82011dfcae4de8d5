package com.miniamazon.simulators.devstack;

import com.miniamazon.simulators.Options;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.jboss.logging.Logger;

/**
 * Makes sure a PostgreSQL answers on the configured address and that the named databases exist.
 *
 * <p>When one already answers (the usual case: the machine runs PostgreSQL), it only creates the missing
 * databases and returns. When none answers, it starts an embedded PostgreSQL on that port, keeps it for as long
 * as this process lives, and stops it when the process is told to stop.
 */
public final class DevPostgres {

    private static final Logger LOG = Logger.getLogger(DevPostgres.class);
    private static final Set<String> OPTIONS =
            Set.of("host", "port", "user", "databases", "data-dir", "timeout-seconds", "recreate");

    private DevPostgres() {}

    /** {@code postgres --databases=a,b [--host --port --user --data-dir]}. */
    public static int ensure(String[] args) throws Exception {
        Options options = Options.parse(args, 0, OPTIONS);
        String host = options.string("host", "127.0.0.1");
        int port = options.integer("port", 5432);
        String user = options.string("user", "postgres");
        List<String> databases = databases(options);

        Path dataDir = Path.of(options.string("data-dir", "target/embedded-postgres")).toAbsolutePath();
        AutoCloseable embedded = ensureRunning(host, port, user, databases, dataDir);
        if (embedded == null) {
            return 0;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                embedded.close();
            } catch (Exception e) {
                LOG.error("Embedded PostgreSQL did not stop cleanly", e);
            } finally {
                stopped.countDown();
            }
        }, "embedded-postgres-stop"));
        stopped.await();
        return 0;
    }

    /**
     * For the dev stack: makes sure a PostgreSQL answers at host:port with these databases. Returns the embedded
     * server it had to start (close it to stop it), or null when one was already running.
     */
    public static AutoCloseable ensureRunning(String host, int port, String user, List<String> databases, Path dataDir)
            throws IOException, SQLException {
        if (answers(host, port)) {
            createMissingDatabases(host, port, user, databases);
            LOG.infof("PostgreSQL at %s:%d is up; databases ready: %s", host, port, databases);
            return null;
        }
        Files.createDirectories(dataDir);
        LOG.infof("No PostgreSQL answers at %s:%d; starting an embedded one with its data in %s", host, port, dataDir);
        EmbeddedPostgres embedded = EmbeddedPostgres.builder()
                .setPort(port)
                .setDataDirectory(dataDir)
                .setCleanDataDirectory(false)
                .start();
        createMissingDatabases(host, port, user, databases);
        LOG.infof("Embedded PostgreSQL ready at %s:%d; databases ready: %s", host, port, databases);
        return new AutoCloseable() {
            @Override
            public void close() throws IOException {
                embedded.close();
                LOG.info("Embedded PostgreSQL stopped");
            }

            @Override
            public String toString() {
                return "embedded PostgreSQL on port " + port;
            }
        };
    }

    /** Whether something accepts TCP connections at host:port within a second. */
    public static boolean answers(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code await-postgres --databases=a,b [--recreate]}: waits until PostgreSQL answers, then creates the
     * databases that are missing, or drops and creates them all with {@code --recreate} (a test run that must
     * start from nothing).
     */
    public static int await(String[] args) throws Exception {
        Options options = Options.parse(args, 0, OPTIONS);
        String host = options.string("host", "127.0.0.1");
        int port = options.integer("port", 5432);
        String user = options.string("user", "postgres");
        List<String> databases = databases(options);
        Instant deadline = Instant.now().plusSeconds(options.integer("timeout-seconds", 120));
        String lastProblem = "not tried";
        while (Instant.now().isBefore(deadline)) {
            try (Connection c = connect(host, port, user, "postgres")) {
                if (options.flag("recreate")) {
                    dropDatabases(c, databases);
                }
                createMissingDatabases(host, port, user, databases);
                LOG.infof("PostgreSQL at %s:%d has databases %s", host, port, databases);
                return 0;
            } catch (SQLException e) {
                lastProblem = e.getMessage();
            }
            Thread.sleep(250); // polling an external process that gives no signal
        }
        LOG.errorf("PostgreSQL at %s:%d not ready in time: %s", host, port, lastProblem);
        return 1;
    }

    private static List<String> databases(Options options) {
        List<String> names = Arrays.stream(options.string("databases", "").split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
        for (String name : names) {
            if (!name.matches("[a-z_][a-z0-9_]{0,62}")) {
                throw new IllegalArgumentException("not a plain database name: '" + name + "'");
            }
        }
        return names;
    }

    private static void createMissingDatabases(String host, int port, String user, List<String> databases)
            throws SQLException {
        try (Connection c = connect(host, port, user, "postgres")) {
            for (String database : databases) {
                if (!exists(c, database)) {
                    try (Statement s = c.createStatement()) {
                        // The name was checked against a strict pattern above; identifiers cannot be bound.
                        s.execute("create database " + database);
                        LOG.infof("Created database %s", database);
                    } catch (SQLException e) {
                        if (!exists(c, database)) { // another process may have created it at the same moment
                            throw e;
                        }
                    }
                }
            }
        }
    }

    private static void dropDatabases(Connection c, List<String> databases) throws SQLException {
        for (String database : databases) {
            try (Statement s = c.createStatement()) {
                // The name was checked against a strict pattern; "with (force)" ends sessions left by a killed run.
                s.execute("drop database if exists " + database + " with (force)");
                LOG.infof("Dropped database %s", database);
            }
        }
    }

    private static boolean exists(Connection c, String database) {
        try (PreparedStatement ps = c.prepareStatement("select 1 from pg_database where datname = ?")) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot list databases: " + e.getMessage(), e);
        }
    }

    private static Connection connect(String host, int port, String user, String database) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + database + "?connectTimeout=5", user, "");
    }
}
