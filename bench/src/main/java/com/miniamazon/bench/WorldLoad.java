package com.miniamazon.bench;

import com.miniamazon.protocol.codec.FrameReader;
import com.miniamazon.protocol.codec.FrameWriter;
import com.miniamazon.protocol.world.ACommands;
import com.miniamazon.protocol.world.AConnect;
import com.miniamazon.protocol.world.AConnected;
import com.miniamazon.protocol.world.AInitWarehouse;
import com.miniamazon.protocol.world.AProduct;
import com.miniamazon.protocol.world.APurchaseMore;
import com.miniamazon.protocol.world.AResponses;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.HdrHistogram.Histogram;

/**
 * One Amazon client of the world simulator on its own world, sending APurchaseMore commands (one item per message)
 * with at most {@code window} waiting for their ack, acking every response item it gets, and recording the time
 * from writing each command to reading its ack.
 */
final class WorldLoad implements AutoCloseable {

    private final Socket socket;
    private final FrameWriter writer;
    private final FrameReader<AResponses> reader;
    private final Semaphore window;
    private final AtomicLongArray sentAt;
    private final Histogram latencyMicros;
    private final AtomicLong acked = new AtomicLong();
    private final Thread readerThread;
    private volatile IOException failure;

    WorldLoad(int port, int window, int maxCommands, Histogram latencyMicros) throws IOException {
        socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setTcpNoDelay(true);
        writer = new FrameWriter(socket.getOutputStream());
        FrameReader<AConnected> handshake = new FrameReader<>(socket.getInputStream(), AConnected.parser());
        writer.write(AConnect.newBuilder().setIsAmazon(true)
                .addInitwh(AInitWarehouse.newBuilder().setId(1).setX(10).setY(10)).build());
        AConnected connected = handshake.read();
        if (connected == null || !"connected!".equals(connected.getResult())) {
            throw new IOException("world refused: " + connected);
        }
        // The world sends nothing after AConnected until it gets commands, so a second reader loses no bytes.
        reader = new FrameReader<>(socket.getInputStream(), AResponses.parser());
        this.window = new Semaphore(window);
        this.sentAt = new AtomicLongArray(maxCommands + 1);
        this.latencyMicros = latencyMicros;
        readerThread = new Thread(this::readLoop, "bench-reader");
        readerThread.setDaemon(true);
        readerThread.start();
    }

    private void readLoop() {
        try {
            AResponses r;
            while ((r = reader.read()) != null) {
                long now = System.nanoTime();
                for (long seq : r.getAcksList()) {
                    long sent = seq > 0 && seq < sentAt.length() ? sentAt.getAndSet((int) seq, 0) : 0;
                    if (sent != 0) {
                        synchronized (latencyMicros) {
                            latencyMicros.recordValue(Math.max(1, (now - sent) / 1000));
                        }
                        acked.incrementAndGet();
                        window.release();
                    }
                }
                if (r.getArrivedCount() > 0 || r.getErrorCount() > 0) {
                    ACommands.Builder ack = ACommands.newBuilder();
                    r.getArrivedList().forEach(a -> ack.addAcks(a.getSeqnum()));
                    r.getErrorList().forEach(e -> ack.addAcks(e.getSeqnum()));
                    writer.write(ack.build());
                }
            }
        } catch (IOException e) {
            failure = e;
        }
    }

    /** Sends commands 1..count (bounded by the deadline), then waits for their acks. Returns how many were acked. */
    long run(int count, long deadlineNanos) throws IOException, InterruptedException {
        for (int seq = 1; seq <= count && System.nanoTime() < deadlineNanos; seq++) {
            if (!window.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new IOException("no ack for 10 s");
            }
            if (failure != null) {
                throw failure;
            }
            ACommands m = ACommands.newBuilder().addBuy(APurchaseMore.newBuilder().setWhnum(1).setSeqnum(seq)
                    .addThings(AProduct.newBuilder().setId(seq % 50).setDescription("product " + seq % 50).setCount(1))).build();
            sentAt.set(seq, System.nanoTime());
            writer.write(m);
        }
        return acked.get();
    }

    long acked() {
        return acked.get();
    }

    /** Waits (bounded) until every sent command is acked. */
    void drain(int windowSize) throws InterruptedException, IOException {
        if (!window.tryAcquire(windowSize, 30, TimeUnit.SECONDS)) {
            throw new IOException("acks missing after 30 s");
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    static List<WorldLoad> open(int port, int clients, int window, int maxCommands, Histogram h) throws IOException {
        List<WorldLoad> loads = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            loads.add(new WorldLoad(port, window, maxCommands, h));
        }
        return loads;
    }
}
