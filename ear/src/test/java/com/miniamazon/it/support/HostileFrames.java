package com.miniamazon.it.support;

import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.MessageLite;
import com.miniamazon.protocol.codec.FrameWriter;
import com.miniamazon.protocol.ups.UAAccountResult;
import com.miniamazon.protocol.ups.UAChangeResult;
import com.miniamazon.protocol.ups.UACommands;
import com.miniamazon.protocol.ups.UADelivered;
import com.miniamazon.protocol.ups.UAErr;
import com.miniamazon.protocol.ups.UAOutForDelivery;
import com.miniamazon.protocol.ups.UATruckArrived;
import com.miniamazon.protocol.ups.UAWorld;
import com.miniamazon.protocol.world.AConnect;
import com.miniamazon.protocol.world.AInitWarehouse;
import com.miniamazon.protocol.world.UConnect;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;

/**
 * Frames no honest peer sends, made from a seeded {@link Random} so that a failure can be replayed: random bytes,
 * broken length prefixes, frames cut short, frames announcing more than the 4 MiB limit, messages lacking required
 * fields, and well-formed messages full of nonsense (unknown shipids, absurd seqnums, huge fields).
 *
 * <p>Nothing here names a real shipment or command: every id is at least {@link #FAR}, far beyond any sequence
 * the store or the simulators hand out, so that a hostile frame can be refused but never mistaken for real news.
 */
public final class HostileFrames {

    /** The smallest id a hostile frame uses; real shipids and seqnums stay far below. */
    public static final long FAR = 1_000_000_000_000L;

    /** Kinds of frame that end a connection (the receiver must close it, and only it). */
    public enum Breaking {
        RANDOM_BYTES, BAD_VARINT, TRUNCATED, OVERSIZED, MISSING_REQUIRED
    }

    private final Random random;

    public HostileFrames(Random random) {
        this.random = random;
    }

    /** A frame that ends the connection; for {@link Breaking#TRUNCATED} the writer must close right after it. */
    public byte[] breaking(Breaking kind, MessageLite sample) {
        return switch (kind) {
            case RANDOM_BYTES -> {
                byte[] payload = new byte[1 + random.nextInt(2000)];
                do {
                    random.nextBytes(payload);
                } while (parses(sample, payload)); // a few short draws happen to be valid messages; those are not garbage
                yield withPrefix(payload.length, payload);
            }
            case BAD_VARINT -> {
                byte[] bytes = new byte[6 + random.nextInt(10)];
                java.util.Arrays.fill(bytes, (byte) 0xFF);
                yield bytes;
            }
            case TRUNCATED -> {
                byte[] whole = FrameWriter.encode(sample);
                yield java.util.Arrays.copyOf(whole, Math.max(1, whole.length - 1 - random.nextInt(Math.max(1, whole.length - 1))));
            }
            case OVERSIZED -> {
                int claimed = 4 * 1024 * 1024 + 1 + random.nextInt(Integer.MAX_VALUE - 4 * 1024 * 1024 - 1);
                byte[] some = new byte[random.nextInt(64)];
                random.nextBytes(some);
                yield withPrefix(claimed, some);
            }
            case MISSING_REQUIRED -> {
                // A UAWorld without its world id, inside an otherwise fine UACommands.
                UACommands partial = UACommands.newBuilder()
                        .addWorld(UAWorld.newBuilder().setSeqnum(FAR + random.nextInt(1000)).buildPartial())
                        .buildPartial();
                yield FrameWriter.encode(partial);
            }
        };
    }

    private static boolean parses(MessageLite sample, byte[] payload) {
        try {
            sample.getParserForType().parseFrom(payload);
            return true;
        } catch (com.google.protobuf.InvalidProtocolBufferException e) {
            return false;
        }
    }

    public Breaking anyBreaking() {
        Breaking[] all = Breaking.values();
        return all[random.nextInt(all.length)];
    }

    /**
     * A well-formed UACommands full of nonsense a confused or malicious UPS might send: reports about shipids
     * that do not exist, errors about commands never sent, acknowledgements of seqnums never used, account
     * answers with odd names, and now and then a very large frame (within the limit). Never a world
     * announcement: a UPS that names another world is obeyed by design.
     */
    public UACommands nonsense() {
        UACommands.Builder frame = UACommands.newBuilder();
        boolean many = random.nextInt(100) == 0;
        int items = 1 + random.nextInt(many ? 500 : 8);
        for (int i = 0; i < items; i++) {
            long seq = far();
            switch (random.nextInt(7)) {
                case 0 -> frame.addArrived(UATruckArrived.newBuilder().setSeqnum(seq).setTruckid(random.nextInt())
                        .setWhnum(random.nextInt()).addShipid(far()).addShipid(far()));
                case 1 -> frame.addOutfordelivery(UAOutForDelivery.newBuilder().setSeqnum(seq).setShipid(far()).setTruckid(random.nextInt()));
                case 2 -> frame.addDelivered(UADelivered.newBuilder().setSeqnum(seq).setShipid(far())
                        .setX(random.nextInt()).setY(random.nextInt()));
                case 3 -> frame.addChanges(UAChangeResult.newBuilder().setSeqnum(seq).setShipid(far()).setOk(random.nextBoolean())
                        .setReason(text(random.nextInt(300))));
                case 4 -> frame.addAccounts(UAAccountResult.newBuilder().setSeqnum(seq)
                        .setUpsAccount("hostile-" + Long.toHexString(random.nextLong())).setExists(random.nextBoolean()));
                case 5 -> frame.addErrors(UAErr.newBuilder().setSeqnum(seq).setOriginseqnum(far())
                        .setErr(text(!many && random.nextInt(100) == 0 ? 20_000 : 100)));
                default -> frame.addAcks(far());
            }
        }
        return frame.build();
    }

    /** A handshake a world simulator must refuse (a world that does not exist), for its Amazon or UPS port. */
    public MessageLite refusedHandshake(boolean amazon) {
        if (amazon) {
            return AConnect.newBuilder().setWorldid(far()).setIsAmazon(true)
                    .addInitwh(AInitWarehouse.newBuilder().setId(random.nextInt()).setX(random.nextInt()).setY(random.nextInt()))
                    .build();
        }
        return UConnect.newBuilder().setWorldid(far()).setIsAmazon(false).build();
    }

    private long far() {
        return FAR + (random.nextLong() & Long.MAX_VALUE) % (Long.MAX_VALUE - FAR);
    }

    private String text(int length) {
        StringBuilder s = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            s.append((char) (random.nextInt(20) == 0 ? 0x4E00 + random.nextInt(500) : 'a' + random.nextInt(26)));
        }
        return s.toString();
    }

    private static byte[] withPrefix(int length, byte[] payload) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(payload.length + 5);
            CodedOutputStream coded = CodedOutputStream.newInstance(out);
            coded.writeUInt32NoTag(length);
            coded.flush();
            out.write(payload);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
