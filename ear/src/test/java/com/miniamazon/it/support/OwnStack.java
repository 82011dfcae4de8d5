package com.miniamazon.it.support;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole store of a test's own: its databases, its world and UPS simulators and a WildFly it unpacks, configures
 * with the deployer's script and may kill, restart or point elsewhere, so that what it does to them never
 * disturbs the build's shared server and simulators. Every port and database name is derived from the run's
 * own (see ear/pom.xml) plus a {@code shift} per test, so that runs side by side never share them.
 */
public final class OwnStack implements AutoCloseable {

    private final String label;
    private final int shift;
    private final StandaloneServer server;
    private SimulatorProcess world;
    private SimulatorProcess ups;
    private Map<String, String> environment = Map.of();

    private OwnStack(String label, int shift, StandaloneServer server) {
        this.label = label;
        this.shift = shift;
        this.server = server;
    }

    /**
     * Creates empty databases {@code <shop db>_<label>} (and {@code _world}, {@code _ups}), unpacks WildFly into
     * {@code workDir} and runs configure.cli on it, with every port shifted by {@code shift} from the run's.
     */
    public static OwnStack prepare(String label, int shift, Path workDir) throws Exception {
        if (!label.matches("[a-z]+")) {
            throw new IllegalArgumentException(label);
        }
        StandaloneServer server = StandaloneServer.unpack(workDir, Integer.getInteger("wildfly.port.offset", 0) + shift);
        OwnStack stack = new OwnStack(label, shift, server);
        Database.recreate(stack.shopDatabase());
        Database.recreate(stack.worldDatabase());
        Database.recreate(stack.upsDatabase());
        Path config = Path.of(System.getProperty("wildfly.config.dir", "../wildfly-config"));
        server.cli(config.resolve("configure.cli"), "-Dminiamazon.postgresql.driver.jar=" + System.getProperty("jdbc.driver.jar"));
        server.drop(Path.of(System.getProperty("ear.file")));
        return stack;
    }

    public String shopDatabase() {
        return System.getProperty("shop.db.name", "miniamazon_it") + "_" + label;
    }

    public String worldDatabase() {
        return shopDatabase() + "_world";
    }

    public String upsDatabase() {
        return shopDatabase() + "_ups";
    }

    public int worldAmazonPort() {
        return Integer.getInteger("it.world.amazon.port", 24456) + shift;
    }

    public int worldUpsPort() {
        return Integer.getInteger("it.world.ups.port", 13345) + shift;
    }

    public int upsPort() {
        return Integer.getInteger("it.ups.port", 35567) + shift;
    }

    /** A free port of this stack's for something else a test runs (a fake peer): the UPS port plus {@code n}. */
    public int extraPort(int n) {
        return upsPort() + n;
    }

    public StandaloneServer server() {
        return server;
    }

    public String shopUrl() {
        return server.shopUrl();
    }

    /** Starts the world and UPS simulators on this stack's ports and databases. */
    public void startSimulators(int worldFlakiness, int upsFlakiness) {
        world = SimulatorProcess.of(label + "-world", List.of("world",
                "--amazon-port=" + worldAmazonPort(),
                "--ups-port=" + worldUpsPort(),
                "--flakiness=" + worldFlakiness,
                "--resend-ms=500",
                "--simspeed=" + SimulatedWorld.TEST_SIMSPEED,
                "--db-url=" + TestEnvironment.jdbcUrl(worldDatabase()))).start();
        ups = SimulatorProcess.of(label + "-ups", List.of("ups",
                "--port=" + upsPort(),
                "--world-port=" + worldUpsPort(),
                "--flakiness=" + upsFlakiness,
                "--resend-ms=500",
                "--trucks=50",
                "--db-url=" + TestEnvironment.jdbcUrl(upsDatabase()))).start();
    }

    public SimulatorProcess world() {
        return world;
    }

    public SimulatorProcess ups() {
        return ups;
    }

    /**
     * Starts WildFly on this stack's database and simulators, with {@code overrides} on top (for instance another
     * UPS port, or less initial stock), and waits until the shop answers. The settings are kept for restarts.
     */
    public void startServer(Map<String, String> overrides) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("MINIAMAZON_DB_NAME", shopDatabase());
        env.put("MINIAMAZON_WORLD_PORT", String.valueOf(worldAmazonPort()));
        env.put("MINIAMAZON_UPS_PORT", String.valueOf(upsPort()));
        // Nothing listens there: order emails fail fast and are logged, as with a mail server down.
        env.put("MINIAMAZON_SMTP_PORT", String.valueOf(extraPort(99)));
        env.put("MINIAMAZON_SHOP_URL", server.shopUrl());
        env.put("MINIAMAZON_ADMIN_PASSWORD", TestEnvironment.adminPassword());
        env.put("MINIAMAZON_SELLER_PASSWORD", TestEnvironment.defaultSellerPassword());
        env.putAll(overrides);
        environment = Map.copyOf(env);
        restartServer();
    }

    /** Starts WildFly again with the settings of the last {@link #startServer}, and waits for the shop. */
    public void restartServer() throws IOException {
        server.start(environment);
        server.awaitDeployed("mini-amazon.ear", Duration.ofMinutes(4));
    }

    /** The shop's database of this stack. */
    public Connection shopDb() throws SQLException {
        return Database.connect(shopDatabase());
    }

    /** The server's log outlives the temporary directory, under the artefacts as {@code <label>-server.log}. */
    private void keepServerLog() {
        Path log = server.home().resolve("standalone/log/server.log");
        try {
            if (java.nio.file.Files.exists(log)) {
                java.nio.file.Files.copy(log, TestEnvironment.artefactsDir().resolve(label + "-server.log"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot keep " + log, e);
        }
    }

    /** Everything stops: WildFly, then UPS, then the world; the databases stay for a person to look at. */
    @Override
    public void close() {
        server.stop();
        keepServerLog();
        if (ups != null) {
            ups.stop();
        }
        if (world != null) {
            world.stop();
        }
    }
}
