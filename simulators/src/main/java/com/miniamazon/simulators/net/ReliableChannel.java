package com.miniamazon.simulators.net;

import com.google.protobuf.MessageLite;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The seqnum discipline of one logical peer, the same on every connection of both simulators: received items are
 * dropped (flakiness), applied once per seqnum and acked after the batch that applied them is committed; items
 * sent to the peer wait in a {@link ResendQueue} and are resent every {@code resendMillis} until acked. The
 * channel outlives connections: a peer that reconnects gets every un-acked item again.
 *
 * <p>Owned by a {@link GroupCommitLoop}: call {@link #dispatch} only after the batch's commit succeeded.
 */
public final class ReliableChannel {

    private static final Logger LOG = Logger.getLogger(ReliableChannel.class);
    private static final long NEVER_SENT = Long.MIN_VALUE / 2;
    private static final int MAX_ITEMS_PER_MESSAGE = 1000;
    private static final int MAX_ACKS_PER_MESSAGE = 5000;

    /** Builds the envelope message of this protocol side (e.g. AResponses) from acks and items. */
    @FunctionalInterface
    public interface Envelope {
        MessageLite build(List<Long> acks, List<OutboundItem> items, boolean finished);
    }

    /** What to do with a received item. */
    public enum Receipt {
        /** Ignored by flakiness: no ack, no effect. */
        DROPPED,
        /** Seen before: acked again, not applied again. */
        DUPLICATE,
        /** First time: apply it (and record its seqnum in the same commit). */
        NEW
    }

    private final String name;
    private final Envelope envelope;
    private final long resendMillis;
    private PeerConnection connection;
    private final Set<Long> seen = new HashSet<>();
    private final ResendQueue<OutboundItem> unacked = new ResendQueue<>();
    private final List<Long> acksToSend = new ArrayList<>();
    private final List<OutboundItem> fresh = new ArrayList<>();
    private PeerConnection finishing;
    /** False between {@link #bind} and {@link #attach}: the connection may not be written to yet. */
    private boolean bound = true;

    /** @param name how log lines name the peer, e.g. "world 7 amazon" */
    public ReliableChannel(String name, Envelope envelope, long resendMillis) {
        this.name = name;
        this.envelope = envelope;
        this.resendMillis = resendMillis;
    }

    public PeerConnection connection() {
        return connection;
    }

    public boolean connected() {
        return connection != null && connection.isOpen();
    }

    private boolean writable() {
        return bound && connected();
    }

    /**
     * Takes a connection whose handshake is not answered yet: commands on it are taken, but nothing is sent on it
     * until {@link #attach}.
     */
    public void bind(PeerConnection c) {
        connection = c;
        bound = false;
    }

    /**
     * Binds a (new) connection; every item not yet acked is sent on it at once, after {@code first} if given
     * (a handshake answer). Call after any commit the connection's handshake needed.
     */
    public void attach(PeerConnection c, MessageLite first, long now) {
        connection = c;
        bound = true;
        if (first != null) {
            c.send(first);
        }
        unacked.markAllUnsent();
        resend(now);
    }

    /**
     * Binds a new connection and sends {@code first} on it before anything else (UPS's UAWorld); then every item not
     * yet acked. {@code first} is resent until acked like any other item.
     */
    public void attachFirst(PeerConnection c, OutboundItem first, long now) {
        connection = c;
        bound = true;
        unacked.markAllUnsent();
        unacked.add(first.seqnum(), first, now);
        send(c, List.of(), List.of(first), false);
        resend(now);
    }

    /** Drops un-acked items that a newer item replaces (an older UAWorld when a new connection gets a new one). */
    public void forget(java.util.function.Predicate<OutboundItem> replaced) {
        for (OutboundItem item : unacked.items()) {
            if (replaced.test(item)) {
                unacked.ack(item.seqnum());
            }
        }
    }

    /** Forgets the connection if it is the current one; items wait for the next. Returns whether it was. */
    public boolean detach(PeerConnection c) {
        if (connection == c) {
            connection = null;
            return true;
        }
        return false;
    }

    /** Restores a seqnum applied before a restart. */
    public void restoreSeen(long seqnum) {
        seen.add(seqnum);
    }

    /** Restores an item sent before a restart and not yet acked. */
    public void restoreUnacked(OutboundItem item) {
        unacked.add(item.seqnum(), item, NEVER_SENT);
    }

    /** Decides about one received item; unless dropped, its ack goes out after the next commit. */
    public Receipt receive(long seqnum, Flakiness flakiness) {
        if (flakiness.drop()) {
            LOG.debugf("event=dropped peer=\"%s\" seq=%d", name, seqnum);
            return Receipt.DROPPED;
        }
        acksToSend.add(seqnum);
        return seen.add(seqnum) ? Receipt.NEW : Receipt.DUPLICATE;
    }

    /** The peer acked one of our items; returns true when it was waiting (so its stored copy can go). */
    public boolean acked(long seqnum) {
        return unacked.ack(seqnum) != null;
    }

    /** Queues an item made in this batch; it is sent after the commit and resent until acked. */
    public void emit(OutboundItem item) {
        fresh.add(item);
    }

    /** The peer asked to disconnect on {@code c}: answer finished and close after the commit. */
    public void finishAfterCommit(PeerConnection c) {
        finishing = c;
    }

    /** Sends the batch's acks and new items (and the finished answer); call only after the commit succeeded. */
    public void dispatch(long now) {
        if (acksToSend.isEmpty() && fresh.isEmpty() && finishing == null) {
            return;
        }
        PeerConnection c = writable() ? connection : null;
        boolean finish = finishing != null && finishing == c;
        finishing = null;
        if (c != null) {
            send(c, acksToSend, fresh, finish);
        }
        for (OutboundItem item : fresh) {
            unacked.add(item.seqnum(), item, c != null ? now : NEVER_SENT);
        }
        fresh.clear();
        acksToSend.clear();
        if (finish) {
            connection = null;
        }
    }

    /** Resends the items whose last sending is at least {@code resendMillis} old. */
    public void resend(long now) {
        if (!writable() || unacked.isEmpty()) {
            return;
        }
        List<OutboundItem> due = unacked.takeDue(now, resendMillis, MAX_ITEMS_PER_MESSAGE);
        if (!due.isEmpty()) {
            LOG.debugf("event=resend peer=\"%s\" items=%d", name, due.size());
            send(connection, List.of(), due, false);
        }
    }

    public int unackedCount() {
        return unacked.size();
    }

    /** Items not yet acked, oldest first. */
    public List<OutboundItem> unackedItems() {
        return new ArrayList<>(unacked.items());
    }

    private void send(PeerConnection c, List<Long> acks, List<OutboundItem> items, boolean finish) {
        int a = 0;
        int i = 0;
        do {
            int aEnd = Math.min(acks.size(), a + MAX_ACKS_PER_MESSAGE);
            int iEnd = Math.min(items.size(), i + MAX_ITEMS_PER_MESSAGE);
            boolean last = aEnd == acks.size() && iEnd == items.size();
            MessageLite message = envelope.build(acks.subList(a, aEnd), items.subList(i, iEnd), finish && last);
            if (finish && last) {
                c.sendThenClose(message, "peer asked to disconnect");
            } else if (!c.send(message)) {
                return;
            }
            a = aEnd;
            i = iEnd;
        } while (a < acks.size() || i < items.size());
    }

    @Override
    public String toString() {
        return name;
    }
}
