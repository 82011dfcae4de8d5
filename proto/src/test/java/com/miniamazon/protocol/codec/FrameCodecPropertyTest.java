package com.miniamazon.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import com.google.protobuf.ByteString;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.Parser;
import com.miniamazon.protocol.world.ACommands;
import com.miniamazon.protocol.world.APack;
import com.miniamazon.protocol.world.AProduct;
import com.miniamazon.protocol.world.APurchaseMore;
import com.miniamazon.protocol.world.AQuery;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Property and fuzz tests of the frame codec: whatever pieces the bytes arrive in, the same frames come out;
 * broken input gives a FrameException and nothing else. Every test uses a seeded Random, so a failure repeats.
 */
class FrameCodecPropertyTest {

    /** The frame of an arbitrary payload: its varint length, then the bytes. */
    static byte[] frame(byte[] payload) {
        byte[] out = new byte[CodedOutputStream.computeUInt32SizeNoTag(payload.length) + payload.length];
        CodedOutputStream c = CodedOutputStream.newInstance(out);
        try {
            c.writeUInt32NoTag(payload.length);
            c.writeRawBytes(payload);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
        return out;
    }

    /** Payload sizes around every varint length boundary, plus the empty frame. */
    static byte[] randomPayload(Random r) {
        int[] sizes = {0, 1, 2, 127, 128, 129, 300, 16383, 16384, 16385, 70_000};
        int size = r.nextInt(4) == 0 ? sizes[r.nextInt(sizes.length)] : r.nextInt(200);
        byte[] p = new byte[size];
        r.nextBytes(p);
        return p;
    }

    static ACommands randomCommands(Random r) {
        ACommands.Builder b = ACommands.newBuilder();
        for (int i = r.nextInt(5); i > 0; i--) {
            b.addBuy(APurchaseMore.newBuilder().setWhnum(r.nextInt(10)).setSeqnum(r.nextLong())
                    .addThings(AProduct.newBuilder().setId(r.nextLong()).setDescription("d" + r.nextInt()).setCount(r.nextInt(100))));
        }
        for (int i = r.nextInt(3); i > 0; i--) {
            b.addTopack(APack.newBuilder().setWhnum(1).setShipid(r.nextLong()).setSeqnum(r.nextInt(1000)));
        }
        for (int i = r.nextInt(50); i > 0; i--) {
            b.addAcks(r.nextLong());
        }
        if (r.nextBoolean()) {
            b.addQueries(AQuery.newBuilder().setPackageid(r.nextInt()).setSeqnum(-1));
        }
        return b.build();
    }

    /** Cuts the bytes at random points (including empty pieces and single bytes). */
    static List<byte[]> randomSplit(Random r, byte[] all) {
        List<byte[]> pieces = new ArrayList<>();
        int at = 0;
        while (at < all.length) {
            int len = switch (r.nextInt(4)) {
                case 0 -> 0;
                case 1 -> 1;
                case 2 -> r.nextInt(16);
                default -> r.nextInt(Math.max(1, all.length - at) + 1);
            };
            len = Math.min(len, all.length - at);
            pieces.add(Arrays.copyOfRange(all, at, at + len));
            at += len;
        }
        return pieces;
    }

    /** An input stream that returns at most a random number of bytes per read, as a socket may. */
    static InputStream choppy(byte[] bytes, Random r) {
        return new InputStream() {
            int at;

            @Override
            public int read() {
                return at < bytes.length ? bytes[at++] & 0xff : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (at >= bytes.length) {
                    return -1;
                }
                int n = Math.min(Math.min(len, bytes.length - at), 1 + r.nextInt(64));
                System.arraycopy(bytes, at, b, off, n);
                at += n;
                return n;
            }
        };
    }

    @Test
    void randomSplitsOfManyFramesGiveBackTheSameFrames() throws Exception {
        Random r = new Random(20240501);
        for (int iteration = 0; iteration < 3000; iteration++) {
            List<byte[]> payloads = new ArrayList<>();
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            for (int i = 1 + r.nextInt(20); i > 0; i--) {
                byte[] p = randomPayload(r);
                payloads.add(p);
                stream.write(frame(p));
            }
            FrameDecoder decoder = new FrameDecoder(100_000);
            List<byte[]> out = new ArrayList<>();
            for (byte[] piece : randomSplit(r, stream.toByteArray())) {
                out.addAll(decoder.feed(piece, 0, piece.length));
            }
            assertThat(out).hasSameSizeAs(payloads);
            for (int i = 0; i < out.size(); i++) {
                assertThat(out.get(i)).as("iteration %d frame %d", iteration, i).isEqualTo(payloads.get(i));
            }
            assertThat(decoder.bufferedBytes()).isZero();
        }
    }

    @Test
    void severalFramesInOneReadAllComeOut() throws Exception {
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        for (int i = 0; i < 100; i++) {
            stream.write(FrameWriter.encode(ACommands.newBuilder().addAcks(i).build()));
        }
        byte[] all = stream.toByteArray();
        List<byte[]> frames = new FrameDecoder().feed(all, 0, all.length);
        assertThat(frames).hasSize(100);
        assertThat(ACommands.parseFrom(frames.get(99)).getAcks(0)).isEqualTo(99);
    }

    @Test
    void theReaderReturnsEveryMessageWhateverTheReadSizesThenNullAtACleanEnd() throws Exception {
        Random r = new Random(7);
        for (int iteration = 0; iteration < 500; iteration++) {
            List<ACommands> sent = new ArrayList<>();
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            for (int i = 1 + r.nextInt(30); i > 0; i--) {
                ACommands m = randomCommands(r);
                sent.add(m);
                // Alternately our writer and protobuf's own delimited writer: the bytes must be the same format.
                if (r.nextBoolean()) {
                    stream.write(FrameWriter.encode(m));
                } else {
                    m.writeDelimitedTo(stream);
                }
            }
            FrameReader<ACommands> reader = new FrameReader<>(choppy(stream.toByteArray(), r), ACommands.parser());
            for (ACommands expected : sent) {
                assertThat(reader.read()).isEqualTo(expected);
            }
            assertThat(reader.read()).isNull();
        }
    }

    @Test
    void ourFramesAreWhatParseDelimitedFromReads() throws Exception {
        Random r = new Random(11);
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<ACommands> sent = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            ACommands m = randomCommands(r);
            sent.add(m);
            stream.write(FrameWriter.encode(m));
        }
        InputStream in = new ByteArrayInputStream(stream.toByteArray());
        for (ACommands expected : sent) {
            assertThat(ACommands.parseDelimitedFrom(in)).isEqualTo(expected);
        }
    }

