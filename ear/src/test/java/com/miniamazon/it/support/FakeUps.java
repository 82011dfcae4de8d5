package com.miniamazon.it.support;

import com.miniamazon.protocol.codec.FrameWriter;
import com.miniamazon.protocol.ups.UACommands;
import com.miniamazon.protocol.ups.UAWorld;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A UPS that listens where the store expects UPS and speaks only enough of the protocol to let the store in:
 * each connection starts with an honest announcement of the world (so the store joins the real world and keeps
 * working with it). Until {@link #attack} it then stays quiet; while attacking it sends well-formed nonsense and
 * ends every connection with a breaking frame (random bytes, a bad length prefix, a frame cut short, one above
 * the size limit, a message lacking required fields), which the store must answer by closing that connection
 * and connecting again.
 */
public final class FakeUps implements AutoCloseable {

    private final ServerSocket listener;
    private final long worldId;
    private final HostileFrames frames;
    private final Thread acceptor;
    private volatile boolean closed;
    private final AtomicLong budget = new AtomicLong();
    private volatile int nonsensePerConnection;
    private final AtomicInteger connections = new AtomicInteger();
    private final AtomicInteger closedByStore = new AtomicInteger();
    private final AtomicInteger keptOpen = new AtomicInteger();
    private final AtomicLong nonsenseSent = new AtomicLong();
    private final Map<HostileFrames.Breaking, AtomicInteger> breakingSent = new EnumMap<>(HostileFrames.Breaking.class);
    private long nextSeqnum = 1;

    public FakeUps(int port, long worldId, Random random) throws IOException {
        this.listener = new ServerSocket(port, 50, InetAddress.getLoopbackAddress());
        this.worldId = worldId;
        this.frames = new HostileFrames(random);
        for (HostileFrames.Breaking kind : HostileFrames.Breaking.values()) {
            breakingSent.put(kind, new AtomicInteger());
        }
        acceptor = new Thread(this::serve, "fake-ups-" + port);
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /**
     * Sends {@code frames} hostile frames over the connections the store makes: on each, {@code perConnection}
     * well-formed nonsense frames, then one breaking frame.
     */
    public void attack(long frames, int perConnection) {
        nonsensePerConnection = perConnection;
        budget.set(frames);
    }

    /** Whether the attack's frames are all sent. */
    public boolean attackOver() {
        return budget.get() <= 0;
    }

    public int connections() {
        return connections.get();
    }

    /** Connections the store closed after a breaking frame (as it must), rather than this peer. */
    public int closedByStore() {
        return closedByStore.get();
    }

    /** Connections the store kept for 15 s after a breaking frame (it should keep none). */
    public int keptOpen() {
        return keptOpen.get();
    }

    public long nonsenseSent() {
        return nonsenseSent.get();
    }

    public Map<HostileFrames.Breaking, Integer> breakingSent() {
        Map<HostileFrames.Breaking, Integer> copy = new EnumMap<>(HostileFrames.Breaking.class);
        breakingSent.forEach((k, v) -> copy.put(k, v.get()));
        return copy;
    }

    private void serve() {
        while (!closed) {
            try (Socket store = listener.accept()) {
                connections.incrementAndGet();
                talk(store);
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                // the store went away mid-frame: the next connection starts afresh
            }
        }
    }

    private void talk(Socket store) throws IOException {
        OutputStream out = store.getOutputStream();
        InputStream in = store.getInputStream();
        // Whatever the store sends (pickups, acknowledgements) is read and dropped on a thread of its own, so
        // that neither side ever blocks on a full socket buffer; it completes when the store closes.
        CompletableFuture<Void> storeClosed = new CompletableFuture<>();
        Thread reader = new Thread(() -> {
            byte[] sink = new byte[64 * 1024];
            try {
                while (in.read(sink) >= 0) {
                    // dropped
                }
            } catch (IOException e) {
                // reset by the store: closed as well
            }
            storeClosed.complete(null);
        }, "fake-ups-reader");
        reader.setDaemon(true);
        reader.start();
        FrameWriter writer = new FrameWriter(out);
        writer.write(UACommands.newBuilder().addWorld(UAWorld.newBuilder().setSeqnum(nextSeqnum++).setWorldid(worldId)).build());
        while (!closed) {
            if (budget.get() > 0) {
                for (int i = 0; i < nonsensePerConnection && budget.getAndDecrement() > 0; i++) {
                    writer.write(frames.nonsense());
                    nonsenseSent.incrementAndGet();
                }
                HostileFrames.Breaking kind = frames.anyBreaking();
                out.write(frames.breaking(kind, frames.nonsense()));
                out.flush();
                budget.decrementAndGet();
                breakingSent.get(kind).incrementAndGet();
                if (kind == HostileFrames.Breaking.TRUNCATED) {
                    store.shutdownOutput(); // the rest of the frame never comes
                }
                try {
                    storeClosed.get(15, TimeUnit.SECONDS);
                    closedByStore.incrementAndGet();
                } catch (TimeoutException e) {
                    keptOpen.incrementAndGet(); // the store kept a connection it should have closed
                } catch (InterruptedException | ExecutionException e) {
                    Thread.currentThread().interrupt();
                }
                return;
            }
            try {
                storeClosed.get(200, TimeUnit.MILLISECONDS);
                return; // the store closed (it reconnects)
            } catch (TimeoutException e) {
                // still connected, quietly
            } catch (InterruptedException | ExecutionException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
