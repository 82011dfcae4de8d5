package com.miniamazon.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.protocol.world.ACommands;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Taking what has already arrived without blocking, as the gateways do to apply piled-up frames together. */
class FrameReaderTest {

    private static byte[] framed(long... acks) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FrameWriter writer = new FrameWriter(bytes);
        for (long ack : acks) {
            writer.write(ACommands.newBuilder().addAcks(ack).build());
        }
        return bytes.toByteArray();
    }

    @Test
    void readIfArrivedGivesWholeFramesOnlyAndNeverBlocks() throws IOException {
        PipedOutputStream peer = new PipedOutputStream();
        FrameReader<ACommands> reader = new FrameReader<>(new PipedInputStream(peer, 1 << 16), ACommands.parser());

        assertThat(reader.readIfArrived()).as("nothing has arrived").isNull();

        byte[] three = framed(1, 2, 3);
        int cut = three.length - 2; // the third frame arrives in two pieces
        peer.write(Arrays.copyOf(three, cut));
        assertThat(reader.read().getAcks(0)).isEqualTo(1);
        assertThat(reader.readIfArrived().getAcks(0)).isEqualTo(2);
        assertThat(reader.readIfArrived()).as("the third frame is incomplete").isNull();

        peer.write(Arrays.copyOfRange(three, cut, three.length));
        assertThat(reader.readIfArrived().getAcks(0)).as("its held bytes were kept").isEqualTo(3);
        assertThat(reader.readIfArrived()).isNull();
    }
}
