package com.miniamazon.protocol.codec;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Parser;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Reads whole messages from one connection's input stream, one {@link FrameDecoder} per connection (a new
 * parser per message would lose the bytes it read ahead).
 *
 * @param <M> the message type this connection receives
 */
public final class FrameReader<M> {

    private final InputStream in;
    private final Parser<M> parser;
    private final FrameDecoder decoder;
    private final Deque<byte[]> ready = new ArrayDeque<>();
    private final byte[] buffer = new byte[16 * 1024];

    public FrameReader(InputStream in, Parser<M> parser) {
        this(in, parser, FrameDecoder.DEFAULT_MAX_FRAME_BYTES);
    }

    public FrameReader(InputStream in, Parser<M> parser, int maxFrameBytes) {
        this.in = in;
        this.parser = parser;
        this.decoder = new FrameDecoder(maxFrameBytes);
    }

    /**
     * Blocks until the next whole message has arrived.
     *
     * @return the message, or {@code null} when the peer closed the connection cleanly between frames
     * @throws FrameException if the framing is broken, the payload is not a valid message, or the peer closed
     *     the connection in the middle of a frame
     * @throws IOException if reading from the connection fails
     */
    public M read() throws IOException {
        return read(parser);
    }

    /**
     * Blocks until the next whole message has arrived and parses it with {@code otherParser}: for the one
     * message of another type a connection carries first (the handshake's reply), on the same buffered stream.
     *
     * @return the message, or {@code null} when the peer closed the connection cleanly between frames
     */
    public <T> T read(Parser<T> otherParser) throws IOException {
        byte[] payload = readPayload();
        return payload == null ? null : parse(otherParser, payload);
    }

    /**
     * Blocks until the next whole frame has arrived and returns its payload unparsed, for connections whose
     * first message (a handshake) has another type than the rest. Mixing this with {@link #read()} on one
     * reader is safe: both take frames from the same decoder.
     *
     * @return the payload, or {@code null} when the peer closed the connection cleanly between frames
     * @throws FrameException if the framing is broken or the peer closed the connection in the middle of a frame
     * @throws IOException if reading from the connection fails
     */
    public byte[] readPayload() throws IOException {
        while (ready.isEmpty()) {
            int n = in.read(buffer);
            if (n < 0) {
                if (decoder.bufferedBytes() > 0) {
                    throw new FrameException(
                            "connection closed in the middle of a frame (" + decoder.bufferedBytes() + " bytes held)",
                            new EOFException());
                }
                return null;
            }
            ready.addAll(decoder.feed(buffer, 0, n));
        }
        return ready.poll();
    }

    /**
     * The next message if a whole frame has already arrived, without blocking; {@code null} if not (the bytes
     * of a partly arrived frame are kept for the next read). Lets a reader take what has piled up while it was
     * busy in one go.
     *
     * @throws FrameException if the framing is broken or the payload is not a valid message
     * @throws IOException if reading from the connection fails
     */
    public M readIfArrived() throws IOException {
        while (ready.isEmpty() && in.available() > 0) {
            int n = in.read(buffer, 0, Math.min(buffer.length, in.available()));
            if (n <= 0) {
                break;
            }
            ready.addAll(decoder.feed(buffer, 0, n));
        }
        byte[] payload = ready.poll();
        return payload == null ? null : parse(parser, payload);
    }

    /**
     * Parses one payload as a message of the given type.
     *
     * @throws FrameException if the payload is not a valid message of that type (including missing required fields)
     */
    public static <T> T parse(Parser<T> parser, byte[] payload) throws FrameException {
        try {
            return parser.parseFrom(payload);
        } catch (InvalidProtocolBufferException e) {
            throw new FrameException("frame of " + payload.length + " bytes is not a valid message: " + e.getMessage(), e);
        }
    }
}
