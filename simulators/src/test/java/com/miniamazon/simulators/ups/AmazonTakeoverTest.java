package com.miniamazon.simulators.ups;

import static org.assertj.core.api.Assertions.assertThat;

import com.miniamazon.simulators.support.UpsAmazonClient;
import com.miniamazon.simulators.support.UpsFixture;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * UPS serves one Amazon at a time. A newcomer on the Amazon port takes over only once it has shown it speaks the
 * protocol (a valid frame) or has quietly stayed: a port scanner or a client sending garbage must not cut off the
 * store that is working.
 */
class AmazonTakeoverTest {

    static UpsFixture fixture;

    @BeforeAll
    static void start() throws Exception {
        fixture = new UpsFixture(2, 0);
    }

    @AfterAll
    static void stop() throws Exception {
        fixture.close();
    }

    @Test
    void aConnectionSendingGarbageDoesNotCutOffTheWorkingAmazon() throws Exception {
        try (UpsAmazonClient amazon = UpsAmazonClient.connect(fixture.amazonPort(), true, 1_000)) {
            amazon.awaitWorldId();
            try (Socket garbage = new Socket("127.0.0.1", fixture.amazonPort())) {
                garbage.getOutputStream().write(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff});
                garbage.getOutputStream().flush();
                assertThat(readUntilClosed(garbage)).as("UPS closes the garbage connection").isTrue();
            }
            amazon.queryAccount("alice");
            assertThat(amazon.awaitAccount("alice").getExists()).isTrue();
            assertThat(amazon.peerClosed()).isFalse();
        }
    }

    @Test
    void aPortScannerDoesNotCutOffTheWorkingAmazon() throws Exception {
        try (UpsAmazonClient amazon = UpsAmazonClient.connect(fixture.amazonPort(), true, 2_000)) {
            amazon.awaitWorldId();
            for (int i = 0; i < 5; i++) {
                new Socket("127.0.0.1", fixture.amazonPort()).close();
            }
            amazon.queryAccount("bob");
            assertThat(amazon.awaitAccount("bob").getExists()).isTrue();
            assertThat(amazon.peerClosed()).isFalse();
        }
    }

    @Test
    void aNewcomerThatSpeaksTheProtocolTakesOver() throws Exception {
        try (UpsAmazonClient first = UpsAmazonClient.connect(fixture.amazonPort(), true, 3_000)) {
            first.awaitWorldId();
            try (UpsAmazonClient second = UpsAmazonClient.connect(fixture.amazonPort(), true, 4_000)) {
                second.queryAccount("carol");
                assertThat(second.awaitAccount("carol").getExists()).isTrue();
                first.awaitClosed();
            }
        }
    }

    @Test
    void aQuietNewcomerTakesOverAfterAWhile() throws Exception {
        try (UpsAmazonClient first = UpsAmazonClient.connect(fixture.amazonPort(), true, 5_000)) {
            first.awaitWorldId();
            try (UpsAmazonClient quiet = UpsAmazonClient.connect(fixture.amazonPort(), true, 6_000)) {
                assertThat(quiet.awaitWorldId()).isEqualTo(fixture.worldId());
                first.awaitClosed();
            }
        }
    }

    /** Reads until the peer closes; true when it did. */
    private static boolean readUntilClosed(Socket socket) throws Exception {
        socket.setSoTimeout(20_000);
        InputStream in = socket.getInputStream();
        try {
            while (in.read() >= 0) {
                // UPS sends nothing to a connection it has not taken; keep reading until the close
            }
            return true;
        } catch (SocketException reset) {
            return true;
        }
    }
}
