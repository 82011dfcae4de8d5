package com.miniamazon.simulators.net;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Items sent to a peer and not yet acked, in the order they were first sent, each with the time it was last sent.
 * Not thread-safe: owned by one group-commit loop.
 *
 * @param <T> the item type
 */
public final class ResendQueue<T> {

    private static final class Entry<T> {
        final T item;
        long lastSentAt;

        Entry(T item, long lastSentAt) {
            this.item = item;
            this.lastSentAt = lastSentAt;
        }
    }

    private final Map<Long, Entry<T>> bySeqnum = new LinkedHashMap<>();

    /** Adds an item that was just sent (or that waits for a connection, with {@code sentAt} 0). */
    public void add(long seqnum, T item, long sentAt) {
        bySeqnum.put(seqnum, new Entry<>(item, sentAt));
    }

    /** Removes the item with this seqnum; returns it, or null if it was not waiting (already acked or unknown). */
    public T ack(long seqnum) {
        Entry<T> e = bySeqnum.remove(seqnum);
        return e == null ? null : e.item;
    }

    public boolean contains(long seqnum) {
        return bySeqnum.containsKey(seqnum);
    }

    /**
     * The items last sent at or before {@code now - intervalMillis}, oldest first, at most {@code max} of them;
     * they are marked as sent at {@code now}.
     */
    public List<T> takeDue(long now, long intervalMillis, int max) {
        List<T> due = new ArrayList<>();
        for (Entry<T> e : bySeqnum.values()) {
            if (due.size() >= max) {
                break;
            }
            if (e.lastSentAt + intervalMillis <= now) {
                e.lastSentAt = now;
                due.add(e.item);
            }
        }
        return due;
    }

    /** Marks every item as never sent, so the next {@link #takeDue} returns them all (after a reconnect). */
    public void markAllUnsent() {
        for (Entry<T> e : bySeqnum.values()) {
            e.lastSentAt = Long.MIN_VALUE / 2;
        }
    }

    /** Every waiting item, oldest first. */
    public Collection<T> items() {
        List<T> all = new ArrayList<>(bySeqnum.size());
        for (Iterator<Entry<T>> it = bySeqnum.values().iterator(); it.hasNext(); ) {
            all.add(it.next().item);
        }
        return all;
    }

    public int size() {
        return bySeqnum.size();
    }

    public boolean isEmpty() {
        return bySeqnum.isEmpty();
    }
}
