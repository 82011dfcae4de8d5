package com.miniamazon.it.resilience;

import com.miniamazon.it.support.SimulatedWorld;
import com.miniamazon.simulators.chaos.Faults;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Lossy peers and a lossy network: the store resends until acknowledged, applies what it receives once, and
 * every order arrives, none twice.
 */
class FlakyNetworkIT {

    private static final long SEED = Long.getLong("it.resilience.seed", System.nanoTime());

    @BeforeAll
    static void worldIsUp() {
        SimulatedWorld.get();
    }

    @AfterEach
    void heal() {
        SimulatedWorld.get().healNetwork();
    }

    @Test
    void twoHundredOrdersWithBothSimulatorsDroppingThirtyPercentOfCommandsAreEachDeliveredOnce() throws Exception {
        SimulatedWorld world = SimulatedWorld.get();
        world.restartWithFlakiness(30, 30);
        try {
            OrderWave wave = OrderWave.place("flaky", 200, SEED);
            wave.awaitAllDelivered(Duration.ofMinutes(4));
            wave.assertEachDeliveredOnce();
        } finally {
            world.restartWithFlakiness(0, 0);
        }
    }

    @Test
    void ordersWithHalfOfAllFramesLostBothWaysOnBothLinksAreEachDeliveredOnce() throws Exception {
        SimulatedWorld world = SimulatedWorld.get();
        world.worldLink().faults(Faults.NONE.withDrop(50));
        world.upsLink().faults(Faults.NONE.withDrop(50));
        OrderWave wave = OrderWave.place("half-lost", 100, SEED);
        wave.awaitAllDelivered(Duration.ofMinutes(4));
        System.out.printf("half-lost: world link %s; UPS link %s%n", world.worldLink().stats(), world.upsLink().stats());
        world.healNetwork();
        wave.assertEachDeliveredOnce();
    }

    @Test
    void duplicatedReorderedAndSplitFramesChangeNothing() throws Exception {
        SimulatedWorld world = SimulatedWorld.get();
        Faults mangling = Faults.NONE.withDuplicate(30).withReorder(30).withSplit(50);
        world.worldLink().faults(mangling);
        world.upsLink().faults(mangling);
        OrderWave wave = OrderWave.place("mangled", 40, SEED);
        wave.awaitAllDelivered(Duration.ofMinutes(3));
        System.out.printf("mangled: world link %s; UPS link %s%n", world.worldLink().stats(), world.upsLink().stats());
        world.healNetwork();
        wave.assertEachDeliveredOnce();
    }
}
