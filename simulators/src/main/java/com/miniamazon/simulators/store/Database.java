package com.miniamazon.simulators.store;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.jboss.logging.Logger;

/**
 * A simulator's database: migrated on open, then one connection (auto-commit off) that its loop thread uses for
 * every transaction, reopened when it is found broken. Not thread-safe: one owner thread.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Database.class);

    private final String url;
    private final String user;
    private final String password;
    private Connection connection;

    private Database(String url, String user, String password) {
        this.url = url;
        this.user = user;
        this.password = password;
    }

    /**
     * Migrates the schema with the scripts under {@code classpath:<migrations>} and opens the connection.
     *
     * @param migrations e.g. "db/world"
     */
    public static Database open(String url, String user, String password, String migrations) throws SQLException {
        Flyway.configure()
                .dataSource(url, user, password)
                .locations("classpath:" + migrations)
                .load()
                .migrate();
        Database db = new Database(url, user, password);
        db.connection();
        return db;
    }

    /** The open connection, reopened if the previous one broke. */
    public Connection connection() throws SQLException {
        if (connection == null || connection.isClosed()) {
            Properties props = new Properties();
            props.setProperty("user", user);
            props.setProperty("password", password);
            // Turns a batch of inserts into multi-row inserts: one round trip per statement per commit.
            props.setProperty("reWriteBatchedInserts", "true");
            props.setProperty("connectTimeout", "5");
            connection = DriverManager.getConnection(url, props);
            connection.setAutoCommit(false);
            LOG.infof("Connected to %s", url);
        }
        return connection;
    }

    /** Rolls back after a failure; a connection that cannot even roll back is dropped and reopened next time. */
    public void rollbackQuietly() {
        if (connection == null) {
            return;
        }
        try {
            connection.rollback();
        } catch (SQLException e) {
            LOG.warnf("Rollback on %s failed, reconnecting next time: %s", url, e.getMessage());
            close();
        }
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException e) {
                LOG.warnf("Closing the connection to %s failed: %s", url, e.getMessage());
            }
            connection = null;
        }
    }
}