    @Test
    void aConnectionClosedMidFrameIsAnErrorAfterTheWholeFrames() throws Exception {
        Random r = new Random(3);
        for (int iteration = 0; iteration < 1000; iteration++) {
            ByteArrayOutputStream stream = new ByteArrayOutputStream();
            List<ACommands> sent = new ArrayList<>();
            for (int i = 1 + r.nextInt(5); i > 0; i--) {
                ACommands m = randomCommands(r);
                sent.add(m);
                stream.write(FrameWriter.encode(m));
            }
            byte[] last = FrameWriter.encode(randomCommands(r).toBuilder().addAcks(1).build());
            stream.write(last, 0, 1 + r.nextInt(last.length - 1)); // at least one byte, never the whole frame
            FrameReader<ACommands> reader = new FrameReader<>(choppy(stream.toByteArray(), r), ACommands.parser());
            for (ACommands expected : sent) {
                assertThat(reader.read()).isEqualTo(expected);
            }
            assertThatThrownBy(reader::read).isInstanceOf(FrameException.class).hasMessageContaining("middle of a frame");
        }
    }

    @Test
    void anOversizedLengthPrefixIsRefusedEvenWhenItArrivesByteByByte() {
        FrameDecoder decoder = new FrameDecoder(1024);
        byte[] prefix = {(byte) 0x81, 0x08}; // 1025
        assertThatThrownBy(() -> {
            for (byte b : prefix) {
                decoder.feed(new byte[] {b}, 0, 1);
            }
        }).isInstanceOf(FrameException.class).hasMessageContaining("exceeds");
        FrameDecoder exact = new FrameDecoder(1024);
        byte[] ok = frame(new byte[1024]);
        try {
            assertThat(exact.feed(ok, 0, ok.length)).hasSize(1);
        } catch (FrameException e) {
            fail("a frame of exactly the limit is allowed", e);
        }
        byte[] huge = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x0f};
        assertThatThrownBy(() -> new FrameDecoder().feed(huge, 0, huge.length)).isInstanceOf(FrameException.class);
    }

    @Test
    void aVarintOfMoreThanFiveBytesIsMalformed() {
        byte[] bad = {(byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, (byte) 0x80, 0x01};
        assertThatThrownBy(() -> new FrameDecoder().feed(bad, 0, bad.length))
                .isInstanceOf(FrameException.class).hasMessageContaining("malformed");
    }

    @Test
    void randomBytesGiveFramesOrAFrameExceptionNeverAnythingElse() {
        Random r = new Random(99);
        Parser<ACommands> parser = ACommands.parser();
        int refused = 0;
        for (int iteration = 0; iteration < 5000; iteration++) {
            byte[] junk = new byte[r.nextInt(512)];
            r.nextBytes(junk);
            try {
                FrameReader<ACommands> reader = new FrameReader<>(choppy(junk, r), parser, 4096);
                while (reader.read() != null) {
                    // keeps reading: a parsed frame is fine, as long as nothing but FrameException escapes
                }
            } catch (FrameException e) {
                refused++;
            } catch (IOException | RuntimeException e) {
                fail("iteration " + iteration + ": random bytes gave " + e, e);
            }
        }
        assertThat(refused).isGreaterThan(4000);
    }

    @Test
    void aWellFramedPayloadThatIsNotTheMessageIsAFrameException() throws Exception {
        // APurchaseMore without its required fields, inside an ACommands.
        byte[] payload = ACommands.newBuilder().build().toByteString()
                .concat(ByteString.copyFrom(new byte[] {0x0a, 0x00})).toByteArray();
        FrameReader<ACommands> reader = new FrameReader<>(new ByteArrayInputStream(frame(payload)), ACommands.parser());
        assertThatThrownBy(reader::read).isInstanceOf(FrameException.class).hasMessageContaining("not a valid message");
        byte[] handshakeThenCommands = concat(frame(new byte[0]), FrameWriter.encode(ACommands.newBuilder().addAcks(5).build()));
        FrameReader<byte[]> raw = new FrameReader<>(new ByteArrayInputStream(handshakeThenCommands), null);
        assertThat(raw.readPayload()).isEmpty();
        assertThat(FrameReader.parse(ACommands.parser(), raw.readPayload()).getAcks(0)).isEqualTo(5);
        assertThat(raw.readPayload()).isNull();
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
