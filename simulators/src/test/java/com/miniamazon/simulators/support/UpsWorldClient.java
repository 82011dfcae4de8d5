package com.miniamazon.simulators.support;

import com.miniamazon.protocol.world.UCommands;
import com.miniamazon.protocol.world.UConnect;
import com.miniamazon.protocol.world.UConnected;
import com.miniamazon.protocol.world.UDeliveryLocation;
import com.miniamazon.protocol.world.UDeliveryMade;
import com.miniamazon.protocol.world.UErr;
import com.miniamazon.protocol.world.UFinished;
import com.miniamazon.protocol.world.UGoDeliver;
import com.miniamazon.protocol.world.UGoPickup;
import com.miniamazon.protocol.world.UInitTruck;
import com.miniamazon.protocol.world.UQuery;
import com.miniamazon.protocol.world.UResponses;
import com.miniamazon.protocol.world.UTruck;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** A test UPS client of the world. */
public final class UpsWorldClient extends TestPeer<UResponses> {

    private final AtomicLong seq = new AtomicLong(1);
    public UConnected connected;

    public UpsWorldClient(int port) throws IOException {
        super(port);
    }

    /** Connects (worldid null: create a world) with trucks given as {id, x, y}; acks every item automatically. */
    public static UpsWorldClient connect(int port, Long worldId, int[]... trucks) throws IOException {
        return connect(port, worldId, true, trucks);
    }

    public static UpsWorldClient connect(int port, Long worldId, boolean autoAck, int[]... trucks) throws IOException {
        UpsWorldClient c = new UpsWorldClient(port);
        UConnect.Builder b = UConnect.newBuilder().setIsAmazon(false);
        if (worldId != null) {
            b.setWorldid(worldId);
        }
        for (int[] t : trucks) {
            b.addTrucks(UInitTruck.newBuilder().setId(t[0]).setX(t[1]).setY(t[2]));
        }
        c.connected = c.handshake(b.build(), UConnected.parser());
        if ("connected!".equals(c.connected.getResult())) {
            c.startReading(UResponses.parser(), UResponses::getAcksList, UpsWorldClient::itemSeqnums,
                    autoAck ? acks -> UCommands.newBuilder().addAllAcks(acks).build() : null);
        }
        return c;
    }

    public static List<Long> itemSeqnums(UResponses r) {
        List<Long> s = new ArrayList<>();
        r.getCompletionsList().forEach(x -> s.add(x.getSeqnum()));
        r.getDeliveredList().forEach(x -> s.add(x.getSeqnum()));
        r.getTruckstatusList().forEach(x -> s.add(x.getSeqnum()));
        r.getErrorList().forEach(x -> s.add(x.getSeqnum()));
        return s;
    }

    /** Continues numbering commands from {@code next} (a client resuming after a reconnect keeps its numbering). */
    public void seqFrom(long next) {
        seq.set(next);
    }

    public long nextSeq() {
        return seq.getAndIncrement();
    }

    public long pickup(int truck, int wh) throws IOException {
        long s = nextSeq();
        sendReliably(s, UCommands.newBuilder().addPickups(UGoPickup.newBuilder().setTruckid(truck).setWhid(wh).setSeqnum(s)).build());
        return s;
    }

    /** Destinations as {packageid, x, y}. */
    public long deliver(int truck, long[]... packages) throws IOException {
        long s = nextSeq();
        UGoDeliver.Builder d = UGoDeliver.newBuilder().setTruckid(truck).setSeqnum(s);
        for (long[] p : packages) {
            d.addPackages(UDeliveryLocation.newBuilder().setPackageid(p[0]).setX((int) p[1]).setY((int) p[2]));
        }
        sendReliably(s, UCommands.newBuilder().addDeliveries(d).build());
        return s;
    }

    public long query(int truck) throws IOException {
        long s = nextSeq();
        sendReliably(s, UCommands.newBuilder().addQueries(UQuery.newBuilder().setTruckid(truck).setSeqnum(s)).build());
        return s;
    }

    public Stream<UFinished> completions() {
        return TestPeer.distinct(received.stream().flatMap(r -> r.getCompletionsList().stream()), UFinished::getSeqnum);
    }

    public Stream<UDeliveryMade> deliveries() {
        return TestPeer.distinct(received.stream().flatMap(r -> r.getDeliveredList().stream()), UDeliveryMade::getSeqnum);
    }

    public Stream<UErr> errors() {
        return TestPeer.distinct(received.stream().flatMap(r -> r.getErrorList().stream()), UErr::getSeqnum);
    }

    public UErr awaitError(long originSeqnum) {
        return awaitMessage(r -> r.getErrorList().stream().anyMatch(e -> e.getOriginseqnum() == originSeqnum))
                .getErrorList().stream().filter(e -> e.getOriginseqnum() == originSeqnum).findFirst().orElseThrow();
    }

    /** Waits for the n-th (1-based) completion of this truck with this status (case-insensitive). */
    public UFinished awaitCompletion(int truck, String status, int nth) {
        awaitMessage(r -> completions().filter(f -> f.getTruckid() == truck && f.getStatus().equalsIgnoreCase(status)).count() >= nth);
        return completions().filter(f -> f.getTruckid() == truck && f.getStatus().equalsIgnoreCase(status)).skip(nth - 1L)
                .findFirst().orElseThrow();
    }

    public UDeliveryMade awaitDelivered(long packageId) {
        return awaitMessage(r -> r.getDeliveredList().stream().anyMatch(d -> d.getPackageid() == packageId))
                .getDeliveredList().stream().filter(d -> d.getPackageid() == packageId).findFirst().orElseThrow();
    }

    public UTruck awaitTruckStatus(long querySeqnumAfter, int truck) {
        return awaitMessage(r -> r.getTruckstatusList().stream().anyMatch(t -> t.getTruckid() == truck))
                .getTruckstatusList().stream().filter(t -> t.getTruckid() == truck).findFirst().orElseThrow();
    }
}
