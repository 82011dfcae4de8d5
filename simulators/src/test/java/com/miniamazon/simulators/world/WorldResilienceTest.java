package com.miniamazon.simulators.world;

import static com.miniamazon.simulators.support.AmazonWorldClient.product;
import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.protocol.world.ACommands;
import com.miniamazon.protocol.world.APurchaseMore;
import com.miniamazon.protocol.world.UCommands;
import com.miniamazon.protocol.world.UFinished;
import com.miniamazon.simulators.support.AmazonWorldClient;
import com.miniamazon.simulators.support.UpsWorldClient;
import com.miniamazon.simulators.support.WorldFixture;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Flaky delivery, restarts, status spelling and hostile peers. */
class WorldResilienceTest {

    /** Runs one order from purchase to delivery; works whatever the flakiness, because the client resends. */
    static void completeOrder(AmazonWorldClient amazon, UpsWorldClient ups, int truck, long shipid) throws Exception {
        amazon.buy(1, product(shipid, "p" + shipid, 1));
        amazon.awaitMessage(r -> r.getArrivedList().stream().anyMatch(a -> a.getThings(0).getId() == shipid));
        amazon.pack(1, shipid, product(shipid, "p" + shipid, 1));
        long pickup = ups.pickup(truck, 1);
        amazon.awaitReady(shipid);
        ups.awaitAck(pickup);
        ups.awaitMessage(r -> ups.completions().anyMatch(f -> f.getTruckid() == truck && f.getStatus().equalsIgnoreCase("arrive warehouse")
                && f.getSeqnum() > 0));
        amazon.putOnTruck(1, truck, shipid);
        amazon.awaitLoaded(shipid);
        ups.deliver(truck, new long[] {shipid, 3, 3});
        ups.awaitDelivered(shipid);
    }

    @Test
    void aResendingClientCompletesAtFiftyPercentFlakiness() throws Exception {
        try (WorldFixture world = new WorldFixture(50, 10_000, false)) {
            UpsWorldClient ups = UpsWorldClient.connect(world.upsPort(), null, new int[] {1, 0, 0});
            AmazonWorldClient amazon = AmazonWorldClient.connect(world.amazonPort(), ups.connected.getWorldid(), new int[] {1, 5, 5});
            ups.startResending(Duration.ofMillis(50));
            amazon.startResending(Duration.ofMillis(50));
            completeOrder(amazon, ups, 1, 1);
            completeOrder(amazon, ups, 1, 2);
            long w = ups.connected.getWorldid();
            assertThat(world.db.count("select count(*) from world_event where world_id = ? and kind = 'packed'", w)).isEqualTo(2);
            assertThat(world.db.count("select count(*) from world_event where world_id = ? and kind = 'purchase'", w)).isEqualTo(2);
            assertThat(world.db.count("select count(*) from world_event where world_id = ? and kind = 'loaded'", w)).isEqualTo(2);
            assertThat(world.db.count("select count(*) from world_event where world_id = ? and kind = 'delivered'", w)).isEqualTo(2);
            amazon.close();
            ups.close();
        }
    }

    @Test
    void aClientReconnectingAfterARestartResumesItsWorld() throws Exception {
        try (WorldFixture world = new WorldFixture(0, 100, false)) {
            UpsWorldClient ups = UpsWorldClient.connect(world.upsPort(), null, new int[] {1, 0, 0});
            long id = ups.connected.getWorldid();
            AmazonWorldClient amazon = AmazonWorldClient.connect(world.amazonPort(), id, false, new int[] {1, 10, 10});
            // An arrived item that will not be acked before the restart.
            long first = amazon.buy(1, product(1, "one", 1));
            APurchaseMore arrived = amazon.awaitMessage(r -> r.getArrivedCount() > 0).getArrived(0);
            // Pending at the restart: a purchase (2 s) and a truck on its way (about 1.4 s).
            long second = amazon.buy(1, product(2, "two", 1));
            amazon.awaitAck(second);
            long pickup = ups.pickup(1, 1);
            ups.awaitAck(pickup);
            amazon.close();
            ups.close();
            world.restart();

            AmazonWorldClient amazon2 = AmazonWorldClient.connect(world.amazonPort(), id, true, new int[] {1, 10, 10});
            amazon2.seqFrom(100);
            assertThat(amazon2.connected.getResult()).isEqualTo("connected!");
            UpsWorldClient ups2 = UpsWorldClient.connect(world.upsPort(), id);
            assertThat(ups2.connected.getResult()).isEqualTo("connected!");
            amazon2.awaitMessage(r -> r.getArrivedList().stream().anyMatch(a -> a.getSeqnum() == arrived.getSeqnum()));
            amazon2.awaitMessage(r -> r.getArrivedList().stream().anyMatch(a -> a.getThings(0).getId() == 2));
            UFinished done = ups2.awaitCompletion(1, "ARRIVE WAREHOUSE", 1);
            assertThat(List.of(done.getX(), done.getY())).containsExactly(10, 10);
            // The seqnums seen before the restart are still known: a resent command is acked, not applied again.
            amazon2.write(ACommands.newBuilder().addBuy(APurchaseMore.newBuilder().setWhnum(1).addThings(product(1, "one", 1))
                    .setSeqnum(first)).build());
            amazon2.awaitMessage(r -> r.getAcksList().contains(first));
            long marker = amazon2.query(1);
            amazon2.awaitError(marker);
            assertThat(amazon2.arrived().filter(a -> a.getThings(0).getId() == 1).map(APurchaseMore::getSeqnum).distinct())
                    .containsExactly(arrived.getSeqnum());
            amazon2.close();
            ups2.close();
        }
    }

