package com.miniamazon.simulators;

import static com.miniamazon.simulators.support.AmazonWorldClient.product;
import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.protocol.ups.UATruckArrived;
import com.miniamazon.simulators.support.AmazonWorldClient;
import com.miniamazon.simulators.support.UpsAmazonClient;
import com.miniamazon.simulators.support.UpsFixture;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Whole orders through both simulators, driven by a minimal Amazon that speaks to the world and to UPS. */
class EndToEndOrderTest {

    /** One order, every step as the store does it. */
    static void order(UpsAmazonClient toUps, AmazonWorldClient toWorld, long shipid, int destX, int destY) throws Exception {
        long buy = toWorld.buy(1, product(shipid, "book " + shipid, 1));
        toWorld.awaitAck(buy);
        toWorld.awaitMessage(r -> r.getArrivedList().stream().anyMatch(a -> a.getThings(0).getId() == shipid));
        toWorld.pack(1, shipid, product(shipid, "book " + shipid, 1));
        toUps.requestPickup(shipid, 1, 30, 40, destX, destY);
        UATruckArrived truck = toUps.awaitArrivedFor(shipid);
        toWorld.awaitReady(shipid);
        toWorld.putOnTruck(1, truck.getTruckid(), shipid);
        toWorld.awaitLoaded(shipid);
        toUps.loaded(truck.getTruckid(), shipid);
        toUps.awaitOutForDelivery(shipid);
        toUps.awaitDelivered(shipid);
    }

    @Test
    void anOrderGoesFromPurchaseToDelivery() throws Exception {
        try (UpsFixture fixture = new UpsFixture(10, 0)) {
            UpsAmazonClient toUps = UpsAmazonClient.connect(fixture.amazonPort(), true, 1);
            toUps.startResending(Duration.ofMillis(200));
            long worldId = toUps.awaitWorldId();
            AmazonWorldClient toWorld = AmazonWorldClient.connect(fixture.world.amazonPort(), worldId, new int[] {1, 30, 40});
            assertThat(toWorld.connected.getResult()).isEqualTo("connected!");
            toWorld.startResending(Duration.ofMillis(200));

            order(toUps, toWorld, 42, 5, 7);
            assertThat(toUps.received.stream().flatMap(m -> m.getDeliveredList().stream()).filter(d -> d.getShipid() == 42))
                    .allSatisfy(d -> assertThat(d.getX() + "," + d.getY()).isEqualTo("5,7"));
            toWorld.query(42);
            assertThat(toWorld.awaitStatus(42).getStatus()).isEqualTo("delivered");
            assertThat(fixture.world.db.count("select count(*) from world_event where world_id = ? and package_id = 42 and kind = 'packed'", worldId)).isEqualTo(1);
            assertThat(fixture.world.db.count("select count(*) from world_event where world_id = ? and package_id = 42 and kind = 'loaded'", worldId)).isEqualTo(1);
            assertThat(fixture.db.count("select count(*) from ups_event where shipid = 42 and kind = 'delivered'")).isEqualTo(1);

            // Garbage on UPS's Amazon port takes that port's connection and is thrown out; Amazon reconnects and goes on.
            try (Socket junk = new Socket("127.0.0.1", fixture.amazonPort())) {
                byte[] bytes = new byte[2048];
                new Random(7).nextBytes(bytes);
                bytes[0] = (byte) 0xff; // an oversized or malformed prefix whatever follows
                bytes[1] = (byte) 0xff;
                bytes[2] = (byte) 0xff;
                bytes[3] = (byte) 0xff;
                bytes[4] = (byte) 0xff;
                junk.getOutputStream().write(bytes);
                junk.setSoTimeout(20_000);
                InputStream in = junk.getInputStream();
                while (in.read() >= 0) {
                    // drains until UPS closes it (a UAWorld may come first)
                }
            } catch (IOException closedHard) {
                // a reset also shows that UPS closed it
            }
            toUps.close();
            UpsAmazonClient again = UpsAmazonClient.connect(fixture.amazonPort(), true, 10_000);
            again.startResending(Duration.ofMillis(200));
            assertThat(again.awaitWorldId()).isEqualTo(worldId);
            order(again, toWorld, 43, 60, 60);
            again.close();
            toWorld.close();
        }
    }

    @Test
    void ordersCompleteWhenBothSimulatorsAreFlaky() throws Exception {
        try (UpsFixture fixture = new UpsFixture(3, 30)) {
            UpsAmazonClient toUps = UpsAmazonClient.connect(fixture.amazonPort(), true, 1);
            toUps.startResending(Duration.ofMillis(100));
            long worldId = toUps.awaitWorldId();
            AmazonWorldClient toWorld = AmazonWorldClient.connect(fixture.world.amazonPort(), worldId, new int[] {1, 30, 40});
            toWorld.startResending(Duration.ofMillis(100));
            for (long shipid = 1; shipid <= 3; shipid++) {
                order(toUps, toWorld, shipid, (int) shipid * 10, 0);
            }
            toUps.close();
            toWorld.close();
        }
    }
}
