package com.miniamazon.simulators.net;

import com.google.protobuf.MessageLite;
import com.miniamazon.protocol.codec.FrameException;
import com.miniamazon.protocol.codec.FrameReader;
import com.miniamazon.protocol.codec.FrameWriter;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * One TCP connection to a peer: a reader thread that turns the byte stream into frames and hands them to a
 * {@link Listener}, and a writer thread that sends queued frames in order.
 *
 * <p>Memory stays bounded whatever the peer does: a frame over the size limit closes the connection, and so does
 * a peer that reads so slowly that more than {@code maxQueuedFrames} frames wait to be written. A broken frame
 * closes only this connection. The listener hears of the close exactly once.
 */
public final class PeerConnection {

    private static final Logger LOG = Logger.getLogger(PeerConnection.class);
    private static final byte[] CLOSE = new byte[0];

    /** What a connection's owner hears from it. */
    public interface Listener {
        /**
         * Called on the reader thread for every whole frame, in order. May block (that slows the peer down: the
         * simulators use it for back-pressure). A {@link FrameException} thrown here closes the connection.
         */
        void onFrame(PeerConnection connection, byte[] payload) throws Exception;

        /** Called once, from whichever thread noticed, when the connection is closed for any reason. */
        void onClosed(PeerConnection connection, String reason);
    }

    private final Socket socket;
    private final String name;
    private final int maxFrameBytes;
    private final BlockingQueue<byte[]> outbound;
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile Listener listener;
    private volatile Object attachment;

    /**
     * @param name how log lines name this connection, e.g. "amazon 127.0.0.1:51234"
     * @param idleTimeoutMillis close when nothing arrives for this long (0: never)
     */
    public PeerConnection(Socket socket, String name, int maxFrameBytes, int maxQueuedFrames, int idleTimeoutMillis)
            throws SocketException {
        this.socket = socket;
        this.name = name;
        this.maxFrameBytes = maxFrameBytes;
        this.outbound = new ArrayBlockingQueue<>(maxQueuedFrames);
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(idleTimeoutMillis);
    }

    /** Starts the reader and writer threads. */
    public void start(Listener listener) {
        this.listener = listener;
        Thread reader = new Thread(this::readLoop, "read " + name);
        Thread writer = new Thread(this::writeLoop, "write " + name);
        reader.setDaemon(true);
        writer.setDaemon(true);
        writer.start();
        reader.start();
    }

    /**
     * Queues one message to be written. Returns false (and the message is dropped) when the connection is closed,
     * or when the peer is not reading and the queue is full, in which case the connection is closed.
     */
    public boolean send(MessageLite message) {
        if (closed.get()) {
            return false;
        }
        if (!outbound.offer(FrameWriter.encode(message))) {
            close("peer does not read: " + outbound.size() + " frames waiting to be written");
            return false;
        }
        return true;
    }

    /** Queues a last message, then closes once it has been written. */
    public void sendThenClose(MessageLite message, String reason) {
        if (send(message) && closed.compareAndSet(false, true)) {
            LOG.infof("Closing connection %s: %s", name, reason);
            if (!outbound.offer(CLOSE)) {
                closeSocket();
            }
            notifyClosed(reason);
        }
    }

    /** Closes the connection now; queued frames not yet written are dropped. Safe to call many times. */
    public void close(String reason) {
        if (closed.compareAndSet(false, true)) {
            LOG.infof("Closing connection %s: %s", name, reason);
            outbound.clear();
            outbound.offer(CLOSE);
            closeSocket();
            notifyClosed(reason);
        }
    }

    public boolean isOpen() {
        return !closed.get();
    }

    public String name() {
        return name;
    }

    /** Whatever the owner keeps with this connection (e.g. which world and side it serves). */
    public Object attachment() {
        return attachment;
    }

    public void attach(Object value) {
        this.attachment = value;
    }

    private void readLoop() {
        String reason = "peer closed the connection";
        try {
            FrameReader<byte[]> reader = new FrameReader<>(socket.getInputStream(), null, maxFrameBytes);
            while (!closed.get()) {
                byte[] payload = reader.readPayload();
                if (payload == null) {
                    break;
                }
                listener.onFrame(this, payload);
            }
        } catch (FrameException e) {
            reason = "bad frame: " + e.getMessage();
            LOG.errorf("Connection %s sent a bad frame, closing it: %s", name, e.getMessage());
        } catch (SocketTimeoutException e) {
            reason = "idle for " + soTimeout() + " ms";
        } catch (IOException e) {
            reason = closed.get() ? "closed" : "read failed: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reason = "interrupted";
        } catch (Exception | Error e) {
            reason = "handler failed: " + e;
            LOG.errorf(e, "Connection %s: handling a frame failed, closing it", name);
        } finally {
            close(reason);
        }
    }

    private void writeLoop() {
        try (OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024)) {
            while (true) {
                byte[] frame = outbound.take();
                if (frame == CLOSE) {
                    out.flush();
                    break;
                }
                out.write(frame);
                if (outbound.isEmpty()) {
                    out.flush(); // coalesce frames that queued up meanwhile, flush before waiting
                }
            }
        } catch (IOException e) {
            if (!closed.get()) {
                LOG.warnf("Connection %s: write failed: %s", name, e.getMessage());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeSocket();
            close("write side ended");
        }
    }

    private int soTimeout() {
        try {
            return socket.getSoTimeout();
        } catch (SocketException e) {
            return -1;
        }
    }

    private void closeSocket() {
        try {
            socket.close();
        } catch (IOException e) {
            LOG.debugf("Connection %s: closing the socket failed: %s", name, e.getMessage());
        }
    }

    private void notifyClosed(String reason) {
        Listener l = listener;
        if (l != null) {
            try {
                l.onClosed(this, reason);
            } catch (RuntimeException e) {
                LOG.errorf(e, "Connection %s: close handler failed", name);
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
