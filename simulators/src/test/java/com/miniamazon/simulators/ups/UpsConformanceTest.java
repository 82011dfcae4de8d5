package com.miniamazon.simulators.ups;

import static com.miniamazon.simulators.support.AmazonWorldClient.product;
import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.protocol.ups.AUCommands;
import com.miniamazon.protocol.ups.UAAccountResult;
import com.miniamazon.protocol.ups.UAChangeResult;
import com.miniamazon.protocol.ups.UATruckArrived;
import com.miniamazon.protocol.ups.UAWorld;
import com.miniamazon.simulators.support.AmazonWorldClient;
import com.miniamazon.simulators.support.UpsAmazonClient;
import com.miniamazon.simulators.support.UpsFixture;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our Amazon/UPS protocol as Amazon sees it, against a UPS simulator working in a real (fast) world. */
class UpsConformanceTest {

    static UpsFixture fixture;
    static AmazonWorldClient amazonInWorld;
    static final AtomicLong SEQ = new AtomicLong(1);
    static final AtomicLong SHIPIDS = new AtomicLong(100);

    @BeforeAll
    static void start() throws Exception {
        fixture = new UpsFixture(5, 0);
        // Amazon joins UPS's world with warehouse 1 at (20,20) and warehouse 2 at (90,90).
        amazonInWorld = AmazonWorldClient.connect(fixture.world.amazonPort(), fixture.worldId(), new int[] {1, 20, 20}, new int[] {2, 90, 90});
        assertThat(amazonInWorld.connected.getResult()).isEqualTo("connected!");
        amazonInWorld.startResending(Duration.ofMillis(100));
    }

    @AfterAll
    static void stop() throws Exception {
        amazonInWorld.close();
        fixture.close();
    }

    static UpsAmazonClient connect() throws Exception {
        return UpsAmazonClient.connect(fixture.amazonPort(), true, SEQ.getAndAdd(1000));
    }

    /** Packs a package in the world so that it can be loaded. */
    static void packInWorld(int wh, long shipid) throws Exception {
        amazonInWorld.buy(wh, product(shipid, "item " + shipid, 1));
        amazonInWorld.awaitMessage(r -> r.getArrivedList().stream().anyMatch(a -> a.getThings(0).getId() == shipid));
        amazonInWorld.pack(wh, shipid, product(shipid, "item " + shipid, 1));
        amazonInWorld.awaitReady(shipid);
    }

    @Test
    void theWorldIsToldFirstAndResentUntilAcked() throws Exception {
        UpsAmazonClient quiet = UpsAmazonClient.connect(fixture.amazonPort(), false, SEQ.getAndAdd(1000));
        quiet.awaitMessage(r -> quiet.received.stream().filter(m -> m.getWorldCount() > 0).count() >= 2);
        assertThat(quiet.received.get(0).getWorldCount()).isEqualTo(1);
        UAWorld world = quiet.received.get(0).getWorld(0);
        assertThat(world.getWorldid()).isEqualTo(fixture.worldId());
        assertThat(quiet.received.stream().flatMap(m -> m.getWorldList().stream()).map(UAWorld::getSeqnum).distinct()).hasSize(1);
        quiet.close();
        // A new connection is told again.
        UpsAmazonClient again = connect();
        assertThat(again.awaitWorldId()).isEqualTo(fixture.worldId());
        again.close();
    }

    @Test
    void accountQueries() throws Exception {
        try (UpsAmazonClient amazon = connect()) {
            amazon.queryAccount("alice");
            amazon.queryAccount("zed");
            UAAccountResult alice = amazon.awaitAccount("alice");
            assertThat(alice.getExists()).isTrue();
            assertThat(amazon.awaitAccount("zed").getExists()).isFalse();
        }
    }

    @Test
    void anAmazonThatReconnectsGetsItsUnackedItemsAgain() throws Exception {
        UpsAmazonClient first = UpsAmazonClient.connect(fixture.amazonPort(), false, SEQ.getAndAdd(1000));
        first.queryAccount("bob");
        long seq = first.awaitAccount("bob").getSeqnum();
        first.close();
        try (UpsAmazonClient second = connect()) {
            second.awaitMessage(r -> r.getAccountsList().stream().anyMatch(a -> a.getSeqnum() == seq));
        }
    }

