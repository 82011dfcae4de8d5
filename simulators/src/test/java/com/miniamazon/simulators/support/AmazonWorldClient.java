package com.miniamazon.simulators.support;

import com.miniamazon.protocol.world.ACommands;
import com.miniamazon.protocol.world.AConnect;
import com.miniamazon.protocol.world.AConnected;
import com.miniamazon.protocol.world.AErr;
import com.miniamazon.protocol.world.AInitWarehouse;
import com.miniamazon.protocol.world.ALoaded;
import com.miniamazon.protocol.world.APack;
import com.miniamazon.protocol.world.APackage;
import com.miniamazon.protocol.world.APacked;
import com.miniamazon.protocol.world.AProduct;
import com.miniamazon.protocol.world.APurchaseMore;
import com.miniamazon.protocol.world.APutOnTruck;
import com.miniamazon.protocol.world.AQuery;
import com.miniamazon.protocol.world.AResponses;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** A test Amazon client of the world. */
public final class AmazonWorldClient extends TestPeer<AResponses> {

    private final AtomicLong seq = new AtomicLong(1);
    public AConnected connected;

    public AmazonWorldClient(int port) throws IOException {
        super(port);
    }

    /** Connects (worldid null: create a world) with warehouses given as {id, x, y}; acks every item automatically. */
    public static AmazonWorldClient connect(int port, Long worldId, int[]... warehouses) throws IOException {
        return connect(port, worldId, true, warehouses);
    }

    public static AmazonWorldClient connect(int port, Long worldId, boolean autoAck, int[]... warehouses) throws IOException {
        AmazonWorldClient c = new AmazonWorldClient(port);
        AConnect.Builder b = AConnect.newBuilder().setIsAmazon(true);
        if (worldId != null) {
            b.setWorldid(worldId);
        }
        for (int[] w : warehouses) {
            b.addInitwh(AInitWarehouse.newBuilder().setId(w[0]).setX(w[1]).setY(w[2]));
        }
        c.connected = c.handshake(b.build(), AConnected.parser());
        if ("connected!".equals(c.connected.getResult())) {
            c.startReading(AResponses.parser(), AResponses::getAcksList, AmazonWorldClient::itemSeqnums,
                    autoAck ? acks -> ACommands.newBuilder().addAllAcks(acks).build() : null);
        }
        return c;
    }

    public static List<Long> itemSeqnums(AResponses r) {
        List<Long> s = new ArrayList<>();
        r.getArrivedList().forEach(x -> s.add(x.getSeqnum()));
        r.getReadyList().forEach(x -> s.add(x.getSeqnum()));
        r.getLoadedList().forEach(x -> s.add(x.getSeqnum()));
        r.getErrorList().forEach(x -> s.add(x.getSeqnum()));
        r.getPackagestatusList().forEach(x -> s.add(x.getSeqnum()));
        return s;
    }

    /** Continues numbering commands from {@code next} (a client resuming after a reconnect keeps its numbering). */
    public void seqFrom(long next) {
        seq.set(next);
    }

    public long nextSeq() {
        return seq.getAndIncrement();
    }

    public static AProduct product(long id, String description, int count) {
        return AProduct.newBuilder().setId(id).setDescription(description).setCount(count).build();
    }

    public long buy(int wh, AProduct... things) throws IOException {
        long s = nextSeq();
        sendReliably(s, ACommands.newBuilder().addBuy(APurchaseMore.newBuilder().setWhnum(wh).addAllThings(List.of(things)).setSeqnum(s)).build());
        return s;
    }

    public long pack(int wh, long shipid, AProduct... things) throws IOException {
        long s = nextSeq();
        sendReliably(s, ACommands.newBuilder().addTopack(APack.newBuilder().setWhnum(wh).setShipid(shipid).addAllThings(List.of(things)).setSeqnum(s)).build());
        return s;
    }

    public long putOnTruck(int wh, int truck, long shipid) throws IOException {
        long s = nextSeq();
        sendReliably(s, ACommands.newBuilder().addLoad(APutOnTruck.newBuilder().setWhnum(wh).setTruckid(truck).setShipid(shipid).setSeqnum(s)).build());
        return s;
    }

    public long query(long shipid) throws IOException {
        long s = nextSeq();
        sendReliably(s, ACommands.newBuilder().addQueries(AQuery.newBuilder().setPackageid(shipid).setSeqnum(s)).build());
        return s;
    }

    /** Every arrived item as received, resends included. */
    public Stream<APurchaseMore> rawArrived() {
        return received.stream().flatMap(r -> r.getArrivedList().stream());
    }

    /** Arrived items, each seqnum once (as a client handles them). */
    public Stream<APurchaseMore> arrived() {
        return TestPeer.distinct(rawArrived(), APurchaseMore::getSeqnum);
    }

    public Stream<APacked> ready() {
        return TestPeer.distinct(received.stream().flatMap(r -> r.getReadyList().stream()), APacked::getSeqnum);
    }

    public Stream<ALoaded> loaded() {
        return TestPeer.distinct(received.stream().flatMap(r -> r.getLoadedList().stream()), ALoaded::getSeqnum);
    }

    public Stream<AErr> errors() {
        return TestPeer.distinct(received.stream().flatMap(r -> r.getErrorList().stream()), AErr::getSeqnum);
    }

    public Stream<APackage> statuses() {
        return TestPeer.distinct(received.stream().flatMap(r -> r.getPackagestatusList().stream()), APackage::getSeqnum);
    }

    public AErr awaitError(long originSeqnum) {
        return awaitMessage(r -> r.getErrorList().stream().anyMatch(e -> e.getOriginseqnum() == originSeqnum))
                .getErrorList().stream().filter(e -> e.getOriginseqnum() == originSeqnum).findFirst().orElseThrow();
    }

    public void awaitReady(long shipid) {
        awaitMessage(r -> r.getReadyList().stream().anyMatch(p -> p.getShipid() == shipid));
    }

    public void awaitLoaded(long shipid) {
        awaitMessage(r -> r.getLoadedList().stream().anyMatch(p -> p.getShipid() == shipid));
    }

    public APackage awaitStatus(long shipid) {
        return awaitMessage(r -> r.getPackagestatusList().stream().anyMatch(p -> p.getPackageid() == shipid))
                .getPackagestatusList().stream().filter(p -> p.getPackageid() == shipid).findFirst().orElseThrow();
    }
}
