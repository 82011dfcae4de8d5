package com.miniamazon.bench;

import com.miniamazon.protocol.codec.FrameReader;
import com.miniamazon.protocol.codec.FrameWriter;
import com.miniamazon.protocol.ups.AUCommands;
import com.miniamazon.protocol.ups.AULoaded;
import com.miniamazon.protocol.ups.AURequestPickup;
import com.miniamazon.protocol.ups.UACommands;
import com.miniamazon.protocol.ups.UATruckArrived;
import com.miniamazon.protocol.world.ACommands;
import com.miniamazon.protocol.world.AConnect;
import com.miniamazon.protocol.world.AConnected;
import com.miniamazon.protocol.world.AInitWarehouse;
import com.miniamazon.protocol.world.ALoaded;
import com.miniamazon.protocol.world.APack;
import com.miniamazon.protocol.world.APacked;
import com.miniamazon.protocol.world.AProduct;
import com.miniamazon.protocol.world.APurchaseMore;
import com.miniamazon.protocol.world.APutOnTruck;
import com.miniamazon.protocol.world.AResponses;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;

/**
 * A minimal store driving whole orders through both simulators: pack at the world and request a pickup from UPS,
 * load when both the package is packed and the truck is there, tell UPS it is loaded, count the delivery. One
 * driver thread handles everything the two connections bring (so it needs no locks), acks every item, and keeps
 * at most {@code window} orders open. No resends: it is meant for flakiness 0.
 */
final class OrderLoad implements AutoCloseable {

    private static final int WAREHOUSES = 5;
    private static final long PRODUCTS = 20;

    private final Socket ups;
    private final Socket world;
    private final FrameWriter toUps;
    private final FrameWriter toWorld;
    private final LinkedBlockingQueue<Object> inbox = new LinkedBlockingQueue<>();
    private final Map<Long, Order> open = new HashMap<>();
    private final Histogram orderMillis = new Histogram(3_600_000L, 3);
    private long seq = 1;
    private long delivered;
    private volatile String failure;

    private static final class Order {
        final long shipid;
        final int wh;
        final long startedAt = System.nanoTime();
        boolean packed;
        Integer truck;
        boolean loaded;

        Order(long shipid, int wh) {
            this.shipid = shipid;
            this.wh = wh;
        }
    }

    OrderLoad(int upsPort, int worldAmazonPort) throws IOException {
        ups = open(upsPort);
        toUps = new FrameWriter(ups.getOutputStream());
        FrameReader<UACommands> upsReader = new FrameReader<>(ups.getInputStream(), UACommands.parser());
        UACommands first = upsReader.read();
        if (first == null || first.getWorldCount() == 0) {
            throw new IOException("UPS did not tell the world first: " + first);
        }
        long worldId = first.getWorld(0).getWorldid();
        toUps.write(AUCommands.newBuilder().addAcks(first.getWorld(0).getSeqnum()).build());
        world = open(worldAmazonPort);
        toWorld = new FrameWriter(world.getOutputStream());
        AConnect.Builder connect = AConnect.newBuilder().setWorldid(worldId).setIsAmazon(true);
        for (int wh = 1; wh <= WAREHOUSES; wh++) {
            connect.addInitwh(AInitWarehouse.newBuilder().setId(wh).setX(wh * 20).setY(wh * 15));
        }
        FrameReader<byte[]> worldReader = new FrameReader<>(world.getInputStream(), null);
        toWorld.write(connect.build());
        AConnected connected = FrameReader.parse(AConnected.parser(), worldReader.readPayload());
        if (!"connected!".equals(connected.getResult())) {
            throw new IOException("world refused: " + connected.getResult());
        }
        startReader("bench-ups-reader", () -> upsReader.read());
        startReader("bench-world-reader", () -> FrameReader.parse(AResponses.parser(), worldReader.readPayload()));
    }

    private interface Read {
        Object next() throws IOException;
    }

    private void startReader(String name, Read read) {
        Thread t = new Thread(() -> {
            try {
                Object m;
                while ((m = read.next()) != null) {
                    inbox.add(m);
                }
                failure = name + ": connection closed";
            } catch (Exception e) {
                failure = name + ": " + e;
            }
        }, name);
        t.setDaemon(true);
        t.start();
    }

    private static Socket open(int port) throws IOException {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        s.setTcpNoDelay(true);
        return s;
    }

    /** Buys plenty of every product in every warehouse and waits until it has arrived. */
    void stock(int perProduct) throws Exception {
        ACommands.Builder buy = ACommands.newBuilder();
        for (int wh = 1; wh <= WAREHOUSES; wh++) {
            APurchaseMore.Builder p = APurchaseMore.newBuilder().setWhnum(wh).setSeqnum(seq++);
            for (long id = 1; id <= PRODUCTS; id++) {
                p.addThings(AProduct.newBuilder().setId(id).setDescription("product " + id).setCount(perProduct));
            }
            buy.addBuy(p);
        }
        toWorld.write(buy.build());
        int arrived = 0;
        while (arrived < WAREHOUSES) {
            Object m = take(30);
            if (m instanceof AResponses r) {
                arrived += r.getArrivedCount();
                ackWorld(r);
            }
        }
    }

