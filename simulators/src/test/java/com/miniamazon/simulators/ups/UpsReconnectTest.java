package com.miniamazon.simulators.ups;

import static com.miniamazon.simulators.support.AmazonWorldClient.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.miniamazon.protocol.ups.UATruckArrived;
import com.miniamazon.simulators.support.AmazonWorldClient;
import com.miniamazon.simulators.support.UpsAmazonClient;
import com.miniamazon.simulators.support.UpsFixture;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** UPS keeps its world when the world simulator goes away and comes back. */
class UpsReconnectTest {

    @Test
    void upsReconnectsToARestartedWorldAndOrdersGoOn() throws Exception {
        try (UpsFixture fixture = new UpsFixture(3, 0)) {
            long world = fixture.worldId();
            UpsAmazonClient toUps = UpsAmazonClient.connect(fixture.amazonPort(), true, 1);
            toUps.startResending(Duration.ofMillis(100));
            AmazonWorldClient toWorld = AmazonWorldClient.connect(fixture.world.amazonPort(), world, new int[] {1, 30, 40});
            // A pickup UPS sends while the world is down is kept and sent after the reconnect.
            fixture.world.sim.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> !fixture.ups.worldConnected());
            toUps.requestPickup(7, 1, 30, 40, 1, 2);
            toUps.awaitAck(1);
            fixture.world.restartOnSamePorts();
            await().atMost(Duration.ofSeconds(20)).until(() -> fixture.ups.worldConnected());
            assertThat(fixture.worldId()).isEqualTo(world);

            AmazonWorldClient again = AmazonWorldClient.connect(fixture.world.amazonPort(), world, new int[] {1, 30, 40});
            assertThat(again.connected.getResult()).isEqualTo("connected!");
            again.startResending(Duration.ofMillis(100));
            UATruckArrived truck = toUps.awaitArrivedFor(7);
            again.buy(1, product(7, "kettle", 1));
            again.awaitMessage(r -> r.getArrivedCount() > 0);
            again.pack(1, 7, product(7, "kettle", 1));
            again.awaitReady(7);
            again.putOnTruck(1, truck.getTruckid(), 7);
            again.awaitLoaded(7);
            toUps.loaded(truck.getTruckid(), 7);
            toUps.awaitDelivered(7);
            toWorld.close();
            again.close();
            toUps.close();
        }
    }

    @Test
    void aPickupTheWorldRefusesIsReportedAndRetried() throws Exception {
        try (UpsFixture fixture = new UpsFixture(2, 0)) {
            UpsAmazonClient toUps = UpsAmazonClient.connect(fixture.amazonPort(), true, 1);
            toUps.startResending(Duration.ofMillis(100));
            // Warehouse 4 is not in the world yet: Amazon has not connected to it.
            long request = toUps.requestPickup(11, 4, 60, 60, 0, 0);
            assertThat(toUps.awaitError(request).getErr()).contains("refused");
            AmazonWorldClient toWorld = AmazonWorldClient.connect(fixture.world.amazonPort(), fixture.worldId(), new int[] {4, 60, 60});
            assertThat(toWorld.connected.getResult()).isEqualTo("connected!");
            UATruckArrived arrived = toUps.awaitArrivedFor(11);
            assertThat(arrived.getWhnum()).isEqualTo(4);
            toWorld.close();
            toUps.close();
        }
    }
}
