package com.miniamazon.simulators.world;

import com.google.protobuf.MessageLite;
import com.miniamazon.protocol.codec.FrameReader;
import com.miniamazon.protocol.world.ACommands;
import com.miniamazon.protocol.world.AConnect;
import com.miniamazon.protocol.world.AConnected;
import com.miniamazon.protocol.world.AErr;
import com.miniamazon.protocol.world.AInitWarehouse;
import com.miniamazon.protocol.world.ALoaded;
import com.miniamazon.protocol.world.APack;
import com.miniamazon.protocol.world.APackage;
import com.miniamazon.protocol.world.APacked;
import com.miniamazon.protocol.world.APurchaseMore;
import com.miniamazon.protocol.world.APutOnTruck;
import com.miniamazon.protocol.world.AQuery;
import com.miniamazon.protocol.world.AResponses;
import com.miniamazon.protocol.world.UCommands;
import com.miniamazon.protocol.world.UConnect;
import com.miniamazon.protocol.world.UConnected;
import com.miniamazon.protocol.world.UDeliveryMade;
import com.miniamazon.protocol.world.UErr;
import com.miniamazon.protocol.world.UFinished;
import com.miniamazon.protocol.world.UGoDeliver;
import com.miniamazon.protocol.world.UGoPickup;
import com.miniamazon.protocol.world.UInitTruck;
import com.miniamazon.protocol.world.UQuery;
import com.miniamazon.protocol.world.UResponses;
import com.miniamazon.protocol.world.UTruck;
import com.miniamazon.simulators.net.CommitStats;
import com.miniamazon.simulators.net.Flakiness;
import com.miniamazon.simulators.net.GroupCommitLoop;
import com.miniamazon.simulators.net.OutboundItem;
import com.miniamazon.simulators.net.PeerConnection;
import com.miniamazon.simulators.net.ReliableChannel;
import com.miniamazon.simulators.store.Database;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import org.jboss.logging.Logger;

/**
 * The world simulator: listens for Amazon and UPS clients, runs any number of worlds, keeps them in PostgreSQL.
 *
 * <p>Threads: one acceptor per port, a reader and a writer per connection, and one {@link GroupCommitLoop} that
 * owns every world. Readers parse frames and hand them to the loop; the loop applies a batch of commands and due
 * timers in memory, writes all their changes (state, seen seqnums, outbound items, events) in one transaction,
 * and only then sends acks and responses. Un-acked response items are resent every {@code resendMillis}.
 */
public final class WorldSimulator implements AutoCloseable, World.Host {

    private static final Logger LOG = Logger.getLogger(WorldSimulator.class);
    static final int MAX_FRAME_BYTES = 1024 * 1024;
    private static final int MAX_QUEUED_FRAMES = 4096;
    private static final int IDLE_TIMEOUT_MILLIS = 10 * 60 * 1000;
    private static final int MAX_ITEMS_PER_MESSAGE = 1000;
    private static final int MAX_ACKS_PER_MESSAGE = 5000;
    /** KiB of commands a connection may have waiting for the loop before its reader stops reading (back-pressure). */
    private static final int MAX_PENDING_KIB_PER_CONNECTION = 4096;
    private static final long NEVER_SENT = Long.MIN_VALUE / 2;

    private record Binding(World world, Side side) {}

    private final WorldConfig config;
    private final Flakiness flakiness;
    /** The flakiness knob offered to JMX while the simulator runs. */
    private volatile Flakiness.Registration flakinessControl = () -> { };
    private final GroupCommitLoop loop;
    private final WorldStore store;
    private final EventLog events = new EventLog();
    private final Map<Long, World> worlds = new HashMap<>();
    private final Set<World> touched = new LinkedHashSet<>();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private final Set<PeerConnection> connections = ConcurrentHashMap.newKeySet();
    private final List<ServerSocket> listeners = new ArrayList<>();
    private long lastResendScan;
    private long lastEvictionScan;
    private static final long EVICTION_SCAN_MILLIS = 10_000;
    private static final long EVICT_AFTER_MILLIS = 10 * 60 * 1000;
    private final CommitStats commitStats = new CommitStats();
    private volatile boolean closing;

