package com.miniamazon.notification;

import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import org.jboss.logging.Logger;

/**
 * Connections to the mail server, kept open between emails and used by one sender at a time. A sender takes the
 * connection used last (or opens one), sends, and puts it back; at most {@link #MAX_IDLE} wait between emails, and
 * one idle for longer than {@link #MAX_IDLE_TIME} is closed rather than used, because mail servers drop quiet
 * clients (RFC 5321 lets a server time out after five minutes); {@link #closeQuietOnes()} also closes them while
 * no email goes out.
 *
 * <p>A kept connection can still have been closed by the server without this side knowing. A send that fails on
 * a kept connection is therefore tried once more on a new one; a failure on a new connection is the caller's, and
 * so is a message the server refused (its connection stays usable and is kept).
 * Asking the server first ({@code NOOP}) would cost a round trip per email, the very thing reuse saves.
 */
final class SmtpConnections implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(SmtpConnections.class);

    /** Connections kept between emails; the mailer sends from a handful of threads at most. */
    static final int MAX_IDLE = 4;
    static final Duration MAX_IDLE_TIME = Duration.ofSeconds(30);

    /** A new, unconnected transport of the mail session. */
    @FunctionalInterface
    interface TransportSource {
        Transport newTransport() throws MessagingException;
    }

    private record Idle(Transport transport, long sinceNanos) {}

    private final TransportSource source;
    private final Duration maxIdleTime;
    private final BlockingDeque<Idle> idle = new LinkedBlockingDeque<>(MAX_IDLE);
    private volatile boolean closed;

    SmtpConnections(TransportSource source) {
        this(source, MAX_IDLE_TIME);
    }

    /** With another idle time than {@link #MAX_IDLE_TIME}, for tests. */
    SmtpConnections(TransportSource source, Duration maxIdleTime) {
        this.source = source;
        this.maxIdleTime = maxIdleTime;
    }

    /**
     * Sends a message whose headers are final ({@link MimeMessage#saveChanges()} called) to its recipients.
     *
     * @throws SendFailedException when the server refused the message (its connection is kept)
     * @throws MessagingException when it cannot be sent over a new connection
     */
    void send(MimeMessage message) throws MessagingException {
        Transport kept = takeKept();
        if (kept != null) {
            try {
                deliver(kept, message);
                return;
            } catch (SendFailedException refused) {
                throw refused; // about the message, not the connection: a new one would be refused too
            } catch (MessagingException e) {
                LOG.debugf("A kept connection to the mail server failed (%s); sending over a new one", e.toString());
            }
        }
        Transport fresh = source.newTransport();
        try {
            fresh.connect();
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(fresh);
            throw e;
        }
        deliver(fresh, message);
    }

    /** Sends over a connected transport and keeps it for the next email, unless the connection itself failed. */
    private void deliver(Transport transport, MimeMessage message) throws MessagingException {
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (SendFailedException refused) {
            putBack(transport);
            throw refused;
        } catch (MessagingException | RuntimeException e) {
            closeQuietly(transport);
            throw e;
        }
        putBack(transport);
    }

    /** Closes every kept connection; later sends open and close their own. */
    @Override
    public void close() {
        closed = true;
        for (Idle i; (i = idle.pollFirst()) != null; ) {
            closeQuietly(i.transport());
        }
    }

    /** How many connections wait for the next email. */
    int idleCount() {
        return idle.size();
    }

    /** The connection put back last, after closing those quiet for too long. */
    private Transport takeKept() {
        closeQuietOnes();
        Idle newest = idle.pollFirst();
        return newest == null ? null : newest.transport();
    }

    /**
     * Closes the kept connections quiet for longer than the idle time. The deque runs from the newest to the
     * oldest, so they are at its end; the mailer also calls this on a timer, so that a quiet store does not hold
     * connections the server has long given up.
     */
    void closeQuietOnes() {
        for (Idle oldest; (oldest = idle.peekLast()) != null && isStale(oldest); ) {
            if (idle.removeLastOccurrence(oldest)) {
                closeQuietly(oldest.transport());
            }
        }
    }

    private boolean isStale(Idle kept) {
        return System.nanoTime() - kept.sinceNanos() >= maxIdleTime.toNanos();
    }

    private void putBack(Transport transport) {
        if (!idle.offerFirst(new Idle(transport, System.nanoTime()))) {
            closeQuietly(transport); // enough are kept already
        } else if (closed) {
            close(); // the mailer stopped meanwhile: nothing stays open
        }
    }

    private static void closeQuietly(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException | RuntimeException e) {
            LOG.debugf("Closing a connection to the mail server: %s", e.toString());
        }
    }
}
