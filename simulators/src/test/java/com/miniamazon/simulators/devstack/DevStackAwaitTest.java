package com.miniamazon.simulators.devstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

/** await-dev-stack succeeds once every port answers and gives up after its timeout otherwise. */
class DevStackAwaitTest {

    @Test
    void answersWhenEveryPortAnswersAndFailsInTimeOtherwise() throws Exception {
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        try (ServerSocket a = new ServerSocket(0, 5, loopback); ServerSocket b = new ServerSocket(0, 5, loopback);
                ServerSocket c = new ServerSocket(0, 5, loopback); ServerSocket smtp = new ServerSocket(0, 5, loopback)) {
            assertThat(DevStack.await(new String[] {"--amazon-port=" + a.getLocalPort(), "--ups-port=" + b.getLocalPort(),
                    "--ups-amazon-port=" + c.getLocalPort(), "--smtp-port=" + smtp.getLocalPort(), "--timeout-seconds=10"})).isZero();
            int closed;
            try (ServerSocket gone = new ServerSocket(0, 5, loopback)) {
                closed = gone.getLocalPort();
            }
            assertThat(DevStack.await(new String[] {"--amazon-port=" + a.getLocalPort(), "--ups-port=" + closed,
                    "--ups-amazon-port=" + c.getLocalPort(), "--smtp-port=" + smtp.getLocalPort(), "--timeout-seconds=1"})).isEqualTo(1);
        }
    }
}
