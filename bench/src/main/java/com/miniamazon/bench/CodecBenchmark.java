package com.miniamazon.bench;

import com.miniamazon.protocol.codec.FrameDecoder;
import com.miniamazon.protocol.codec.FrameException;
import com.miniamazon.protocol.codec.FrameWriter;
import com.miniamazon.protocol.world.ACommands;
import com.miniamazon.protocol.world.APack;
import com.miniamazon.protocol.world.AProduct;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Frames per second through the codec, with a typical command frame (a few packs and acks, about 100 bytes).
 * Decoding feeds 100 frames at a time in 1460-byte pieces (one TCP segment each), as a socket delivers them.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CodecBenchmark {

    static final int FRAMES = 100;

    ACommands message;
    byte[] stream;
    FrameDecoder decoder;

    @Setup
    public void setUp() {
        ACommands.Builder b = ACommands.newBuilder();
        for (int i = 0; i < 2; i++) {
            b.addTopack(APack.newBuilder().setWhnum(1).setShipid(100_000 + i).setSeqnum(5_000 + i)
                    .addThings(AProduct.newBuilder().setId(42).setDescription("a book").setCount(1)));
        }
        for (int i = 0; i < 4; i++) {
            b.addAcks(1_000_000L + i);
        }
        message = b.build();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < FRAMES; i++) {
            out.writeBytes(FrameWriter.encode(message));
        }
        stream = out.toByteArray();
        decoder = new FrameDecoder();
    }

    @Benchmark
    public byte[] encode() {
        return FrameWriter.encode(message);
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public int decode() throws FrameException {
        int frames = 0;
        for (int at = 0; at < stream.length; at += 1460) {
            List<byte[]> out = decoder.feed(stream, at, Math.min(1460, stream.length - at));
            frames += out.size();
        }
        return frames;
    }

    @Benchmark
    @OperationsPerInvocation(FRAMES)
    public long decodeAndParse() throws Exception {
        long sum = 0;
        for (int at = 0; at < stream.length; at += 1460) {
            for (byte[] payload : decoder.feed(stream, at, Math.min(1460, stream.length - at))) {
                sum += ACommands.parseFrom(payload).getAcksCount();
            }
        }
        return sum;
    }
}
