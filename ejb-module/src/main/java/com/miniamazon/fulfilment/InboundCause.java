package com.miniamazon.fulfilment;

/**
 * Which received item (peer and seqnum) the current thread is applying, so that the log line of every state
 * change it causes names it. Set by the gateway around each item; empty for changes a customer or a timer makes.
 */
public final class InboundCause {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private InboundCause() {}

    /** Runs {@code work} with the cause set, and clears it afterwards whatever happens. */
    public static <T, E extends Exception> T during(String peer, long seqnum, Work<T, E> work) throws E {
        CURRENT.set(peer + "#" + seqnum);
        try {
            return work.run();
        } finally {
            CURRENT.remove();
        }
    }

    /** "WORLD#42", "UPS#7", or "-" outside any received item. */
    public static String current() {
        String cause = CURRENT.get();
        return cause == null ? "-" : cause;
    }

    /** Work that may throw. */
    @FunctionalInterface
    public interface Work<T, E extends Exception> {
        T run() throws E;
    }
}
