package com.miniamazon.simulators.world;

import static com.miniamazon.simulators.support.AmazonWorldClient.product;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.miniamazon.protocol.world.ACommands;
import com.miniamazon.protocol.world.APurchaseMore;
import com.miniamazon.protocol.world.AErr;
import com.miniamazon.protocol.world.AResponses;
import com.miniamazon.protocol.world.UCommands;
import com.miniamazon.protocol.world.UDeliveryMade;
import com.miniamazon.protocol.world.UErr;
import com.miniamazon.protocol.world.UFinished;
import com.miniamazon.protocol.world.UTruck;
import com.miniamazon.simulators.support.AmazonWorldClient;
import com.miniamazon.simulators.support.UpsWorldClient;
import com.miniamazon.simulators.support.WorldFixture;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The world protocol as a client sees it, over real sockets, against one fast simulator. */
class WorldConformanceTest {

    static WorldFixture world;
    static final AtomicLong SHIPIDS = new AtomicLong(1000);

    @BeforeAll
    static void start() throws Exception {
        world = WorldFixture.fast();
    }

    @AfterAll
    static void stop() throws Exception {
        world.close();
    }

    /** A world made by UPS (trucks 1 at (0,0) and 2 at (50,50)) that Amazon joined with warehouse 1 at (10,10). */
    record Pair(UpsWorldClient ups, AmazonWorldClient amazon, long worldId) implements AutoCloseable {
        @Override
        public void close() throws Exception {
            ups.close();
            amazon.close();
        }
    }

    static Pair newWorld() throws Exception {
        UpsWorldClient ups = UpsWorldClient.connect(world.upsPort(), null, new int[] {1, 0, 0}, new int[] {2, 50, 50});
        assertThat(ups.connected.getResult()).isEqualTo("connected!");
        long id = ups.connected.getWorldid();
        AmazonWorldClient amazon = AmazonWorldClient.connect(world.amazonPort(), id, new int[] {1, 10, 10});
        assertThat(amazon.connected.getResult()).isEqualTo("connected!");
        assertThat(amazon.connected.getWorldid()).isEqualTo(id);
        return new Pair(ups, amazon, id);
    }

    /** Buys and packs one product; returns when the package is packed. */
    static long packedPackage(Pair p) throws Exception {
        long shipid = SHIPIDS.incrementAndGet();
        long buy = p.amazon().buy(1, product(shipid, "thing " + shipid, 2));
        p.amazon().awaitMessage(r -> r.getArrivedList().stream().anyMatch(a -> a.getThings(0).getId() == shipid));
        p.amazon().awaitAck(buy);
        p.amazon().pack(1, shipid, product(shipid, "thing " + shipid, 1));
        p.amazon().awaitReady(shipid);
        return shipid;
    }

    @Test
    void eitherSideCreatesAWorldAndTheOtherJoins() throws Exception {
        try (Pair p = newWorld()) {
            assertThat(p.worldId()).isPositive();
        }
        AmazonWorldClient amazon = AmazonWorldClient.connect(world.amazonPort(), null, new int[] {3, 1, 2});
        assertThat(amazon.connected.getResult()).isEqualTo("connected!");
        UpsWorldClient ups = UpsWorldClient.connect(world.upsPort(), amazon.connected.getWorldid(), new int[] {9, 5, 5});
        assertThat(ups.connected.getResult()).isEqualTo("connected!");
        assertThat(ups.connected.getWorldid()).isEqualTo(amazon.connected.getWorldid());
        amazon.close();
        ups.close();
    }

    @Test
    void handshakeErrors() throws Exception {
        AmazonWorldClient unknown = AmazonWorldClient.connect(world.amazonPort(), 987654321L);
        assertThat(unknown.connected.getResult()).startsWith("error:");
        unknown.close();

        try (Pair p = newWorld()) {
            AmazonWorldClient second = AmazonWorldClient.connect(world.amazonPort(), p.worldId(), new int[] {1, 10, 10});
            assertThat(second.connected.getResult()).startsWith("error:");
            second.close();
            UpsWorldClient secondUps = UpsWorldClient.connect(world.upsPort(), p.worldId());
            assertThat(secondUps.connected.getResult()).startsWith("error:");
            secondUps.close();

            p.amazon().close();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                AmazonWorldClient again = AmazonWorldClient.connect(world.amazonPort(), p.worldId(), new int[] {1, 11, 10});
                again.close();
                return again.connected.getResult().startsWith("error:") && !again.connected.getResult().contains("already connected");
            });
            AmazonWorldClient same = AmazonWorldClient.connect(world.amazonPort(), p.worldId(), new int[] {1, 10, 10}, new int[] {2, 20, 20});
            assertThat(same.connected.getResult()).isEqualTo("connected!");
            same.close();

