package com.miniamazon.gateway;

import com.google.protobuf.Descriptors;
import com.google.protobuf.Message;
import com.google.protobuf.MessageLite;
import com.google.protobuf.Parser;
import com.miniamazon.protocol.codec.FrameException;
import com.miniamazon.protocol.codec.FrameReader;
import com.miniamazon.protocol.codec.FrameWriter;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * One long-lived connection to a peer, shared by the world and UPS gateways: it connects (and reconnects with
 * growing pauses after any loss), replays every unacknowledged command, reads whole frames on its own thread
 * and hands each received item to {@link InboundProcessor}, acknowledging the items applied or repeated in one
 * message right after each frame. Sending is driven from outside ({@link #sendDue}) by the resend timer and by
 * commits that add commands.
 *
 * <p>A connection can die without TCP noticing (a peer that hangs, a middlebox that drops the flow): when the
 * peer sends nothing at all for {@link GatewaySettings#silenceTimeout()} after the first command it has not
 * answered, the link closes the connection and reconnects. The clock starts at the first unanswered command and is
 * not restarted by resends, so a steady stream of resends cannot keep a dead connection alive.
 *
 * @param <I> what the peer sends after the handshake
 */
abstract class PeerLink<I extends MessageLite> implements Runnable {

    private static final Logger LOG = Logger.getLogger(PeerLink.class);

    protected final Peer peer;
    protected final OutboxStore outbox;
    protected final InboundProcessor processor;
    protected final GatewaySettings settings;
    private final Parser<I> parser;

    private final ReentrantLock sending = new ReentrantLock();
    private final AtomicBoolean sendAgain = new AtomicBoolean();
    private final Object signal = new Object();

    private volatile boolean running = true;
    private volatile Socket socket;
    private volatile FrameWriter writer;
    private volatile PeerStatus.State state = PeerStatus.State.CONNECTING;
    private volatile Instant since = Instant.now();
    private volatile String lastProblem;
    private volatile Instant lastProblemAt;
    private final AtomicLong framesSent = new AtomicLong();
    private final AtomicLong framesReceived = new AtomicLong();
    private final AtomicLong itemsResent = new AtomicLong();
    private final AtomicLong duplicatesReceived = new AtomicLong();
    /** {@link System#nanoTime()} of the first command sent since the peer last sent a frame; 0 when none waits. */
    private final AtomicLong unansweredSince = new AtomicLong();
    private final ResendTimeout resendTimeout;

    PeerLink(Peer peer, Parser<I> parser, OutboxStore outbox, InboundProcessor processor, GatewaySettings settings) {
        this.peer = peer;
        this.parser = parser;
        this.outbox = outbox;
        this.processor = processor;
        this.settings = settings;
        this.resendTimeout = new ResendTimeout(settings.resendInitialMs(), settings.resendMinMs(), settings.resendMaxMs(),
                settings.resendDoublings());
    }

    /** Host and port to connect to. */
    protected abstract InetSocketAddress address();

    /** Whether everything needed to connect is known (the world link needs a world id). */
    protected boolean canConnect() {
        return true;
    }

    /** Runs on a fresh connection before anything else flows; throws to give the connection up. */
    protected abstract void handshake(FrameReader<I> reader, FrameWriter writer) throws IOException;

    /** Applies one received message; returns the seqnums to acknowledge. */
    protected abstract List<Long> receive(I message);

    /** Whether the peer said it is closing the connection. */
    protected abstract boolean finished(I message);

    /** One frame carrying these commands and acknowledgements. */
    protected abstract MessageLite frame(List<OutboxMessage> commands, List<Long> acks) throws IOException;

    @Override
    public void run() {
        Duration pause = Duration.ofMillis(250);
        while (running) {
            if (!canConnect()) {
                state = PeerStatus.State.WAITING_FOR_WORLD;
                awaitSignal(Duration.ofSeconds(1));
                continue;
            }
            InetSocketAddress address = address();
            try (Socket s = new Socket()) {
                state = PeerStatus.State.CONNECTING;
                s.setTcpNoDelay(true);
                s.setKeepAlive(true);
                s.connect(address, (int) settings.connectTimeout().toMillis());
                FrameReader<I> reader = new FrameReader<>(new BufferedInputStream(s.getInputStream()), parser);
                FrameWriter frameWriter = new FrameWriter(new BufferedOutputStream(s.getOutputStream()));
                socket = s;
                // A peer (or a lossy network) that never answers the handshake must not hold the connection forever.
                s.setSoTimeout((int) settings.connectTimeout().multipliedBy(3).toMillis());
                handshake(reader, frameWriter);
                // From now on reads wake up now and then, so that a silent peer is noticed (see readUntilClosed).
                s.setSoTimeout((int) Math.max(1, Math.min(1000, settings.silenceTimeout().toMillis() / 4)));
                unansweredSince.set(0);
                replayUnacknowledged(frameWriter);
                state = PeerStatus.State.CONNECTED;
                since = Instant.now();
                pause = Duration.ofMillis(250);
                LOG.infof("peer=%s connected to %s", peer, address);
                readUntilClosed(reader);
            } catch (FrameException e) {
                problem("bad frame from " + address + ": " + e.getMessage(), e);
            } catch (IOException e) {
                problem("connection to " + address + " failed: " + e.getMessage(), null);
            } catch (RuntimeException e) {
                problem("connection to " + address + " broke on an unexpected error: " + e, e);
            } finally {
                writer = null;
                socket = null;
            }
            if (running) {
                state = PeerStatus.State.DISCONNECTED;
                since = Instant.now();
                Duration jittered = pause.plusMillis(ThreadLocalRandom.current().nextLong(pause.toMillis() / 2 + 1));
                awaitSignal(jittered);
                pause = pause.multipliedBy(2).compareTo(settings.reconnectMax()) > 0 ? settings.reconnectMax() : pause.multipliedBy(2);
            }
        }
        state = PeerStatus.State.STOPPED;
    }

    /** Closes the connection so that the loop reconnects (for instance to join another world). */
    void reconnect() {
        closeSocket();
        wakeUp();
    }

    void stop() {
        running = false;
        closeSocket();
        wakeUp();
    }

    /** Ends a wait for something to change (a world id learned, a stop). */
    void wakeUp() {
        synchronized (signal) {
            signal.notifyAll();
        }
    }

    /**
     * Sends every command whose next attempt is due, in frames of at most the batch size. Concurrent calls
     * coalesce: a call that finds a send in progress makes that send look again before it returns.
     */
    void sendDue() {
        sendAgain.set(true);
        while (sendAgain.get() && sending.tryLock()) {
            try {
                sendAgain.set(false);
                while (writer != null) {
                    List<OutboxMessage> due = outbox.takeDue(peer, settings.batchSize(), resendTimeout.millis(),
                            resendTimeout.longestMillis());
                    if (due.isEmpty()) {
                        break;
                    }
                    send(due, 1);
                    if (due.size() < settings.batchSize()) {
                        break;
                    }
                }
            } finally {
                sending.unlock();
            }
        }
    }

    /** The connection's state with the outbox backlog counted in the database (-1 when it cannot be). */
    PeerStatus status() {
        long backlog;
        try {
            backlog = outbox.backlog(peer);
        } catch (RuntimeException e) {
            backlog = -1; // the database is unreachable; the status still shows the connection
        }
        return status(backlog);
    }

    /** The connection's state and counters only, without touching the database (backlog -1). */
    PeerStatus snapshot() {
        return status(-1);
    }

    /** Whether the connection's own thread still runs (it ends only when the application stops). */
    boolean isRunning() {
        return running && state != PeerStatus.State.STOPPED;
    }

    private PeerStatus status(long backlog) {
        InetSocketAddress address = address();
        return new PeerStatus(peer, address.getHostString() + ":" + address.getPort(), state, worldId(), since,
                lastProblem, lastProblemAt, framesSent.get(), framesReceived.get(), itemsResent.get(),
                duplicatesReceived.get(), backlog, resendTimeout.millis());
    }

    /** The world this connection works in, when known. */
    protected Long worldId() {
        return null;
    }

    /**
     * Records the peer's acknowledgements of our commands and applies the items of one frame, and returns the
     * seqnums to acknowledge (applied, repeated or rejected). Acknowledgements and items go in one transaction;
     * if that fails, the acknowledgements are recorded alone and the items go one by one, and an item that still
     * fails is left unacknowledged for the peer to send again. Items are applied reports-without-a-shipment first, then by
     * shipment id (keeping each shipment's own order), so that the world's and UPS's transactions lock shipments
     * in the same order.
     */
    protected List<Long> applyAll(long worldId, List<Long> acknowledged, List<InboundProcessor.Received> items) {
        if (items.isEmpty()) {
            recordAcknowledgements(acknowledged);
            return new ArrayList<>();
        }
        List<InboundProcessor.Received> ordered = new ArrayList<>(items);
        ordered.sort(Comparator.comparing((InboundProcessor.Received r) -> r.report().shipmentId(),
                Comparator.nullsFirst(Comparator.naturalOrder())));
        List<Long> acks = new ArrayList<>(ordered.size());
        resendTimeout.acknowledged(acknowledged, System.nanoTime());
        try {
            List<InboundProcessor.Outcome> outcomes = processor.applyAll(peer, worldId, acknowledged, ordered);
            for (int i = 0; i < ordered.size(); i++) {
                count(outcomes.get(i));
                acks.add(ordered.get(i).seqnum());
            }
            return acks;
        } catch (RuntimeException batchFailed) {
            LOG.debugf("peer=%s a frame of %d item(s) failed as a whole (%s); applying them one by one",
                    peer, ordered.size(), batchFailed.toString());
        }
        recordAcknowledgements(acknowledged);
        for (InboundProcessor.Received item : ordered) {
            try {
                count(processor.apply(peer, worldId, item.seqnum(), item.report()));
                acks.add(item.seqnum());
            } catch (RuntimeException e) {
                LOG.errorf(e, "peer=%s seq=%d %s shipid=%s could not be applied; not acknowledged, so the peer will send it again",
                        peer, item.seqnum(), item.report().kind(), item.report().shipmentId());
            }
        }
        return acks;
    }

    /** Records the peer's acknowledgements of our commands in a transaction of their own (none: no call at all). */
    protected void recordAcknowledgements(List<Long> seqnums) {
        resendTimeout.acknowledged(seqnums, System.nanoTime()); // after a failed frame, a second call: it adds nothing
        if (!seqnums.isEmpty()) {
            outbox.markAcknowledged(peer, seqnums);
        }
    }

    private void count(InboundProcessor.Outcome outcome) {
        if (outcome == InboundProcessor.Outcome.DUPLICATE) {
            duplicatesReceived.incrementAndGet();
        }
    }

    /**
     * Sends every unacknowledged command on a new connection, then opens it to other senders. It holds the
     * senders' lock throughout: a {@link #sendDue} running meanwhile would otherwise send the same due rows again,
     * between the replay's frames.
     */
    private void replayUnacknowledged(FrameWriter newWriter) {
        sending.lock();
        try {
            resendTimeout.connectionChanged();
            writer = newWriter;
            long after = 0;
            int replayed = 0;
            while (writer != null) {
                List<OutboxMessage> batch = outbox.unacknowledged(peer, after, settings.batchSize());
                if (batch.isEmpty()) {
                    break;
                }
                if (!send(batch, 0)) {
                    break;
                }
                List<Long> seqnums = new ArrayList<>(batch.size());
                batch.forEach(c -> seqnums.add(c.getSeqnum()));
                outbox.markSent(seqnums, resendTimeout.millis(), resendTimeout.longestMillis());
                replayed += batch.size();
                after = batch.get(batch.size() - 1).getSeqnum();
            }
            if (replayed > 0) {
                LOG.infof("peer=%s replayed %d unacknowledged command(s) after connecting", peer, replayed);
            }
        } finally {
            sending.unlock();
        }
        sendDue(); // anything a sender skipped while the replay held the lock
    }

    private void readUntilClosed(FrameReader<I> reader) throws IOException {
        while (running) {
            I message;
            try {
                message = reader.read();
            } catch (SocketTimeoutException quiet) {
                // No byte for a while; the reader's buffers stay consistent, so reading can go on.
                checkSilence();
                continue;
            }
            if (message == null) {
                throw new IOException("closed by the peer");
            }
            unansweredSince.set(0);
            framesReceived.incrementAndGet();
            // Frames that arrived while the last ones were applied are applied with this one, in one transaction:
            // under load the peer's reports share commits instead of queueing for one each. Merging two messages
            // appends their repeated fields, so nothing is lost or reordered. The merge stops at the batch size
            // in items, not frames: a transaction of hundreds of stock arrivals held the warehouses' stock rows
            // for a second, and every checkout waited for it (bench/fulfilment).
            for (int merged = 1; merged < settings.batchSize() && itemCount(message) < settings.batchSize() && !finished(message); merged++) {
                I next = reader.readIfArrived();
                if (next == null) {
                    break;
                }
                framesReceived.incrementAndGet();
                message = merge(message, next);
            }
            List<Long> acks = receive(message);
            if (!acks.isEmpty()) {
                write(frame(List.of(), acks));
            }
            if (finished(message)) {
                throw new IOException("the peer finished the session");
            }
        }
    }

    /** The entries of all repeated fields of a message: its items and acknowledgements. */
    private static int itemCount(MessageLite message) {
        int items = 0;
        if (message instanceof Message full) {
            for (Descriptors.FieldDescriptor field : full.getDescriptorForType().getFields()) {
                if (field.isRepeated()) {
                    items += full.getRepeatedFieldCount(field);
                }
            }
        }
        return items;
    }

    @SuppressWarnings("unchecked")
    private I merge(I first, I second) {
        return (I) first.toBuilder().mergeFrom(second).build();
    }

    /** Gives the connection up when the peer has said nothing for too long after a command it did not answer. */
    private void checkSilence() throws IOException {
        long waitingSince = unansweredSince.get();
        if (waitingSince == 0) {
            return;
        }
        long silentMillis = Duration.ofNanos(System.nanoTime() - waitingSince).toMillis();
        if (silentMillis >= settings.silenceTimeout().toMillis()) {
            throw new IOException("the peer has been silent for " + silentMillis + " ms since a command it did not answer"
                    + " (silence timeout " + settings.silenceTimeout().toMillis() + " ms)");
        }
    }

    /**
     * Writes the commands in one frame; {@code sendsCounted} says whether their send counts already include this
     * send (taken from the outbox) or not (replayed), so that resends are counted right.
     *
     * @return whether the frame was written; if not, the connection is being closed
     */
    private boolean send(List<OutboxMessage> commands, int sendsCounted) {
        // Set before writing: an answer read right after the write must find it set, to clear it.
        long now = System.nanoTime();
        unansweredSince.compareAndSet(0, now | 1); // never 0, which means "nothing waits"
        for (OutboxMessage command : commands) {
            // Its first send ever when its count, with this send or without it, says so.
            resendTimeout.sent(command.getSeqnum(), command.getSendCount() == sendsCounted, now);
        }
        try {
            write(frame(commands, List.of()));
        } catch (IOException e) {
            problem("sending to " + address() + " failed: " + e.getMessage(), null);
            writer = null; // senders stop here; the reader notices the closed socket and reconnects
            closeSocket();
            return false;
        }
        itemsResent.addAndGet(commands.stream().filter(c -> c.getSendCount() > sendsCounted).count());
        return true;
    }

    private void write(MessageLite frame) throws IOException {
        FrameWriter current = writer;
        if (current == null) {
            throw new IOException("not connected");
        }
        current.write(frame);
        framesSent.incrementAndGet();
    }

    private void problem(String text, Throwable cause) {
        boolean repeated = text.equals(lastProblem);
        lastProblem = text;
        lastProblemAt = Instant.now();
        if (!running) {
            return;
        }
        if (cause != null) {
            LOG.errorf(cause, "peer=%s %s; reconnecting", peer, text);
        } else if (repeated) {
            LOG.debugf("peer=%s %s; reconnecting", peer, text);
        } else {
            LOG.warnf("peer=%s %s; reconnecting", peer, text);
        }
    }

    private void closeSocket() {
        Socket s = socket;
        if (s != null) {
            try {
                s.close();
            } catch (IOException e) {
                LOG.debugf("peer=%s closing the socket: %s", peer, e.getMessage());
            }
        }
    }

    private void awaitSignal(Duration timeout) {
        synchronized (signal) {
            try {
                signal.wait(Math.max(1, timeout.toMillis()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                running = false;
            }
        }
    }
}