    private WorldSimulator(WorldConfig config, WorldStore store) {
        this.config = config;
        this.flakiness = new Flakiness(config.flakiness());
        this.store = store;
        this.loop = new GroupCommitLoop("world-loop", Math.max(5, Math.min(100, config.resendMillis() / 4)));
    }

    /** Migrates the database, binds both ports and starts serving. */
    public static WorldSimulator start(WorldConfig config) throws IOException, SQLException {
        config.validate();
        Database db = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword(), "db/world");
        WorldSimulator sim = new WorldSimulator(config, new WorldStore(db));
        try {
            sim.loop.start(sim::flush);
            sim.listen(Side.AMAZON, config.amazonPort());
            sim.listen(Side.UPS, config.upsPort());
            sim.flakinessControl = sim.flakiness.manage("world", sim.amazonPort());
        } catch (IOException | RuntimeException e) {
            sim.close();
            throw e;
        }
        LOG.infof("World simulator listening on %s: Amazon port %d, UPS port %d (flakiness %d%%, resend every %d ms,"
                        + " default simspeed %d, truck statuses in %s case, database %s)",
                config.bindHost(), sim.amazonPort(), sim.upsPort(), config.flakiness(), config.resendMillis(),
                config.simspeed(), config.lowercaseStatus() ? "lower" : "upper", config.dbUrl());
        return sim;
    }

    /** Group-commit figures since the last call (commits, mean commit time, command items per commit), then reset. */
    public String takeCommitStats() {
        return commitStats.takeSummary();
    }

    public int amazonPort() {
        return listeners.get(0).getLocalPort();
    }

    public int upsPort() {
        return listeners.get(1).getLocalPort();
    }

    // ---- World.Host ----

    @Override
    public long now() {
        return System.currentTimeMillis();
    }

    @Override
    public GroupCommitLoop.Timer schedule(long dueAt, Runnable task) {
        return loop.schedule(dueAt, task);
    }

    @Override
    public void touched(World world) {
        touched.add(world);
    }

    @Override
    public long resendMillis() {
        return config.resendMillis();
    }

    @Override
    public boolean upperCaseTruckStatus() {
        return !config.lowercaseStatus();
    }

    // ---- connections ----

    private void listen(Side side, int port) throws IOException {
        ServerSocket server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new InetSocketAddress(InetAddress.getByName(config.bindHost()), port), 128);
        listeners.add(server);
        Thread acceptor = new Thread(() -> acceptLoop(server, side), "accept " + side.name().toLowerCase() + " " + server.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop(ServerSocket server, Side side) {
        while (!closing) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (closing || server.isClosed()) {
                    return;
                }
                // e.g. out of file descriptors: this connection is lost, the port keeps serving
                LOG.errorf("Accepting on port %d failed: %s", server.getLocalPort(), e.getMessage());
                continue;
            }
            try {
                PeerConnection c = new PeerConnection(socket, side.name().toLowerCase() + " " + socket.getRemoteSocketAddress(),
                        MAX_FRAME_BYTES, MAX_QUEUED_FRAMES, IDLE_TIMEOUT_MILLIS);
                connections.add(c);
                c.start(new ClientListener(side));
            } catch (IOException e) {
                LOG.warnf("Could not set up connection from %s: %s", socket.getRemoteSocketAddress(), e.getMessage());
                closeQuietly(socket);
            }
        }
    }

    /** Turns one client's frames into loop tasks: the first frame is the handshake, the rest are commands. */
    private final class ClientListener implements PeerConnection.Listener {
        private final Side side;
        private final Semaphore pending = new Semaphore(MAX_PENDING_KIB_PER_CONNECTION);
        private boolean handshakeSeen;

        ClientListener(Side side) {
            this.side = side;
        }

        @Override
        public void onFrame(PeerConnection c, byte[] payload) throws Exception {
            Runnable task;
            if (!handshakeSeen) {
                handshakeSeen = true;
                if (side == Side.AMAZON) {
                    AConnect m = FrameReader.parse(AConnect.parser(), payload);
                    List<int[]> places = new ArrayList<>();
                    for (AInitWarehouse w : m.getInitwhList()) {
                        places.add(new int[] {w.getId(), w.getX(), w.getY()});
                    }
                    task = () -> handshake(c, side, m.getIsAmazon(), m.hasWorldid() ? m.getWorldid() : null, places);
                } else {
                    UConnect m = FrameReader.parse(UConnect.parser(), payload);
                    List<int[]> places = new ArrayList<>();
                    for (UInitTruck t : m.getTrucksList()) {
                        places.add(new int[] {t.getId(), t.getX(), t.getY()});
                    }
                    task = () -> handshake(c, side, m.getIsAmazon(), m.hasWorldid() ? m.getWorldid() : null, places);
                }
            } else if (side == Side.AMAZON) {
                ACommands m = FrameReader.parse(ACommands.parser(), payload);
                task = () -> amazonCommands(c, m);
            } else {
                UCommands m = FrameReader.parse(UCommands.parser(), payload);
                task = () -> upsCommands(c, m);
            }
            int kib = 1 + payload.length / 1024; // frames are at most 1 MiB, so this never exceeds the permits
            pending.acquire(kib);
            loop.submit(() -> {
                try {
                    task.run();
                } finally {
                    pending.release(kib);
                }
            });
        }

        @Override
        public void onClosed(PeerConnection c, String reason) {
            connections.remove(c);
            loop.submit(() -> detach(c, reason));
        }
    }

    // ---- on the loop thread ----

    private void handshake(PeerConnection c, Side side, boolean isAmazon, Long worldId, List<int[]> places) {
        if (!c.isOpen()) {
            return;
        }
        String who = side == Side.AMAZON ? "Amazon" : "UPS";
        String things = side == Side.AMAZON ? "warehouse" : "truck";
        if (isAmazon != (side == Side.AMAZON)) {
            refuse(c, side, worldId, "error: isAmazon is " + isAmazon + " on the " + who + " port");
            return;
        }
        Map<Integer, int[]> wanted = new LinkedHashMap<>();
        for (int[] p : places) {
            int[] before = wanted.put(p[0], p);
            if (before != null && (before[1] != p[1] || before[2] != p[2])) {
                refuse(c, side, worldId, "error: " + things + " " + p[0] + " given twice with different coordinates");
                return;
            }
        }
        World world;
        try {
            if (worldId == null) {
                world = new World(store.newWorldId(), config.simspeed(), 1, this, events);
                world.changes.worldRow = true;
                worlds.put(world.id, world);
                LOG.infof("event=world_created world=%d by=%s", world.id, who);
            } else {
                world = loadWorld(worldId);
                if (world == null) {
                    refuse(c, side, worldId, "error: unknown world id " + worldId);
                    return;
                }
            }
        } catch (SQLException e) {
            LOG.errorf(e, "Handshake of %s for world %s failed on the database", c.name(), worldId);
            refuse(c, side, worldId, "error: the world's database is unavailable, try again");
            return;
        }
        ReliableChannel s = world.side(side);
        if (s.connected()) {
            refuse(c, side, world.id, "error: " + (side == Side.AMAZON ? "an Amazon" : "a UPS") + " client is already connected to world " + world.id);
            return;
        }
        for (int[] p : wanted.values()) {
            int[] existing = side == Side.AMAZON ? world.warehouses.get(p[0]) : initialPosition(world.trucks.get(p[0]));
            if (existing != null && (existing[0] != p[1] || existing[1] != p[2])) {
                refuse(c, side, world.id, "error: " + things + " " + p[0] + " already exists at (" + existing[0] + ","
                        + existing[1] + "), not (" + p[1] + "," + p[2] + ")");
                return;
            }
        }
        for (int[] p : wanted.values()) {
            if (side == Side.AMAZON && !world.warehouses.containsKey(p[0])) {
                world.addWarehouse(p[0], p[1], p[2]);
            } else if (side == Side.UPS && !world.trucks.containsKey(p[0])) {
                world.addTruck(p[0], p[1], p[2]);
            }
        }
        // Bound now, so that commands arriving meanwhile are taken; answered only once the world is durable.
        s.bind(c);
        c.attach(new Binding(world, side));
        touched.add(world);
        long id = world.id;
        afterCommit.add(() -> {
            if (s.connection() != c) {
                return;
            }
            LOG.infof("event=connected world=%d side=%s connection=\"%s\" unacked=%d", id, side.name().toLowerCase(),
                    c.name(), s.unackedCount());
            s.attach(c, side == Side.AMAZON
                    ? AConnected.newBuilder().setWorldid(id).setResult("connected!").build()
                    : UConnected.newBuilder().setWorldid(id).setResult("connected!").build(), now());
        });
    }

    private static int[] initialPosition(Truck t) {
        return t == null ? null : new int[] {t.initX, t.initY};
    }

    private void refuse(PeerConnection c, Side side, Long worldId, String result) {
        LOG.warnf("Refusing %s: %s", c.name(), result);
        long id = worldId == null ? 0 : worldId;
        c.sendThenClose(side == Side.AMAZON
                ? AConnected.newBuilder().setWorldid(id).setResult(result).build()
                : UConnected.newBuilder().setWorldid(id).setResult(result).build(), "handshake refused");
    }

    /** The world from memory, else from the database with its timers set again; null if it does not exist. */
    private World loadWorld(long worldId) throws SQLException {
        World world = worlds.get(worldId);
        if (world != null) {
            return world;
        }
        world = store.load(worldId, this, events);
        if (world == null) {
            return null;
        }
        for (WorldChanges.Purchase p : world.purchases.values()) {
            world.schedulePurchase(p);
        }
        for (WorldPackage p : world.packages.values()) {
            world.schedulePackage(p);
        }
        for (Truck t : world.trucks.values()) {
            if (t.status == TruckStatus.LOADING && t.loadsInProgress == 0) {
                t.status = TruckStatus.ARRIVE_WAREHOUSE;
            }
            world.scheduleArrival(t);
        }
        worlds.put(worldId, world);
        LOG.infof("event=world_loaded world=%d trucks=%d packages=%d pending_purchases=%d unacked_amazon=%d unacked_ups=%d",
                worldId, world.trucks.size(), world.packages.size(), world.purchases.size(), world.amazon.unackedCount(),
                world.ups.unackedCount());
        return world;
    }

    private ReliableChannel boundSide(PeerConnection c, Side side) {
        if (!(c.attachment() instanceof Binding b) || b.side() != side) {
            return null;
        }
        ReliableChannel s = b.world().side(side);
        return s.connection() == c ? s : null;
    }

    private void amazonCommands(PeerConnection c, ACommands m) {
        ReliableChannel s = boundSide(c, Side.AMAZON);
        if (s == null) {
            return; // the handshake failed or the connection was replaced
        }
        World w = ((Binding) c.attachment()).world();
        touched.add(w);
        takeAcks(w, s, m.getAcksList());
        if (m.hasSimspeed()) {
            w.setSimspeed(Integer.toUnsignedLong(m.getSimspeed()));
        }
        for (APurchaseMore x : m.getBuyList()) {
            accept(w, s, Side.AMAZON, x.getSeqnum(), () -> w.buy(x));
        }
        for (APack x : m.getTopackList()) {
            accept(w, s, Side.AMAZON, x.getSeqnum(), () -> w.pack(x));
        }
        for (APutOnTruck x : m.getLoadList()) {
            accept(w, s, Side.AMAZON, x.getSeqnum(), () -> w.load(x));
        }
        for (AQuery x : m.getQueriesList()) {
            accept(w, s, Side.AMAZON, x.getSeqnum(), () -> w.query(x));
        }
        if (m.getDisconnect()) {
            s.finishAfterCommit(c);
        }
    }

    private void upsCommands(PeerConnection c, UCommands m) {
        ReliableChannel s = boundSide(c, Side.UPS);
        if (s == null) {
            return;
        }
        World w = ((Binding) c.attachment()).world();
        touched.add(w);
        takeAcks(w, s, m.getAcksList());
        if (m.hasSimspeed()) {
            w.setSimspeed(Integer.toUnsignedLong(m.getSimspeed()));
        }
        for (UGoPickup x : m.getPickupsList()) {
            accept(w, s, Side.UPS, x.getSeqnum(), () -> w.pickup(x));
        }
        for (UGoDeliver x : m.getDeliveriesList()) {
            accept(w, s, Side.UPS, x.getSeqnum(), () -> w.deliver(x));
        }
        for (UQuery x : m.getQueriesList()) {
            accept(w, s, Side.UPS, x.getSeqnum(), () -> w.queryTruck(x));
        }
        if (m.getDisconnect()) {
            s.finishAfterCommit(c);
        }
    }

    private void takeAcks(World w, ReliableChannel s, List<Long> acks) {
        for (long ack : acks) {
            if (s.acked(ack)) {
                w.changes.outboundRemoved.add(ack);
            }
        }
    }

    /** One command item: maybe dropped (flakiness), else acked after the commit and applied once per seqnum. */
    private void accept(World w, ReliableChannel s, Side side, long seqnum, Runnable apply) {
        if (s.receive(seqnum, flakiness) == ReliableChannel.Receipt.NEW) {
            w.changes.seen.add(new WorldChanges.Seen(side, seqnum));
            apply.run();
        }
    }

    private void detach(PeerConnection c, String reason) {
        if (c.attachment() instanceof Binding b) {
            b.world().lastConnectedAt = now();
            if (b.world().side(b.side()).detach(c)) {
                LOG.infof("event=disconnected world=%d side=%s connection=\"%s\" reason=\"%s\"", b.world().id,
                        b.side().name().toLowerCase(), c.name(), reason);
            }
        }
    }

    /** After each batch: commit what changed, then send acks and responses, then resend what is due. */
    private void flush() throws SQLException {
        long now = now();
        if (!touched.isEmpty() || !afterCommit.isEmpty()) {
            List<World> dirty = new ArrayList<>();
            for (World w : touched) {
                if (!w.changes.isEmpty()) {
                    dirty.add(w);
                }
            }
            if (!dirty.isEmpty()) {
                int commands = 0;
                for (World w : dirty) {
                    commands += w.changes.seen.size();
                }
                long started = System.nanoTime();
                store.commit(dirty); // throws: nothing is sent, the changes stay for the retry
                commitStats.record(System.nanoTime() - started, commands);
            }
            List<Runnable> replies = new ArrayList<>(afterCommit);
            afterCommit.clear();
            for (Runnable r : replies) {
                r.run();
            }
            for (World w : touched) {
                w.amazon.dispatch(now);
                w.ups.dispatch(now);
            }
            touched.clear();
        }
        if (now - lastResendScan >= Math.min(50, config.resendMillis())) {
            lastResendScan = now;
            for (World w : worlds.values()) {
                w.amazon.resend(now);
                w.ups.resend(now);
            }
        }
        if (now - lastEvictionScan >= EVICTION_SCAN_MILLIS) {
            lastEvictionScan = now;
            evictIdleWorlds(now);
        }
    }

    /**
     * Drops from memory the worlds nobody has been connected to for a while and in which nothing is pending: their
     * state is all in the database and is loaded again when a client comes back for them.
     */
    private void evictIdleWorlds(long now) {
        worlds.values().removeIf(w -> {
            boolean idle = !w.amazon.connected() && !w.ups.connected() && w.changes.isEmpty()
                    && now - w.lastConnectedAt >= EVICT_AFTER_MILLIS && w.quiescent();
            if (idle) {
                LOG.infof("event=world_unloaded world=%d (idle, state kept in the database)", w.id);
            }
            return idle;
        });
    }

    /** Stops accepting, closes every connection, makes the last batch durable and closes the database. */
    @Override
    public void close() {
        closing = true;
        for (ServerSocket s : listeners) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.warnf("Closing port %d failed: %s", s.getLocalPort(), e.getMessage());
            }
        }
        for (PeerConnection c : connections) {
            c.close("world simulator stopping");
        }
        loop.close();
        flakinessControl.close();
        store.close();
        LOG.info("World simulator stopped");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debugf("Closing a socket failed: %s", e.getMessage());
        }
    }
}
