package com.miniamazon.simulators.chaos;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * A TCP proxy on loopback that forwards whole frames between a client (the store) and a server (the world or
 * UPS) and, on command, mistreats them: per {@link Direction} it drops, delays, duplicates, reorders and splits
 * frames ({@link Faults}), and it cuts connections now or every few seconds. Every decision comes from one
 * seeded {@link Random} (each connection and direction gets its own stream drawn from it), so a failing run can
 * be replayed with the seed it printed.
 *
 * <p>Each accepted client connection gets its own connection to the server; if the server cannot be reached the
 * client's connection is closed at once, as a client connecting to a stopped server would see it refused. The
 * first frame of each direction of a connection (the handshake) is never dropped, duplicated or reordered: the
 * peers' flakiness spares it too, and losing it only tests a connect timeout.
 *
 * <p>Thread-safe: faults may be changed while frames flow; the next frame sees the change.
 */
public final class ChaosProxy implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ChaosProxy.class);
    private static final int CONNECT_TIMEOUT_MILLIS = 2000;

    private final String name;
    private final long seed;
    private final Random seeds;
    private final ServerSocket listener;
    private final Map<Direction, Faults> faults = new EnumMap<>(Direction.class);
    private final Map<Direction, Consumer<byte[]>> taps = new ConcurrentHashMap<>();
    private final Set<ProxiedConnection> open = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService cutter;
    private final Counters counters = new Counters();
    private volatile InetSocketAddress target;
    private volatile ScheduledFuture<?> cutting;
    private volatile boolean closing;

    private ChaosProxy(String name, ServerSocket listener, InetSocketAddress target, long seed) {
        this.name = name;
        this.listener = listener;
        this.target = target;
        this.seed = seed;
        this.seeds = new Random(seed);
        faults.put(Direction.TO_SERVER, Faults.NONE);
        faults.put(Direction.TO_CLIENT, Faults.NONE);
        this.cutter = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "chaos " + name + " cutter"));
    }

    /**
     * Starts a pass-through proxy on 127.0.0.1.
     *
     * @param name how log lines name it, e.g. "world"
     * @param port where clients connect (0: an ephemeral port, see {@link #port()})
     * @param target the server behind it
     * @param seed the random seed every fault decision derives from
     */
    public static ChaosProxy start(String name, int port, InetSocketAddress target, long seed) throws IOException {
        ServerSocket listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        ChaosProxy proxy = new ChaosProxy(name, listener, target, seed);
        daemon(proxy::acceptLoop, "chaos " + name + " accept " + listener.getLocalPort()).start();
        LOG.infof("chaos proxy %s listening on 127.0.0.1:%d, forwarding to %s, seed %d", name, proxy.port(), target, seed);
        return proxy;
    }

    /** The port clients connect to. */
    public int port() {
        return listener.getLocalPort();
    }

    public long seed() {
        return seed;
    }

    public String name() {
        return name;
    }

    /** Points new connections at another server (one that restarted elsewhere); open ones keep theirs. */
    public void target(InetSocketAddress server) {
        this.target = server;
        LOG.infof("chaos proxy %s now forwards to %s", name, server);
    }

    public InetSocketAddress target() {
        return target;
    }

    /** Sets what happens to frames flowing {@code direction}, from the next frame on. */
    public void faults(Direction direction, Faults value) {
        synchronized (faults) {
            faults.put(direction, value);
        }
        LOG.infof("chaos proxy %s %s: %s", name, direction, value);
    }

    /** Sets the same faults both ways. */
    public void faults(Faults value) {
        faults(Direction.TO_SERVER, value);
        faults(Direction.TO_CLIENT, value);
    }

    public Faults faults(Direction direction) {
        synchronized (faults) {
            return faults.get(direction);
        }
    }

    /**
     * Shows every frame's payload read in {@code direction} to {@code listener}, as read (before any fault), on
     * the reading thread; null removes it. For tests that watch what a peer is sent.
     */
    public void tap(Direction direction, Consumer<byte[]> listener) {
        if (listener == null) {
            taps.remove(direction);
        } else {
            taps.put(direction, listener);
        }
    }

    /** Back to pass-through both ways, and no more periodic cuts. */
    public void heal() {
        stopCutting();
        faults(Faults.NONE);
    }

    /** Closes every open connection, both sides, as a network failure would; clients may connect again. */
    public void cutNow() {
        int cut = 0;
        for (ProxiedConnection c : open) {
            c.close("cut");
            cut++;
        }
        counters.cuts.addAndGet(cut);
        LOG.infof("chaos proxy %s cut %d connection(s)", name, cut);
    }

    /** Cuts every open connection every {@code period}, until {@link #stopCutting()}. */
    public synchronized void cutEvery(Duration period) {
        stopCutting();
        long millis = Math.max(1, period.toMillis());
        cutting = cutter.scheduleAtFixedRate(this::cutNow, millis, millis, TimeUnit.MILLISECONDS);
    }

    public synchronized void stopCutting() {
        ScheduledFuture<?> current = cutting;
        if (current != null) {
            current.cancel(false);
            cutting = null;
        }
    }

    /** Connections accepted so far (a client reconnecting shows here). */
    public long connectionsAccepted() {
        return counters.accepted.get();
    }

    /** What the proxy has done so far. */
    public Stats stats() {
        return counters.snapshot(open.size());
    }

    @Override
    public void close() {
        closing = true;
        cutter.shutdownNow();
        try {
            listener.close();
        } catch (IOException e) {
            LOG.debugf("chaos proxy %s: closing the listener: %s", name, e.getMessage());
        }
        for (ProxiedConnection c : open) {
            c.close("proxy closing");
        }
        LOG.infof("chaos proxy %s stopped: %s", name, stats());
    }

    private void acceptLoop() {
        while (!closing) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                if (closing || listener.isClosed()) {
                    return;
                }
                LOG.errorf("chaos proxy %s: accepting failed: %s", name, e.getMessage());
                continue;
            }
            counters.accepted.incrementAndGet();
            InetSocketAddress server = target;
            Socket upstream = new Socket();
            try {
                client.setTcpNoDelay(true);
                upstream.setTcpNoDelay(true);
                upstream.connect(server, CONNECT_TIMEOUT_MILLIS);
            } catch (IOException e) {
                counters.refused.incrementAndGet();
                LOG.debugf("chaos proxy %s: %s unreachable (%s); closing the client's connection", name, server, e.getMessage());
                closeQuietly(client);
                closeQuietly(upstream);
                continue;
            }
            long toServerSeed;
            long toClientSeed;
            synchronized (seeds) {
                toServerSeed = seeds.nextLong();
                toClientSeed = seeds.nextLong();
            }
            ProxiedConnection c = new ProxiedConnection(client, upstream);
            open.add(c);
            if (closing) {
                c.close("proxy closing");
                continue;
            }
            c.start(toServerSeed, toClientSeed);
        }
    }

    /** One client connection and its server connection, with a pump each way. */
    private final class ProxiedConnection {
        private final Socket client;
        private final Socket server;
        private final String label;
        private volatile boolean closed;

        ProxiedConnection(Socket client, Socket server) {
            this.client = client;
            this.server = server;
            this.label = name + " " + client.getPort() + "->" + server.getPort();
        }

        void start(long toServerSeed, long toClientSeed) {
            try {
                new FramePump(label + " to-server", client.getInputStream(), server.getOutputStream(),
                        () -> faults(Direction.TO_SERVER), new Random(toServerSeed), counters.of(Direction.TO_SERVER),
                        payload -> tapped(Direction.TO_SERVER, payload), this::close).start();
                new FramePump(label + " to-client", server.getInputStream(), client.getOutputStream(),
                        () -> faults(Direction.TO_CLIENT), new Random(toClientSeed), counters.of(Direction.TO_CLIENT),
                        payload -> tapped(Direction.TO_CLIENT, payload), this::close).start();
            } catch (IOException e) {
                close("cannot start: " + e.getMessage());
            }
        }

        void close(String reason) {
            if (closed) {
                return;
            }
            closed = true;
            open.remove(this);
            closeQuietly(client);
            closeQuietly(server);
            LOG.debugf("chaos proxy connection %s closed: %s", label, reason);
        }
    }

    /** Counts of what happened to the frames of one direction. */
    public record DirectionStats(long frames, long dropped, long duplicated, long reordered, long split, long delayed) {
        @Override
        public String toString() {
            return frames + " frames (" + dropped + " dropped, " + duplicated + " duplicated, " + reordered + " reordered, "
                    + split + " split, " + delayed + " delayed)";
        }
    }

    /** What the proxy has done: connections and, per direction, frames. */
    public record Stats(long accepted, long refused, long cuts, int open, DirectionStats toServer, DirectionStats toClient) {
        @Override
        public String toString() {
            return accepted + " connections (" + refused + " refused, " + cuts + " cut, " + open + " open); to server "
                    + toServer + "; to client " + toClient;
        }
    }

    /** The counters one direction's pumps add to. */
    static final class DirectionCounters {
        final AtomicLong frames = new AtomicLong();
        final AtomicLong dropped = new AtomicLong();
        final AtomicLong duplicated = new AtomicLong();
        final AtomicLong reordered = new AtomicLong();
        final AtomicLong split = new AtomicLong();
        final AtomicLong delayed = new AtomicLong();

        DirectionStats snapshot() {
            return new DirectionStats(frames.get(), dropped.get(), duplicated.get(), reordered.get(), split.get(), delayed.get());
        }
    }

    private static final class Counters {
        final AtomicLong accepted = new AtomicLong();
        final AtomicLong refused = new AtomicLong();
        final AtomicLong cuts = new AtomicLong();
        final DirectionCounters toServer = new DirectionCounters();
        final DirectionCounters toClient = new DirectionCounters();

        DirectionCounters of(Direction d) {
            return d == Direction.TO_SERVER ? toServer : toClient;
        }

        Stats snapshot(int open) {
            return new Stats(accepted.get(), refused.get(), cuts.get(), open, toServer.snapshot(), toClient.snapshot());
        }
    }

    private void tapped(Direction direction, byte[] payload) {
        Consumer<byte[]> tap = taps.get(direction);
        if (tap != null) {
            try {
                tap.accept(payload);
            } catch (RuntimeException e) {
                LOG.errorf(e, "chaos proxy %s: a tap on %s failed", name, direction);
            }
        }
    }

    static Thread daemon(Runnable r, String threadName) {
        Thread t = new Thread(r, threadName);
        t.setDaemon(true);
        return t;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debugf("closing a socket: %s", e.getMessage());
        }
    }
}
