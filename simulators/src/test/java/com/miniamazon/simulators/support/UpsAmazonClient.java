package com.miniamazon.simulators.support;

import com.miniamazon.protocol.ups.AUChangeDestination;
import com.miniamazon.protocol.ups.AUCommands;
import com.miniamazon.protocol.ups.AULoaded;
import com.miniamazon.protocol.ups.AUQueryAccount;
import com.miniamazon.protocol.ups.AURequestPickup;
import com.miniamazon.protocol.ups.UAAccountResult;
import com.miniamazon.protocol.ups.UACommands;
import com.miniamazon.protocol.ups.UAChangeResult;
import com.miniamazon.protocol.ups.UAErr;
import com.miniamazon.protocol.ups.UATruckArrived;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** A test Amazon client of the UPS simulator. */
public final class UpsAmazonClient extends TestPeer<UACommands> {

    private final AtomicLong seq;

    private UpsAmazonClient(int port, long firstSeq) throws IOException {
        super(port);
        seq = new AtomicLong(firstSeq);
    }

    /** Connects and starts reading; acks every item automatically when {@code autoAck}. */
    public static UpsAmazonClient connect(int port, boolean autoAck, long firstSeq) throws IOException {
        UpsAmazonClient c = new UpsAmazonClient(port, firstSeq);
        c.startReading(UACommands.parser(), UACommands::getAcksList, UpsAmazonClient::itemSeqnums,
                autoAck ? acks -> AUCommands.newBuilder().addAllAcks(acks).build() : null);
        return c;
    }

    public static List<Long> itemSeqnums(UACommands r) {
        List<Long> s = new ArrayList<>();
        r.getWorldList().forEach(x -> s.add(x.getSeqnum()));
        r.getArrivedList().forEach(x -> s.add(x.getSeqnum()));
        r.getOutfordeliveryList().forEach(x -> s.add(x.getSeqnum()));
        r.getDeliveredList().forEach(x -> s.add(x.getSeqnum()));
        r.getChangesList().forEach(x -> s.add(x.getSeqnum()));
        r.getAccountsList().forEach(x -> s.add(x.getSeqnum()));
        r.getErrorsList().forEach(x -> s.add(x.getSeqnum()));
        return s;
    }

    public long nextSeq() {
        return seq.getAndIncrement();
    }

    public static AURequestPickup pickupRequest(long seqnum, long shipid, int wh, int whX, int whY, int destX, int destY) {
        return AURequestPickup.newBuilder().setSeqnum(seqnum).setShipid(shipid).setWhnum(wh).setWhX(whX).setWhY(whY)
                .setDestX(destX).setDestY(destY).build();
    }

    public long requestPickup(long shipid, int wh, int whX, int whY, int destX, int destY) throws IOException {
        long s = nextSeq();
        sendReliably(s, AUCommands.newBuilder().addPickups(pickupRequest(s, shipid, wh, whX, whY, destX, destY)).build());
        return s;
    }

    public long loaded(int truck, long... shipids) throws IOException {
        long s = nextSeq();
        AULoaded.Builder l = AULoaded.newBuilder().setSeqnum(s).setTruckid(truck);
        for (long id : shipids) {
            l.addShipid(id);
        }
        sendReliably(s, AUCommands.newBuilder().addLoaded(l).build());
        return s;
    }

    public long changeDestination(long shipid, int x, int y) throws IOException {
        long s = nextSeq();
        sendReliably(s, AUCommands.newBuilder().addChanges(AUChangeDestination.newBuilder().setSeqnum(s).setShipid(shipid)
                .setDestX(x).setDestY(y)).build());
        return s;
    }

    public long queryAccount(String name) throws IOException {
        long s = nextSeq();
        sendReliably(s, AUCommands.newBuilder().addAccounts(AUQueryAccount.newBuilder().setSeqnum(s).setUpsAccount(name)).build());
        return s;
    }

    public long awaitWorldId() {
        return awaitMessage(r -> r.getWorldCount() > 0).getWorld(0).getWorldid();
    }

    public Stream<UATruckArrived> arrivals() {
        return received.stream().flatMap(r -> r.getArrivedList().stream());
    }

    /** The truck that arrived for this shipid. */
    public UATruckArrived awaitArrivedFor(long shipid) {
        awaitMessage(r -> arrivals().anyMatch(a -> a.getShipidList().contains(shipid)));
        return arrivals().filter(a -> a.getShipidList().contains(shipid)).findFirst().orElseThrow();
    }

    public void awaitOutForDelivery(long shipid) {
        awaitMessage(r -> r.getOutfordeliveryList().stream().anyMatch(o -> o.getShipid() == shipid));
    }

    public void awaitDelivered(long shipid) {
        awaitMessage(r -> r.getDeliveredList().stream().anyMatch(o -> o.getShipid() == shipid));
    }

    public UAChangeResult awaitChange(long shipid, int nth) {
        awaitMessage(r -> received.stream().flatMap(m -> m.getChangesList().stream()).filter(c -> c.getShipid() == shipid).count() >= nth);
        return received.stream().flatMap(m -> m.getChangesList().stream()).filter(c -> c.getShipid() == shipid).skip(nth - 1L)
                .findFirst().orElseThrow();
    }

    public UAAccountResult awaitAccount(String name) {
        return awaitMessage(r -> r.getAccountsList().stream().anyMatch(a -> a.getUpsAccount().equals(name)))
                .getAccountsList().stream().filter(a -> a.getUpsAccount().equals(name)).findFirst().orElseThrow();
    }

    public UAErr awaitError(long originSeqnum) {
        return awaitMessage(r -> r.getErrorsList().stream().anyMatch(e -> e.getOriginseqnum() == originSeqnum))
                .getErrorsList().stream().filter(e -> e.getOriginseqnum() == originSeqnum).findFirst().orElseThrow();
    }
}
