package com.miniamazon.it.resilience;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.protobuf.InvalidProtocolBufferException;
import com.miniamazon.it.support.ServerLog;
import com.miniamazon.it.support.SimulatedWorld;
import com.miniamazon.protocol.ups.AUCommands;
import com.miniamazon.protocol.ups.AURequestPickup;
import com.miniamazon.simulators.chaos.ChaosProxy;
import com.miniamazon.simulators.chaos.Direction;
import com.miniamazon.simulators.chaos.Faults;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Peers that go away, restart, hang or stop acknowledging, and connections cut under the store's feet: the store
 * reconnects, replays what is unacknowledged, and every order arrives once.
 */
class PeerOutagesIT {

    private static final long SEED = Long.getLong("it.resilience.seed", System.nanoTime());

    @BeforeAll
    static void worldIsUp() {
        SimulatedWorld.get();
    }

    @AfterEach
    void heal() {
        SimulatedWorld world = SimulatedWorld.get();
        world.healNetwork();
        world.upsLink().tap(Direction.TO_SERVER, null);
    }

    @Test
    void ordersSurviveBothSimulatorsRestartingAndConnectionsCutEveryFewSeconds() throws Exception {
        SimulatedWorld world = SimulatedWorld.get();
        world.worldLink().cutEvery(Duration.ofSeconds(3));
        world.upsLink().cutEvery(Duration.ofSeconds(4));
        OrderWave wave = OrderWave.place("outages", 40, SEED);

        world.restartWorld();
        await().atMost(Duration.ofMinutes(2)).until(() -> wave.statusCounts().getOrDefault("DELIVERED", 0L) >= 10);
        world.restartUps();

        wave.awaitAllDelivered(Duration.ofMinutes(4));
        System.out.printf("outages: world link %s; UPS link %s%n", world.worldLink().stats(), world.upsLink().stats());
        world.healNetwork();
        wave.assertEachDeliveredOnce();
    }

    @Test
    void aWorldThatFallsSilentIsGivenUpAndJoinedAgain() throws Exception {
        SimulatedWorld world = SimulatedWorld.get();
        ChaosProxy link = world.worldLink();
        world.awaitStoreConnected();
        long connectionsBefore = link.connectionsAccepted();
        long silencesBefore = ServerLog.count("has been silent for");
        // The world hears the store but nothing it says gets through: to the store it is silent.
        link.faults(Direction.TO_CLIENT, Faults.NONE.withDrop(100));
        OrderWave wave = OrderWave.place("silent-world", 10, SEED);

        // The store gives the silent connection up (its silence timeout), says why, and connects again.
        await().atMost(Duration.ofMinutes(1)).until(() -> link.connectionsAccepted() > connectionsBefore);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(ServerLog.count("has been silent for"))
                .as("the store logged why it gave the connection up").isGreaterThan(silencesBefore));
        link.heal();

        wave.awaitAllDelivered(Duration.ofMinutes(3));
        wave.assertEachDeliveredOnce();
    }

    @Test
    void whileUpsStopsAcknowledgingTheStoreKeepsResendingAndNothingDoublesWhenAcksResume() throws Exception {
        SimulatedWorld world = SimulatedWorld.get();
        ChaosProxy link = world.upsLink();
        world.awaitStoreConnected();
        Map<Long, List<Long>> pickupSends = new ConcurrentHashMap<>(); // seqnum -> when each copy reached the proxy
        link.tap(Direction.TO_SERVER, payload -> {
            try {
                for (AURequestPickup pickup : AUCommands.parseFrom(payload).getPickupsList()) {
                    pickupSends.computeIfAbsent(pickup.getSeqnum(), s -> new CopyOnWriteArrayList<>()).add(System.nanoTime());
                }
            } catch (InvalidProtocolBufferException e) {
                throw new IllegalStateException("the store sent UPS a frame that is not AUCommands", e);
            }
        });
        // UPS gets every command but its acknowledgements (and everything else it says) are lost.
        link.faults(Direction.TO_CLIENT, Faults.NONE.withDrop(100));
        OrderWave wave = OrderWave.place("unacknowledged", 10, SEED);

        await().atMost(Duration.ofSeconds(30)).until(() -> pickupSends.size() >= 10
                && pickupSends.values().stream().allMatch(sends -> sends.size() >= 3));
        link.heal();
        System.out.printf("unacknowledged: gaps between a pickup's sends (ms): %s%n", gaps(pickupSends.values().iterator().next()));

        wave.awaitAllDelivered(Duration.ofMinutes(3));
        wave.assertEachDeliveredOnce();
        assertThat(pickupSends).as("one pickup request per order").hasSize(10);
    }

    private static List<Long> gaps(List<Long> sends) {
        List<Long> gaps = new java.util.ArrayList<>();
        for (int i = 1; i < sends.size(); i++) {
            gaps.add(Duration.ofNanos(sends.get(i) - sends.get(i - 1)).toMillis());
        }
        return gaps;
    }
}
