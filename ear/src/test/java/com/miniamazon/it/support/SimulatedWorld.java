package com.miniamazon.it.support;

import com.miniamazon.simulators.chaos.ChaosProxy;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;

/**
 * The world and UPS simulators the integration tests' WildFly talks to, on the test databases (see ear/pom.xml).
 * Started once for the whole test run and shared by all tests; a test that needs other conditions (flakiness, a
 * restart, a crash, a bad network) changes them and puts them back. The simulators keep their worlds in
 * PostgreSQL, so a restart resumes the same world.
 *
 * <p>The server does not reach the simulators directly: on the ports it is configured with (the world's Amazon
 * port and UPS's port) listen two {@link ChaosProxy chaos proxies}, pass-through unless a test says otherwise,
 * and the simulators listen behind them on ports of their own choosing. The proxies' seed is printed once and can
 * be fixed with {@code -Dit.chaos.seed=N} to replay a run.
 */
public final class SimulatedWorld {

    /** Fast enough that an order is delivered in seconds, slow enough that every state can be seen. */
    public static final int TEST_SIMSPEED = 1000;

    private static SimulatedWorld running;

    private final long seed = Long.getLong("it.chaos.seed", System.nanoTime());
    private ChaosProxy worldProxy;
    private ChaosProxy upsProxy;
    private SimulatorProcess world;
    private SimulatorProcess ups;
    private int worldFlakiness;
    private int simspeed = TEST_SIMSPEED;
    private int upsFlakiness;

    private SimulatedWorld() {}

    /** The simulators, started at flakiness 0 on first use. */
    public static synchronized SimulatedWorld get() {
        if (running == null) {
            running = new SimulatedWorld();
            running.startWorld();
            running.launchUps();
            System.out.println("Simulated world: chaos proxies seeded with " + running.seed + " (-Dit.chaos.seed="
                    + running.seed + " replays them)");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                running.ups.stop();
                running.world.stop();
                running.worldProxy.close();
                running.upsProxy.close();
            }, "stop-simulators"));
        }
        return running;
    }

    /** Whether both simulator processes are alive. */
    public synchronized boolean bothRunning() {
        return world != null && world.isRunning() && ups != null && ups.isRunning();
    }

    /**
     * The ports the simulators themselves listen on for Amazon, behind the proxies: world first, then UPS. The
     * world's UPS port has no proxy and is {@code it.world.ups.port}.
     */
    public synchronized int[] simulatorAmazonPorts() {
        return new int[] {world.amazonPort(), ups.amazonPort()};
    }

    /** The proxy between the server and the world simulator's Amazon port. */
    public ChaosProxy worldLink() {
        return worldProxy;
    }

    /** The proxy between the server and the UPS simulator. */
    public ChaosProxy upsLink() {
        return upsProxy;
    }

    /** The seed both proxies draw their faults from. */
    public long chaosSeed() {
        return seed;
    }

    /**
     * Waits (bounded) until the server holds a connection through each proxy: after a restart it reconnects
     * with a pause, and a test that counts reconnections must start from a settled state.
     */
    public void awaitStoreConnected() {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofMinutes(1))
                .until(() -> worldProxy.stats().open() > 0 && upsProxy.stats().open() > 0);
    }

    /** Both proxies back to pass-through, with no more periodic cuts. */
    public void healNetwork() {
        worldProxy.heal();
        upsProxy.heal();
    }

    /** Restarts both simulators with these drop rates (percent of commands silently ignored). */
    public synchronized void restartWithFlakiness(int worldPercent, int upsPercent) {
        ups.stop();
        world.stop();
        worldFlakiness = worldPercent;
        upsFlakiness = upsPercent;
        startWorld();
        launchUps();
    }

    /**
     * Restarts the world at another speed (same world, same database): slower, so that a person's action fits
     * between two states of an order. {@link #TEST_SIMSPEED} is the usual speed; put it back after use.
     */
    public synchronized void restartWorldAtSpeed(int newSimspeed) {
        world.stop();
        simspeed = newSimspeed;
        // A world keeps the speed it was created with; the stopped world's rows are changed before it resumes.
        String db = TestEnvironment.jdbcUrl(System.getProperty("it.world.db.name", "miniamazon_it_world"));
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db, "postgres", "");
                java.sql.PreparedStatement ps = c.prepareStatement("update world set simspeed = ?")) {
            ps.setInt(1, newSimspeed);
            ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot change the world's speed in " + db, e);
        }
        startWorld();
    }

    /**
     * Stops the world, changes its stored state with one SQL update, and starts it again on the same world: for
     * tests that need the world to disagree with what the store believes (as after a loss in a warehouse).
     *
     * @return the rows the update changed
     */
    public synchronized int restartWorldWith(String sql, Object... parameters) {
        world.stop();
        String db = TestEnvironment.jdbcUrl(System.getProperty("it.world.db.name", "miniamazon_it_world"));
        int changed;
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(db, "postgres", "");
                java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                ps.setObject(i + 1, parameters[i]);
            }
            changed = ps.executeUpdate();
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("cannot change the world's state in " + db, e);
        } finally {
            startWorld();
        }
        return changed;
    }

    public synchronized void restartWorld() {
        world.stop();
        startWorld();
    }

    public synchronized void restartUps() {
        ups.stop();
        launchUps();
    }

    /** UPS goes away until {@link #startUps()}. */
    public synchronized void stopUps() {
        ups.stop();
    }

    /** Starts UPS again on its database (it resumes its world). */
    public synchronized void startUps() {
        if (ups == null || !ups.isRunning()) {
            launchUps();
        }
    }

    /** SIGKILL, then a fresh start on the same database. */
    public synchronized void crashAndRestartWorld() {
        world.kill();
        startWorld();
    }

    public synchronized void crashAndRestartUps() {
        ups.kill();
        launchUps();
    }

    private void startWorld() {
        List<String> args = new ArrayList<>(List.of("world",
                "--amazon-port=0",
                "--ups-port=" + Integer.getInteger("it.world.ups.port", 13345),
                "--flakiness=" + worldFlakiness,
                "--resend-ms=500",
                "--simspeed=" + simspeed,
                "--db-url=" + TestEnvironment.jdbcUrl(System.getProperty("it.world.db.name", "miniamazon_it_world"))));
        world = SimulatorProcess.of("world", args).start();
        worldProxy = point(worldProxy, "world", Integer.getInteger("it.world.amazon.port", 24456), world.amazonPort(), 1);
    }

    private void launchUps() {
        List<String> args = new ArrayList<>(List.of("ups",
                "--port=0",
                "--world-port=" + Integer.getInteger("it.world.ups.port", 13345),
                "--flakiness=" + upsFlakiness,
                "--resend-ms=500",
                "--trucks=50",
                "--db-url=" + TestEnvironment.jdbcUrl(System.getProperty("it.ups.db.name", "miniamazon_it_ups"))));
        ups = SimulatorProcess.of("ups", args).start();
        upsProxy = point(upsProxy, "ups", Integer.getInteger("it.ups.port", 35567), ups.amazonPort(), 2);
    }

    /** Points the proxy on {@code port} at a simulator's {@code backend} port, starting the proxy on first use. */
    private ChaosProxy point(ChaosProxy proxy, String name, int port, int backend, long salt) {
        InetSocketAddress target = new InetSocketAddress("127.0.0.1", backend);
        if (proxy != null) {
            proxy.target(target);
            return proxy;
        }
        try {
            return ChaosProxy.start(name, port, target, seed * 31 + salt);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen for the server on port " + port, e);
        }
    }
}