            p.ups().close();
            await().atMost(Duration.ofSeconds(10)).until(() -> {
                UpsWorldClient moved = UpsWorldClient.connect(world.upsPort(), p.worldId(), new int[] {2, 51, 50});
                moved.close();
                return moved.connected.getResult().startsWith("error:") && moved.connected.getResult().contains("truck 2");
            });
        }
        UpsWorldClient wrongFlag = new UpsWorldClient(world.upsPort());
        var answer = wrongFlag.handshake(com.miniamazon.protocol.world.UConnect.newBuilder().setIsAmazon(true).build(),
                com.miniamazon.protocol.world.UConnected.parser());
        assertThat(answer.getResult()).startsWith("error:");
        wrongFlag.close();
    }

    @Test
    void purchaseArrivesAfterADelayWithTheWorldsOwnSeqnum() throws Exception {
        try (Pair p = newWorld()) {
            long seq = p.amazon().buy(1, product(7, "seven", 3), product(8, "eight", 1));
            p.amazon().awaitAck(seq);
            APurchaseMore arrived = p.amazon().awaitMessage(r -> r.getArrivedCount() > 0).getArrived(0);
            assertThat(arrived.getWhnum()).isEqualTo(1);
            assertThat(arrived.getThingsList()).extracting(t -> t.getId() + ":" + t.getCount()).containsExactly("7:3", "8:1");
            assertThat(arrived.getSeqnum()).isPositive();
        }
    }

    @Test
    void packNeedsStockAndReportsReady() throws Exception {
        try (Pair p = newWorld()) {
            long early = p.amazon().pack(1, 501, product(77, "x", 1));
            AErr err = p.amazon().awaitError(early);
            assertThat(err.getErr()).contains("stock");
            p.amazon().awaitAck(early);

            long buy = p.amazon().buy(1, product(77, "x", 2));
            p.amazon().awaitMessage(r -> r.getArrivedCount() > 0);
            p.amazon().awaitAck(buy);
            long tooMany = p.amazon().pack(1, 502, product(77, "x", 3));
            assertThat(p.amazon().awaitError(tooMany).getErr()).contains("not enough stock");
            p.amazon().pack(1, 503, product(77, "x", 2));
            p.amazon().awaitReady(503);
            long reused = p.amazon().pack(1, 503, product(77, "x", 0));
            assertThat(p.amazon().awaitError(reused).getErr()).isNotEmpty();
            long unknownWh = p.amazon().buy(42, product(1, "y", 1));
            assertThat(p.amazon().awaitError(unknownWh).getErr()).contains("warehouse 42");
        }
    }

    @Test
    void pickupLoadDeliverAndIdle() throws Exception {
        try (Pair p = newWorld()) {
            long shipid = packedPackage(p);
            long shipid2 = packedPackage(p);

            long tooEarly = p.amazon().putOnTruck(1, 1, shipid);
            assertThat(p.amazon().awaitError(tooEarly).getErr()).contains("not at warehouse");

            p.ups().pickup(1, 1);
            UFinished arrived = p.ups().awaitCompletion(1, "ARRIVE WAREHOUSE", 1);
            assertThat(arrived.getStatus()).isEqualTo("ARRIVE WAREHOUSE");
            assertThat(List.of(arrived.getX(), arrived.getY())).containsExactly(10, 10);

            p.amazon().putOnTruck(1, 1, shipid);
            p.amazon().putOnTruck(1, 1, shipid2);
            p.amazon().awaitLoaded(shipid);
            p.amazon().awaitLoaded(shipid2);
            long again = p.amazon().putOnTruck(1, 1, shipid);
            assertThat(p.amazon().awaitError(again).getErr()).contains("already");

            p.ups().deliver(1, new long[] {shipid2, 30, 10}, new long[] {shipid, 20, 10});
            p.ups().awaitDelivered(shipid);
            UFinished idle = p.ups().awaitCompletion(1, "IDLE", 1);
            assertThat(List.of(idle.getX(), idle.getY())).containsExactly(20, 10);
            assertThat(p.ups().deliveries().map(UDeliveryMade::getPackageid)).containsExactly(shipid2, shipid);

            p.amazon().query(shipid);
            assertThat(p.amazon().awaitStatus(shipid).getStatus()).isEqualTo("delivered");
            long delivered = p.ups().deliver(1, new long[] {shipid, 1, 1});
            assertThat(p.ups().awaitError(delivered).getErr()).contains("delivered");

            await().atMost(Duration.ofSeconds(10)).until(() ->
                    world.db.count("select count(*) from world_event where world_id = ? and package_id = ? and kind = 'packed'", p.worldId(), shipid) == 1
                            && world.db.count("select count(*) from world_event where world_id = ? and package_id = ? and kind = 'loaded'", p.worldId(), shipid) == 1);
        }
    }

    @Test
    void resendingADeliveryBeforeArrivalChangesItsDestination() throws Exception {
        try (Pair p = newWorld()) {
            p.ups().sendReliably(0, UCommands.newBuilder().setSimspeed(100).build()); // slow: 100 ms per grid unit
            long shipid = packedPackage(p);
            p.ups().sendReliably(0, UCommands.newBuilder().setSimspeed(10_000).build());
            p.ups().pickup(1, 1);
            p.ups().awaitCompletion(1, "arrive warehouse", 1);
            p.amazon().putOnTruck(1, 1, shipid);
            p.amazon().awaitLoaded(shipid);
            p.ups().sendReliably(0, UCommands.newBuilder().setSimspeed(100).build());
            p.ups().deliver(1, new long[] {shipid, 10, 100});
            p.ups().deliver(1, new long[] {shipid, 12, 10});
            UFinished idle = p.ups().awaitCompletion(1, "idle", 1);
            assertThat(List.of(idle.getX(), idle.getY())).containsExactly(12, 10);
            assertThat(p.ups().deliveries().filter(d -> d.getPackageid() == shipid)).hasSize(1);
        }
    }

    @Test
    void pickupWhileDeliveringResumesTheDeliveriesLater() throws Exception {
        try (Pair p = newWorld()) {
            long a = packedPackage(p);
            long b = packedPackage(p);
            p.ups().pickup(1, 1);
            p.ups().awaitCompletion(1, "arrive warehouse", 1);
            p.amazon().putOnTruck(1, 1, a);
            p.amazon().putOnTruck(1, 1, b);
            p.amazon().awaitLoaded(a);
            p.amazon().awaitLoaded(b);
            // slow enough (1 s per grid unit) that the truck is surely on its way to the far drop-off
            p.ups().write(UCommands.newBuilder().setSimspeed(10).build());
            p.ups().deliver(1, new long[] {a, 10, 11}, new long[] {b, 10, 1000});
            p.ups().awaitDelivered(a);
            p.ups().write(UCommands.newBuilder().setSimspeed(10_000).build());
            long q = p.ups().query(1);
            UTruck moving = p.ups().awaitTruckStatus(q, 1);
            assertThat(moving.getStatus()).isEqualTo("DELIVERING");
            p.ups().pickup(1, 1);
            UFinished back = p.ups().awaitCompletion(1, "ARRIVE WAREHOUSE", 2);
            assertThat(List.of(back.getX(), back.getY())).containsExactly(10, 10);
            assertThat(p.ups().deliveries().map(UDeliveryMade::getPackageid)).containsExactly(a);
            long c = packedPackage(p);
            p.amazon().putOnTruck(1, 1, c);
            p.amazon().awaitLoaded(c);
            p.ups().deliver(1, new long[] {c, 15, 10});
            p.ups().awaitDelivered(b);
            p.ups().awaitCompletion(1, "IDLE", 1);
            assertThat(p.ups().deliveries().map(UDeliveryMade::getPackageid)).containsExactly(a, c, b);
        }
    }

    @Test
    void queriesAndTheirErrors() throws Exception {
        try (Pair p = newWorld()) {
            long shipid = SHIPIDS.incrementAndGet();
            p.amazon().buy(1, product(shipid, "q", 1));
            p.amazon().awaitMessage(r -> r.getArrivedCount() > 0);
            p.amazon().pack(1, shipid, product(shipid, "q", 1));
            p.amazon().awaitReady(shipid);
            p.amazon().query(shipid);
            assertThat(p.amazon().awaitStatus(shipid).getStatus()).isEqualTo("packed");
            long unknown = p.amazon().query(424242);
            assertThat(p.amazon().awaitError(unknown).getErr()).contains("unknown package");

            long q = p.ups().query(2);
            UTruck t = p.ups().awaitTruckStatus(q, 2);
            assertThat(t.getStatus()).isEqualTo("IDLE");
            assertThat(List.of(t.getX(), t.getY())).containsExactly(50, 50);
            // A package still being packed cannot be loaded (at speed 1 packing takes 200 s).
            long slowShip = SHIPIDS.incrementAndGet();
            p.amazon().buy(1, product(slowShip, "slow", 1));
            p.amazon().awaitMessage(r -> r.getArrivedList().stream().anyMatch(a -> a.getThings(0).getId() == slowShip));
            p.amazon().write(ACommands.newBuilder().setSimspeed(1).build());
            p.amazon().pack(1, slowShip, product(slowShip, "slow", 1));
            long notPacked = p.amazon().putOnTruck(1, 1, slowShip);
            assertThat(p.amazon().awaitError(notPacked).getErr()).contains("not packed");
            p.amazon().query(slowShip);
            assertThat(p.amazon().awaitStatus(slowShip).getStatus()).isEqualTo("packing");

            UErr noTruck = p.ups().awaitError(p.ups().query(99));
            assertThat(noTruck.getErr()).contains("unknown truck");
            assertThat(p.ups().awaitError(p.ups().pickup(1, 77)).getErr()).contains("unknown warehouse");
            assertThat(p.ups().awaitError(p.ups().deliver(1, new long[] {shipid, 1, 1})).getErr()).contains("not loaded on truck");
            assertThat(p.ups().awaitError(p.ups().deliver(1, new long[] {999_999, 1, 1})).getErr()).contains("unknown package");
            assertThat(p.amazon().awaitError(p.amazon().putOnTruck(1, 9, shipid)).getErr()).contains("unknown truck");
        }
    }

    @Test
    void aDuplicateCommandIsAckedAgainButAppliedOnce() throws Exception {
        try (Pair p = newWorld()) {
            ACommands buy = ACommands.newBuilder().addBuy(APurchaseMore.newBuilder().setWhnum(1)
                    .addThings(product(5, "five", 1)).setSeqnum(900)).build();
            p.amazon().write(buy);
            p.amazon().awaitMessage(r -> r.getAcksList().contains(900L));
            p.amazon().write(buy);
            p.amazon().awaitMessage(r -> p.amazon().received.stream().filter(m -> m.getAcksList().contains(900L)).count() == 2);
            p.amazon().awaitMessage(r -> r.getArrivedCount() > 0);
            // a third purchase under a new seqnum arrives: after it, the duplicate surely had its chance
            long marker = p.amazon().buy(1, product(6, "six", 1));
            p.amazon().awaitAck(marker);
            p.amazon().awaitMessage(r -> r.getArrivedList().stream().anyMatch(a -> a.getThings(0).getId() == 6));
            assertThat(p.amazon().arrived().filter(a -> a.getThings(0).getId() == 5)).hasSize(1);
        }
    }

    @Test
    void unackedResponsesAreResentUntilAcked() throws Exception {
        UpsWorldClient ups = UpsWorldClient.connect(world.upsPort(), null, new int[] {1, 0, 0});
        AmazonWorldClient amazon = AmazonWorldClient.connect(world.amazonPort(), ups.connected.getWorldid(), false, new int[] {1, 3, 4});
        amazon.buy(1, product(1, "one", 1));
        amazon.awaitMessage(r -> amazon.rawArrived().count() >= 3);
        List<Long> seqs = amazon.rawArrived().map(APurchaseMore::getSeqnum).distinct().toList();
        assertThat(seqs).hasSize(1);
        amazon.write(ACommands.newBuilder().addAcks(seqs.get(0)).build());
        long before = amazon.rawArrived().count();
        await().during(Duration.ofMillis(600)).atMost(Duration.ofSeconds(3)).until(() -> amazon.rawArrived().count() <= before + 1);
        amazon.close();
        ups.close();
    }

    @Test
    void disconnectIsAnsweredWithFinished() throws Exception {
        try (Pair p = newWorld()) {
            long s = p.amazon().nextSeq();
            p.amazon().write(ACommands.newBuilder().addBuy(APurchaseMore.newBuilder().setWhnum(1).addThings(product(3, "t", 1))
                    .setSeqnum(s)).setDisconnect(true).build());
            AResponses last = p.amazon().awaitMessage(AResponses::getFinished);
            assertThat(last.getAcksList()).contains(s);
            p.amazon().awaitClosed();
            p.ups().write(UCommands.newBuilder().setDisconnect(true).build());
            p.ups().awaitMessage(r -> r.getFinished());
            p.ups().awaitClosed();
            // the world is free for a new Amazon connection
            AmazonWorldClient back = AmazonWorldClient.connect(world.amazonPort(), p.worldId());
            assertThat(back.connected.getResult()).isEqualTo("connected!");
            back.awaitMessage(r -> r.getArrivedCount() > 0);
            back.close();
        }
    }
}