    @Test
    void truckStatusesCanBeLowerCase() throws Exception {
        try (WorldFixture world = new WorldFixture(0, 10_000, true)) {
            UpsWorldClient ups = UpsWorldClient.connect(world.upsPort(), null, new int[] {1, 0, 0});
            AmazonWorldClient amazon = AmazonWorldClient.connect(world.amazonPort(), ups.connected.getWorldid(), new int[] {1, 5, 5});
            ups.pickup(1, 1);
            assertThat(ups.awaitCompletion(1, "arrive warehouse", 1).getStatus()).isEqualTo("arrive warehouse");
            long q = ups.query(1);
            assertThat(ups.awaitTruckStatus(q, 1).getStatus()).isEqualTo("arrive warehouse");
            amazon.close();
            ups.close();
        }
    }

    @Test
    void garbageClosesOnlyTheConnectionThatSentIt() throws Exception {
        try (WorldFixture world = WorldFixture.fast()) {
            UpsWorldClient ups = UpsWorldClient.connect(world.upsPort(), null, new int[] {1, 0, 0});
            AmazonWorldClient amazon = AmazonWorldClient.connect(world.amazonPort(), ups.connected.getWorldid(), new int[] {1, 5, 5});
            completeOrder(amazon, ups, 1, 1);

            Random random = new Random(42);
            // Random bytes instead of a handshake.
            AmazonWorldClient noise = new AmazonWorldClient(world.amazonPort());
            byte[] junk = new byte[4096];
            random.nextBytes(junk);
            noise.writeRaw(junk);
            noise.startReading(com.miniamazon.protocol.world.AResponses.parser(), r -> List.of(), r -> List.of(), null);
            noise.awaitClosed();
            // An oversized length prefix after a good handshake on another world.
            UpsWorldClient big = UpsWorldClient.connect(world.upsPort(), null, new int[] {1, 0, 0});
            big.writeRaw(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0x7f});
            big.awaitClosed();
            // A malformed varint (more than five continuation bytes).
            UpsWorldClient badVarint = UpsWorldClient.connect(world.upsPort(), null, new int[] {1, 0, 0});
            badVarint.writeRaw(new byte[] {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80});
            badVarint.awaitClosed();
            // A well-framed payload that is not a UCommands (a required field missing).
            UpsWorldClient notAMessage = UpsWorldClient.connect(world.upsPort(), null, new int[] {1, 0, 0});
            ByteArrayOutputStream bogus = new ByteArrayOutputStream();
            com.miniamazon.protocol.world.UGoPickup.newBuilder().setTruckid(1).setWhid(1).setSeqnum(1).build();
            UCommands.newBuilder().build().writeDelimitedTo(bogus);
            notAMessage.writeRaw(new byte[] {3, 0x0a, 0x01, 0x08}); // pickups { truckid missing fields }
            notAMessage.awaitClosed();
            // A client that closes in the middle of a frame.
            UpsWorldClient halfFrame = UpsWorldClient.connect(world.upsPort(), null, new int[] {1, 0, 0});
            halfFrame.writeRaw(new byte[] {20, 1, 2, 3});
            halfFrame.close();

            // The honest pair keeps completing orders.
            completeOrder(amazon, ups, 1, 2);
            assertThat(amazon.peerClosed()).isFalse();
            amazon.close();
            ups.close();
            big.close();
            badVarint.close();
            notAMessage.close();
            noise.close();
        }
    }
}
