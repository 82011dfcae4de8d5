package com.miniamazon.simulators.support;

import com.miniamazon.simulators.world.WorldConfig;
import com.miniamazon.simulators.world.WorldSimulator;

/** A world simulator on its own fresh database and ephemeral ports, fast enough for tests. */
public final class WorldFixture implements AutoCloseable {

    public final TestDatabase db;
    public WorldSimulator sim;
    private final WorldConfig config;

    public WorldFixture(int flakiness, int simspeed, boolean lowercase) throws Exception {
        db = TestDatabase.create("simtest");
        config = new WorldConfig("127.0.0.1", 0, 0, flakiness, 150, simspeed, db.url(), "postgres", "", lowercase);
        sim = WorldSimulator.start(config);
    }

    public static WorldFixture fast() throws Exception {
        return new WorldFixture(0, 10_000, false);
    }

    public int amazonPort() {
        return sim.amazonPort();
    }

    public int upsPort() {
        return sim.upsPort();
    }

    /** Stops the simulator and starts a new one on the same database (new ports). */
    public void restart() throws Exception {
        sim.close();
        sim = WorldSimulator.start(config);
    }

    /** Stops the simulator and starts a new one on the same database and the same ports (clients reconnect). */
    public void restartOnSamePorts() throws Exception {
        int amazon = sim.amazonPort();
        int ups = sim.upsPort();
        sim.close();
        sim = WorldSimulator.start(config.withPorts(amazon, ups));
    }

    @Override
    public void close() throws Exception {
        try {
            sim.close();
        } finally {
            db.close();
        }
    }
}