    @Test
    void pickupsFromOneWarehouseShareATruckAndChangesAreRefusedOnceOutForDelivery() throws Exception {
        try (UpsAmazonClient amazon = connect()) {
            long a = SHIPIDS.incrementAndGet();
            long b = SHIPIDS.incrementAndGet();
            long c = SHIPIDS.incrementAndGet();
            long s1 = amazon.nextSeq();
            long s2 = amazon.nextSeq();
            amazon.sendReliably(s1, AUCommands.newBuilder()
                    .addPickups(UpsAmazonClient.pickupRequest(s1, a, 2, 90, 90, 95, 95))
                    .addPickups(UpsAmazonClient.pickupRequest(s2, b, 2, 90, 90, 80, 80)).build());
            UATruckArrived forA = amazon.awaitArrivedFor(a);
            UATruckArrived forB = amazon.awaitArrivedFor(b);
            assertThat(forA.getTruckid()).isEqualTo(forB.getTruckid());
            assertThat(forA.getWhnum()).isEqualTo(2);
            int truck = forA.getTruckid();
            // A request while that truck waits at the warehouse rides along, told at once.
            amazon.requestPickup(c, 2, 90, 90, 70, 70);
            assertThat(amazon.awaitArrivedFor(c).getTruckid()).isEqualTo(truck);

            amazon.changeDestination(a, 96, 96);
            UAChangeResult ok = amazon.awaitChange(a, 1);
            assertThat(ok.getOk()).isTrue();

            for (long shipid : new long[] {a, b, c}) {
                packInWorld(2, shipid);
                amazonInWorld.putOnTruck(2, truck, shipid);
                amazonInWorld.awaitLoaded(shipid);
            }
            amazon.loaded(truck, a, b);
            amazon.loaded(truck, c);
            amazon.awaitOutForDelivery(a);
            amazon.changeDestination(b, 1, 1);
            UAChangeResult refused = amazon.awaitChange(b, 1);
            assertThat(refused.getOk()).isFalse();
            assertThat(refused.getReason()).contains("out for delivery");
            amazon.awaitDelivered(a);
            amazon.awaitDelivered(b);
            amazon.awaitDelivered(c);
            assertThat(amazon.received.stream().flatMap(m -> m.getDeliveredList().stream()).filter(d -> d.getShipid() == a))
                    .allSatisfy(d -> assertThat(d.getX()).isEqualTo(96));
            assertThat(fixture.db.count("select count(*) from ups_event where shipid = ? and kind = 'delivered'", a)).isEqualTo(1);
        }
    }

    @Test
    void badInputIsAnsweredWithErrors() throws Exception {
        try (UpsAmazonClient amazon = connect()) {
            long unknown = amazon.changeDestination(987_654, 1, 1);
            assertThat(amazon.awaitError(unknown).getErr()).contains("unknown shipid");
            long bad = amazon.requestPickup(SHIPIDS.incrementAndGet(), 1, 20, 20, 2_000_000_000, 5);
            assertThat(amazon.awaitError(bad).getErr()).contains("bad coordinates");
            long wrongTruck = amazon.loaded(1, 987_655);
            assertThat(amazon.awaitError(wrongTruck).getErr()).contains("unknown shipid");
        }
    }

    @Test
    void aRestartedUpsResumesItsWorldAndItsShipments() throws Exception {
        long world = fixture.worldId();
        long shipid = SHIPIDS.incrementAndGet();
        try (UpsAmazonClient amazon = connect()) {
            amazon.requestPickup(shipid, 1, 20, 20, 5, 5);
            amazon.awaitArrivedFor(shipid);
        }
        fixture.restart();
        assertThat(fixture.worldId()).isEqualTo(world);
        try (UpsAmazonClient amazon = connect()) {
            assertThat(amazon.awaitWorldId()).isEqualTo(world);
            packInWorld(1, shipid);
            int truck = (int) fixture.db.count("select truck_id from shipment where shipid = ?", shipid);
            amazonInWorld.putOnTruck(1, truck, shipid);
            amazonInWorld.awaitLoaded(shipid);
            amazon.loaded(truck, shipid);
            amazon.awaitDelivered(shipid);
        }
    }
}
