package com.miniamazon.protocol.codec;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reassembles varint length-delimited frames from bytes that arrive in arbitrary pieces.
 *
 * <p>Bytes are pushed in with {@link #feed}; every frame completed so far comes back whole. A frame split over
 * many reads, many frames in one read, and any mixture of the two give the same frames. The decoder never
 * blocks and never sleeps. Not thread-safe: one decoder belongs to one connection's reader.
 */
public final class FrameDecoder {

    /** Default upper bound of one frame's payload: far above any legitimate message, far below the heap. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 4 * 1024 * 1024;

    private static final int MAX_VARINT_BYTES = 5;

    private final int maxFrameBytes;
    private byte[] pending = new byte[256];
    private int pendingLength;

    public FrameDecoder() {
        this(DEFAULT_MAX_FRAME_BYTES);
    }

    public FrameDecoder(int maxFrameBytes) {
        if (maxFrameBytes <= 0) {
            throw new IllegalArgumentException("maxFrameBytes must be positive: " + maxFrameBytes);
        }
        this.maxFrameBytes = maxFrameBytes;
    }

    /**
     * Adds bytes read from the connection and returns the payloads of all frames now complete, in order.
     *
     * @throws FrameException if the length prefix is malformed or announces a frame over the limit; the
     *     decoder is then unusable, as the stream has lost its framing
     */
    public List<byte[]> feed(byte[] bytes, int offset, int length) throws FrameException {
        append(bytes, offset, length);
        List<byte[]> frames = new ArrayList<>(1);
        int position = 0;
        while (true) {
            long header = readLengthPrefix(position);
            if (header < 0) {
                break; // the prefix itself is still incomplete
            }
            int prefixBytes = (int) (header >>> 32);
            int payloadBytes = (int) header;
            int frameEnd = position + prefixBytes + payloadBytes;
            if (frameEnd > pendingLength) {
                break; // the payload is still incomplete
            }
            frames.add(Arrays.copyOfRange(pending, position + prefixBytes, frameEnd));
            position = frameEnd;
        }
        discard(position);
        return frames;
    }

    /** Bytes of an incomplete frame held back; non-zero when the peer closes mid-frame. */
    public int bufferedBytes() {
        return pendingLength;
    }

    /**
     * Parses the varint at {@code position}. Returns -1 when more bytes are needed, else the prefix length in
     * the high 32 bits and the payload length in the low 32 bits.
     */
    private long readLengthPrefix(int position) throws FrameException {
        long value = 0;
        for (int i = 0; i < MAX_VARINT_BYTES; i++) {
            if (position + i >= pendingLength) {
                return -1;
            }
            int b = pending[position + i] & 0xff;
            value |= (long) (b & 0x7f) << (7 * i);
            if ((b & 0x80) == 0) {
                if (value > maxFrameBytes) {
                    throw new FrameException("frame of " + value + " bytes exceeds the limit of " + maxFrameBytes);
                }
                return ((long) (i + 1) << 32) | value;
            }
        }
        throw new FrameException("malformed length prefix: more than " + MAX_VARINT_BYTES + " varint bytes");
    }

    private void append(byte[] bytes, int offset, int length) {
        if (pendingLength + length > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + length));
        }
        System.arraycopy(bytes, offset, pending, pendingLength, length);
        pendingLength += length;
    }

    private void discard(int consumed) {
        if (consumed == 0) {
            return;
        }
        System.arraycopy(pending, consumed, pending, 0, pendingLength - consumed);
        pendingLength -= consumed;
        // Give back memory taken by one huge frame, so an idle connection stays small.
        if (pendingLength < 256 && pending.length > 64 * 1024) {
            pending = Arrays.copyOf(pending, 256);
        }
    }
}