    /** Runs orders for {@code seconds} with at most {@code window} open, then lets the open ones finish. */
    String run(int seconds, int window) throws Exception {
        long nextShip = 1;
        long start = System.nanoTime();
        long deadline = start + seconds * 1_000_000_000L;
        ACommands.Builder w = ACommands.newBuilder();
        AUCommands.Builder u = AUCommands.newBuilder();
        while (System.nanoTime() < deadline || !open.isEmpty()) {
            while (System.nanoTime() < deadline && open.size() < window) {
                Order o = new Order(nextShip++, (int) (1 + nextShip % WAREHOUSES));
                open.put(o.shipid, o);
                w.addTopack(APack.newBuilder().setWhnum(o.wh).setShipid(o.shipid).setSeqnum(seq++)
                        .addThings(AProduct.newBuilder().setId(1 + o.shipid % PRODUCTS).setDescription("product").setCount(1)));
                u.addPickups(AURequestPickup.newBuilder().setSeqnum(seq++).setShipid(o.shipid).setWhnum(o.wh)
                        .setWhX(o.wh * 20).setWhY(o.wh * 15).setDestX((int) (o.shipid % 100)).setDestY((int) (o.shipid % 37)));
            }
            send(w, u);
            w = ACommands.newBuilder();
            u = AUCommands.newBuilder();
            Object m = take(30);
            do {
                handle(m, w, u);
            } while ((m = inbox.poll()) != null);
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        return String.format("orders end to end (world + UPS, %d warehouses, %d open at most): %,.0f orders/s delivered"
                + " (%,d in %.1f s); order time p50 %d ms, p99 %d ms", WAREHOUSES, window, delivered / elapsed, delivered,
                elapsed, orderMillis.getValueAtPercentile(50), orderMillis.getValueAtPercentile(99));
    }

    private void handle(Object m, ACommands.Builder w, AUCommands.Builder u) {
        if (m instanceof AResponses r) {
            for (APacked p : r.getReadyList()) {
                Order o = open.get(p.getShipid());
                if (o != null) {
                    o.packed = true;
                    maybeLoad(o, w);
                }
            }
            for (ALoaded l : r.getLoadedList()) {
                Order o = open.get(l.getShipid());
                if (o != null && !o.loaded) {
                    o.loaded = true;
                    u.addLoaded(AULoaded.newBuilder().setSeqnum(seq++).setTruckid(o.truck).addShipid(o.shipid));
                }
            }
            if (r.getErrorCount() > 0) {
                failure = "world error: " + r.getError(0).getErr();
            }
            r.getArrivedList().forEach(a -> w.addAcks(a.getSeqnum()));
            r.getReadyList().forEach(a -> w.addAcks(a.getSeqnum()));
            r.getLoadedList().forEach(a -> w.addAcks(a.getSeqnum()));
            r.getErrorList().forEach(a -> w.addAcks(a.getSeqnum()));
        } else if (m instanceof UACommands c) {
            for (UATruckArrived a : c.getArrivedList()) {
                for (long shipid : a.getShipidList()) {
                    Order o = open.get(shipid);
                    if (o != null) {
                        o.truck = a.getTruckid();
                        maybeLoad(o, w);
                    }
                }
            }
            c.getDeliveredList().forEach(d -> {
                Order o = open.remove(d.getShipid());
                if (o != null) {
                    delivered++;
                    orderMillis.recordValue(Math.max(0, (System.nanoTime() - o.startedAt) / 1_000_000));
                }
            });
            if (c.getErrorsCount() > 0) {
                failure = "UPS error: " + c.getErrors(0).getErr();
            }
            for (long s : com.miniamazon.bench.OrderLoad.itemSeqnums(c)) {
                u.addAcks(s);
            }
        }
    }

    private void maybeLoad(Order o, ACommands.Builder w) {
        if (o.packed && o.truck != null) {
            w.addLoad(APutOnTruck.newBuilder().setWhnum(o.wh).setTruckid(o.truck).setShipid(o.shipid).setSeqnum(seq++));
            o.packed = false; // loads once
        }
    }

    static java.util.List<Long> itemSeqnums(UACommands c) {
        java.util.List<Long> s = new java.util.ArrayList<>();
        c.getWorldList().forEach(x -> s.add(x.getSeqnum()));
        c.getArrivedList().forEach(x -> s.add(x.getSeqnum()));
        c.getOutfordeliveryList().forEach(x -> s.add(x.getSeqnum()));
        c.getDeliveredList().forEach(x -> s.add(x.getSeqnum()));
        c.getChangesList().forEach(x -> s.add(x.getSeqnum()));
        c.getAccountsList().forEach(x -> s.add(x.getSeqnum()));
        c.getErrorsList().forEach(x -> s.add(x.getSeqnum()));
        return s;
    }

    private void send(ACommands.Builder w, AUCommands.Builder u) throws IOException {
        ACommands wc = w.build();
        if (!wc.equals(ACommands.getDefaultInstance())) {
            toWorld.write(wc);
        }
        AUCommands uc = u.build();
        if (!uc.equals(AUCommands.getDefaultInstance())) {
            toUps.write(uc);
        }
    }

    private void ackWorld(AResponses r) throws IOException {
        ACommands.Builder ack = ACommands.newBuilder();
        r.getArrivedList().forEach(a -> ack.addAcks(a.getSeqnum()));
        toWorld.write(ack.build());
    }

    private Object take(int seconds) throws Exception {
        Object m = inbox.poll(seconds, TimeUnit.SECONDS);
        if (failure != null) {
            throw new IOException(failure);
        }
        if (m == null) {
            throw new IOException("nothing from the simulators for " + seconds + " s; " + open.size() + " orders open");
        }
        return m;
    }

    @Override
    public void close() throws IOException {
        ups.close();
        world.close();
    }
}
