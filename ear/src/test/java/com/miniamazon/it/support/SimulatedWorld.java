package com.miniamazon.it.support;

import java.util.ArrayList;
import java.util.List;

/**
 * The world and UPS simulators the integration tests' WildFly talks to, on the test ports and the test
 * databases (see ear/pom.xml). Started once for the whole test run and shared by all tests; a test that needs
 * other conditions (flakiness, a restart, a crash) changes them and puts them back. The simulators keep their
 * worlds in PostgreSQL, so a restart resumes the same world.
 */
public final class SimulatedWorld {

    /** Fast enough that an order is delivered in seconds, slow enough that every state can be seen. */
    public static final int TEST_SIMSPEED = 1000;

    private static SimulatedWorld running;

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
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                running.ups.stop();
                running.world.stop();
            }, "stop-simulators"));
        }
        return running;
    }

    /** Whether both simulator processes are alive. */
    public synchronized boolean bothRunning() {
        return world != null && world.isRunning() && ups != null && ups.isRunning();
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
                "--amazon-port=" + Integer.getInteger("it.world.amazon.port", 24456),
                "--ups-port=" + Integer.getInteger("it.world.ups.port", 13345),
                "--flakiness=" + worldFlakiness,
                "--resend-ms=500",
                "--simspeed=" + simspeed,
                "--db-url=" + TestEnvironment.jdbcUrl(System.getProperty("it.world.db.name", "miniamazon_it_world"))));
        world = SimulatorProcess.of("world", args).start();
    }

    private void launchUps() {
        List<String> args = new ArrayList<>(List.of("ups",
                "--port=" + Integer.getInteger("it.ups.port", 35567),
                "--world-port=" + Integer.getInteger("it.world.ups.port", 13345),
                "--flakiness=" + upsFlakiness,
                "--resend-ms=500",
                "--trucks=50",
                "--db-url=" + TestEnvironment.jdbcUrl(System.getProperty("it.ups.db.name", "miniamazon_it_ups"))));
        ups = SimulatorProcess.of("ups", args).start();
    }
}
