package com.miniamazon.simulators.ups;

import com.miniamazon.protocol.codec.FrameReader;
import com.miniamazon.protocol.ups.AUChangeDestination;
import com.miniamazon.protocol.ups.AUCommands;
import com.miniamazon.protocol.ups.AUErr;
import com.miniamazon.protocol.ups.AULoaded;
import com.miniamazon.protocol.ups.AUQueryAccount;
import com.miniamazon.protocol.ups.AURequestPickup;
import com.miniamazon.protocol.world.UConnect;
import com.miniamazon.protocol.world.UConnected;
import com.miniamazon.protocol.world.UDeliveryMade;
import com.miniamazon.protocol.world.UErr;
import com.miniamazon.protocol.world.UFinished;
import com.miniamazon.protocol.world.UInitTruck;
import com.miniamazon.protocol.world.UResponses;
import com.miniamazon.protocol.world.UTruck;
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
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * The UPS simulator: a client of the world simulator (it creates its world once, then always resumes it,
 * reconnecting with backoff) and a server for one Amazon at a time (a new connection replaces the old once it
 * has sent a valid frame or stayed quiet for two seconds, see {@link #amazonArrived}).
 *
 * <p>Threads: an acceptor, a reader and writer per connection, a connector that (re)opens the world connection,
 * and one {@link GroupCommitLoop} that owns the carrier's state: it applies a batch of items from both
 * connections, commits the batch's changes in one transaction, and only then acks and sends.
 */
public final class UpsSimulator implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(UpsSimulator.class);
    private static final int MAX_FRAME_BYTES = 1024 * 1024;
    private static final int MAX_QUEUED_FRAMES = 4096;
    private static final int IDLE_TIMEOUT_MILLIS = 10 * 60 * 1000;
    /** KiB of items a connection may have waiting for the loop before its reader stops reading (back-pressure). */
    private static final int MAX_PENDING_KIB_PER_CONNECTION = 4096;
    private static final long MAX_BACKOFF_MILLIS = 5000;
    private static final Flakiness NEVER_DROP = new Flakiness(0);
    /** How long a second Amazon connection must stay quiet (and open) before it replaces the first. */
    static final long TAKEOVER_QUIET_MILLIS = 2000;

    private final UpsConfig config;
    private final Flakiness flakiness;
    /** The flakiness knob offered to JMX while the simulator runs. */
    private volatile Flakiness.Registration flakinessControl = () -> { };
    private final Carrier carrier;
    private final UpsStore store;
    private final GroupCommitLoop loop;
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ups-world-connector");
        t.setDaemon(true);
        return t;
    });
    private final Set<PeerConnection> connections = ConcurrentHashMap.newKeySet();
    private final List<Runnable> afterCommit = new ArrayList<>();
    private ServerSocket listener;
    private volatile long backoffMillis = 100;
    private long lastResend;
    private volatile Long worldId;
    private volatile boolean worldConnected;
    private volatile boolean closing;

    private UpsSimulator(UpsConfig config, UpsStore store) {
        this.config = config;
        this.flakiness = new Flakiness(config.flakiness());
        this.store = store;
        this.loop = new GroupCommitLoop("ups-loop", Math.max(5, Math.min(100, config.resendMillis() / 4)));
        GroupCommitLoop carrierLoop = loop;
        this.carrier = new Carrier(config.accounts(), config.resendMillis(),
                (delay, task) -> carrierLoop.schedule(System.currentTimeMillis() + delay, task));
    }

    /** Loads (or on a first start creates) the carrier, binds the Amazon port and starts connecting to the world. */
    public static UpsSimulator start(UpsConfig config) throws IOException, SQLException {
        config.validate();
        Database db = Database.open(config.dbUrl(), config.dbUser(), config.dbPassword(), "db/ups");
        UpsStore store = new UpsStore(db);
        UpsSimulator sim = new UpsSimulator(config, store);
        try {
            Carrier c = sim.carrier;
            if (!store.load(c)) {
                c.createTrucks(config.trucks());
                c.changes.stateRow = true;
                LOG.infof("First start: created %d trucks", config.trucks());
            }
            if (config.worldId() != null && !config.worldId().equals(c.worldId)) {
                LOG.infof("Joining world %d as told by --world-id (stored: %s)", config.worldId(), c.worldId);
                c.worldId = config.worldId();
                c.changes.stateRow = true;
            }
            store.commit(c);
            sim.worldId = c.worldId;
            sim.loop.start(sim::flush);
            sim.listen();
            sim.flakinessControl = sim.flakiness.manage("ups", sim.amazonPort());
            sim.connector.execute(sim::connectWorld);
        } catch (IOException | SQLException | RuntimeException e) {
            sim.close();
            throw e;
        }
        LOG.infof("UPS simulator listening on %s: Amazon port %d; world at %s:%d (world %s, %d trucks, flakiness %d%%,"
                        + " resend every %d ms, database %s)", config.bindHost(), sim.amazonPort(), config.worldHost(),
                config.worldPort(), sim.worldId == null ? "to be created" : sim.worldId, sim.carrier.trucks.size(),
                config.flakiness(), config.resendMillis(), config.dbUrl());
        return sim;
    }

    public int amazonPort() {
        return listener.getLocalPort();
    }

    /** The world this carrier works in, once known. */
    public Long worldId() {
        return worldId;
    }

    /** True while the world connection is up and its handshake answered. */
    public boolean worldConnected() {
        return worldConnected;
    }

    // ---- the world connection ----

    private void connectWorld() {
        if (closing) {
            return;
        }
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(config.worldHost(), config.worldPort()), 2000);
            PeerConnection c = new PeerConnection(socket, "world " + config.worldHost() + ":" + config.worldPort(),
                    MAX_FRAME_BYTES, MAX_QUEUED_FRAMES, 0);
            connections.add(c);
            c.start(new WorldListener());
            loop.submit(() -> c.send(handshake()));
        } catch (IOException e) {
            closeQuietly(socket);
            LOG.warnf("Cannot reach the world at %s:%d (%s); retrying in %d ms", config.worldHost(), config.worldPort(),
                    e.getMessage(), backoffMillis);
            retryWorldLater();
        }
    }

    private void retryWorldLater() {
        if (closing) {
            return;
        }
        long delay = backoffMillis;
        backoffMillis = Math.min(MAX_BACKOFF_MILLIS, backoffMillis * 2);
        try {
            connector.schedule(this::connectWorld, delay, TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            LOG.debugf("Not reconnecting: stopping (%s)", e.getMessage());
        }
    }

    /** UConnect with every truck at its first position (the world checks them against the ones it knows). */
    private UConnect handshake() {
        UConnect.Builder b = UConnect.newBuilder().setIsAmazon(false);
        if (carrier.worldId != null) {
            b.setWorldid(carrier.worldId);
        }
        for (UpsTruck t : carrier.trucks.values()) {
            b.addTrucks(UInitTruck.newBuilder().setId(t.id).setX(t.initX).setY(t.initY));
        }
        return b.build();
    }

    private final class WorldListener implements PeerConnection.Listener {
        private final Semaphore pending = new Semaphore(MAX_PENDING_KIB_PER_CONNECTION);
        private boolean handshakeSeen;

        @Override
        public void onFrame(PeerConnection c, byte[] payload) throws Exception {
            Runnable task;
            if (!handshakeSeen) {
                handshakeSeen = true;
                UConnected m = FrameReader.parse(UConnected.parser(), payload);
                task = () -> worldConnected(c, m);
            } else {
                UResponses m = FrameReader.parse(UResponses.parser(), payload);
                task = () -> worldResponses(c, m);
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
            loop.submit(() -> {
                if (carrier.world.detach(c)) {
                    worldConnected = false;
                    LOG.warnf("event=world_disconnected world=%s reason=\"%s\"", carrier.worldId, reason);
                }
            });
            if (!closing) {
                connector.execute(this::later);
            }
        }

        private void later() {
            retryWorldLater();
        }
    }

    private void worldConnected(PeerConnection c, UConnected m) {
        if (!"connected!".equals(m.getResult())) {
            LOG.errorf("event=world_refused world=%s result=\"%s\"", carrier.worldId, m.getResult());
            c.close("world refused the handshake");
            return;
        }
        if (carrier.worldId == null) {
            carrier.worldId = m.getWorldid();
            carrier.changes.stateRow = true;
            worldId = carrier.worldId;
            LOG.infof("event=world_created world=%d trucks=%d", m.getWorldid(), carrier.trucks.size());
            if (carrier.amazon.connected()) {
                carrier.amazon.emit(carrier.worldItem()); // Amazon connected before the world existed
            }
        }
        carrier.world.bind(c);
        carrier.retryWaiting(); // shipments left waiting before a restart or a refused pickup
        afterCommit.add(() -> {
            if (carrier.world.connection() == c) {
                carrier.world.attach(c, null, System.currentTimeMillis());
                worldConnected = true;
                backoffMillis = 100;
                LOG.infof("event=world_connected world=%d unacked=%d", carrier.worldId, carrier.world.unackedCount());
            }
        });
    }

    private void worldResponses(PeerConnection c, UResponses m) {
        if (carrier.world.connection() != c) {
            return;
        }
        for (long ack : m.getAcksList()) {
            if (carrier.world.acked(ack)) {
                carrier.changes.outboundRemoved.add(new UpsChanges.Acked('W', ack));
            }
        }
        for (UFinished f : m.getCompletionsList()) {
            if (fromWorld(f.getSeqnum())) {
                carrier.finished(f);
            }
        }
        for (UDeliveryMade d : m.getDeliveredList()) {
            if (fromWorld(d.getSeqnum())) {
                carrier.delivered(d);
            }
        }
        for (UTruck t : m.getTruckstatusList()) {
            if (fromWorld(t.getSeqnum())) {
                LOG.infof("event=truck_status truck=%d status=\"%s\" x=%d y=%d", t.getTruckid(), t.getStatus(), t.getX(), t.getY());
            }
        }
        for (UErr e : m.getErrorList()) {
            if (fromWorld(e.getSeqnum())) {
                carrier.worldError(e);
            }
        }
    }

    private boolean fromWorld(long seqnum) {
        if (carrier.world.receive(seqnum, NEVER_DROP) == ReliableChannel.Receipt.NEW) {
            carrier.changes.seen.add(new UpsChanges.Seen('W', seqnum));
            return true;
        }
        return false;
    }

    // ---- the Amazon connection ----

    private void listen() throws IOException {
        listener = new ServerSocket();
        listener.setReuseAddress(true);
        listener.bind(new InetSocketAddress(InetAddress.getByName(config.bindHost()), config.port()), 16);
        Thread acceptor = new Thread(this::acceptLoop, "accept amazon " + listener.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private void acceptLoop() {
        while (!closing) {
            Socket socket;
            try {
                socket = listener.accept();
            } catch (IOException e) {
                if (closing || listener.isClosed()) {
                    return;
                }
                // e.g. out of file descriptors: this connection is lost, the port keeps serving
                LOG.errorf("Accepting on port %d failed: %s", listener.getLocalPort(), e.getMessage());
                continue;
            }
            try {
                PeerConnection c = new PeerConnection(socket, "amazon " + socket.getRemoteSocketAddress(), MAX_FRAME_BYTES,
                        MAX_QUEUED_FRAMES, IDLE_TIMEOUT_MILLIS);
                connections.add(c);
                c.start(new AmazonListener());
                loop.submit(() -> amazonArrived(c));
            } catch (IOException e) {
                LOG.warnf("Could not set up connection from %s: %s", socket.getRemoteSocketAddress(), e.getMessage());
                closeQuietly(socket);
            }
        }
    }

    private final class AmazonListener implements PeerConnection.Listener {
        private final Semaphore pending = new Semaphore(MAX_PENDING_KIB_PER_CONNECTION);

        @Override
        public void onFrame(PeerConnection c, byte[] payload) throws Exception {
            AUCommands m = FrameReader.parse(AUCommands.parser(), payload); // garbage closes only this connection
            int kib = 1 + payload.length / 1024;
            pending.acquire(kib);
            loop.submit(() -> {
                try {
                    if (carrier.amazon.connection() != c && c.isOpen()) {
                        amazonConnected(c); // a valid frame: this newcomer is an Amazon, and takes over
                    }
                    amazonCommands(c, m);
                } finally {
                    pending.release(kib);
                }
            });
        }

        @Override
        public void onClosed(PeerConnection c, String reason) {
            connections.remove(c);
            loop.submit(() -> {
                if (carrier.amazon.detach(c)) {
                    LOG.infof("event=amazon_disconnected connection=\"%s\" reason=\"%s\"", c.name(), reason);
                }
            });
        }
    }

    /**
     * A new connection on the Amazon port. With no live Amazon connection it is bound at once. Otherwise it takes
     * over only once it has sent a valid frame, or has stayed open and quiet for {@link #TAKEOVER_QUIET_MILLIS} (an
     * Amazon with nothing to say): a port scanner, or a client that sends garbage, must not cut off the Amazon
     * that is working.
     */
    private void amazonArrived(PeerConnection c) {
        if (!c.isOpen()) {
            return;
        }
        PeerConnection current = carrier.amazon.connection();
        if (current == c) {
            return; // its first frame, read before this task ran, already bound it
        }
        if (current == null || !current.isOpen()) {
            amazonConnected(c);
            return;
        }
        LOG.infof("event=amazon_candidate connection=\"%s\" current=\"%s\"", c.name(), current.name());
        loop.schedule(System.currentTimeMillis() + TAKEOVER_QUIET_MILLIS, () -> {
            // Quiet, it replaces only the connection it found: not one that proved itself meanwhile.
            PeerConnection now = carrier.amazon.connection();
            if (c.isOpen() && (now == current || now == null)) {
                amazonConnected(c);
            }
        });
    }

    private void amazonConnected(PeerConnection c) {
        if (!c.isOpen()) {
            return;
        }
        PeerConnection old = carrier.amazon.connection();
        if (old != null && old != c) {
            old.close("replaced by a new Amazon connection");
        }
        carrier.amazon.bind(c);
        carrier.amazon.forget(item -> item.kind() == UpsEnvelopes.UA_WORLD);
        OutboundItem world = carrier.worldId == null ? null : carrier.worldItem(); // seqnum stored before it is sent
        afterCommit.add(() -> {
            if (carrier.amazon.connection() != c) {
                return;
            }
            long now = System.currentTimeMillis();
            if (world != null) {
                carrier.amazon.attachFirst(c, world, now);
            } else {
                carrier.amazon.attach(c, null, now);
            }
            LOG.infof("event=amazon_connected connection=\"%s\" world=%s unacked=%d", c.name(), carrier.worldId,
                    carrier.amazon.unackedCount());
        });
    }

    private void amazonCommands(PeerConnection c, AUCommands m) {
        if (carrier.amazon.connection() != c) {
            return;
        }
        for (long ack : m.getAcksList()) {
            if (carrier.amazon.acked(ack)) {
                carrier.changes.outboundRemoved.add(new UpsChanges.Acked('A', ack));
            }
        }
        for (AURequestPickup p : m.getPickupsList()) {
            if (fromAmazon(p.getSeqnum())) {
                carrier.requestPickup(p);
            }
        }
        for (AULoaded l : m.getLoadedList()) {
            if (fromAmazon(l.getSeqnum())) {
                carrier.loaded(l);
            }
        }
        for (AUChangeDestination d : m.getChangesList()) {
            if (fromAmazon(d.getSeqnum())) {
                carrier.changeDestination(d);
            }
        }
        for (AUQueryAccount q : m.getAccountsList()) {
            if (fromAmazon(q.getSeqnum())) {
                carrier.queryAccount(q);
            }
        }
        for (AUErr e : m.getErrorsList()) {
            if (fromAmazon(e.getSeqnum())) {
                carrier.amazonReportedError(e);
            }
        }
        if (m.getDisconnect()) {
            carrier.amazon.finishAfterCommit(c);
        }
    }

    private boolean fromAmazon(long seqnum) {
        if (carrier.amazon.receive(seqnum, flakiness) == ReliableChannel.Receipt.NEW) {
            carrier.changes.seen.add(new UpsChanges.Seen('A', seqnum));
            return true;
        }
        return false;
    }

    // ---- the loop's flush ----

    private void flush() throws SQLException {
        long now = System.currentTimeMillis();
        if (!carrier.changes.isEmpty()) {
            store.commit(carrier); // throws: nothing is sent, the changes stay for the retry
        }
        if (!afterCommit.isEmpty()) {
            List<Runnable> replies = new ArrayList<>(afterCommit);
            afterCommit.clear();
            replies.forEach(Runnable::run);
        }
        carrier.amazon.dispatch(now);
        carrier.world.dispatch(now);
        if (now - lastResend >= Math.min(50, config.resendMillis())) {
            lastResend = now;
            carrier.amazon.resend(now);
            carrier.world.resend(now);
        }
    }

    /** Stops accepting and reconnecting, closes both connections, flushes the last batch and closes the database. */
    @Override
    public void close() {
        closing = true;
        connector.shutdownNow();
        if (listener != null) {
            try {
                listener.close();
            } catch (IOException e) {
                LOG.warnf("Closing port %d failed: %s", listener.getLocalPort(), e.getMessage());
            }
        }
        for (PeerConnection c : connections) {
            c.close("UPS simulator stopping");
        }
        loop.close();
        flakinessControl.close();
        store.close();
        LOG.info("UPS simulator stopped");
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debugf("Closing a socket failed: %s", e.getMessage());
        }
    }
}
