package com.miniamazon.protocol.codec;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes messages to one connection, each preceded by its varint length, and flushes after each so that
 * nothing waits in a buffer. Thread-safe: several senders may share one connection.
 */
public final class FrameWriter {

    private final OutputStream out;

    public FrameWriter(OutputStream out) {
        this.out = out;
    }

    public synchronized void write(MessageLite message) throws IOException {
        out.write(encode(message));
        out.flush();
    }

    /** The bytes of one frame: length prefix then payload. */
    public static byte[] encode(MessageLite message) {
        int size = message.getSerializedSize();
        byte[] frame = new byte[CodedOutputStream.computeUInt32SizeNoTag(size) + size];
        CodedOutputStream coded = CodedOutputStream.newInstance(frame);
        try {
            coded.writeUInt32NoTag(size);
            message.writeTo(coded);
            coded.checkNoSpaceLeft();
        } catch (IOException e) {
            throw new IllegalStateException("encoding into an exactly sized array cannot fail", e);
        }
        return frame;
    }
}
