package com.miniamazon.simulators.support;

import static org.awaitility.Awaitility.await;

import com.miniamazon.simulators.ups.UpsConfig;
import com.miniamazon.simulators.ups.UpsSimulator;
import java.time.Duration;

/** A fast world simulator and a UPS simulator using it, each on its own fresh database and ephemeral ports. */
public final class UpsFixture implements AutoCloseable {

    public final WorldFixture world;
    public final TestDatabase db;
    public UpsSimulator ups;
    private final UpsConfig config;

    public UpsFixture(int trucks, int flakiness) throws Exception {
        world = WorldFixture.fast();
        db = TestDatabase.create("upstest");
        config = new UpsConfig("127.0.0.1", 0, "127.0.0.1", world.upsPort(), trucks, flakiness, 150, db.url(), "postgres", "",
                UpsConfig.accounts("alice,bob,carol"), null);
        ups = UpsSimulator.start(config);
        await().atMost(Duration.ofSeconds(20)).until(() -> ups.worldConnected());
    }

    /** Stops the UPS simulator and starts it again on the same database (a new Amazon port). */
    public void restart() throws Exception {
        ups.close();
        ups = UpsSimulator.start(config);
        await().atMost(Duration.ofSeconds(20)).until(() -> ups.worldConnected());
    }

    public int amazonPort() {
        return ups.amazonPort();
    }

    public long worldId() {
        return ups.worldId();
    }

    @Override
    public void close() throws Exception {
        try {
            ups.close();
            db.close();
        } finally {
            world.close();
        }
    }
}
