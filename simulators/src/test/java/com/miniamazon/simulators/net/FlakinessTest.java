package com.miniamazon.simulators.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.util.stream.IntStream;
import javax.management.Attribute;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

class FlakinessTest {

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @Test
    void aJmxClientChangesTheFlakinessOfARunningSimulatorAndTheNextItemsFollowIt() throws Exception {
        Flakiness flakiness = new Flakiness(0);
        ObjectName name = new ObjectName(Flakiness.DOMAIN + ":type=Flakiness,simulator=world,port=40001");
        try (Flakiness.Registration registration = flakiness.manage("world", 40001)) {
            assertThat(server.getAttribute(name, "Percent")).isEqualTo(0);
            assertThat(IntStream.range(0, 1000).filter(i -> flakiness.drop()).count()).isZero();

            server.setAttribute(name, new Attribute("Percent", 99));

            assertThat(flakiness.getPercent()).isEqualTo(99);
            assertThat(IntStream.range(0, 1000).filter(i -> flakiness.drop()).count()).isGreaterThan(900);
        }
        assertThat(server.isRegistered(name)).isFalse();
    }

    @Test
    void aPercentageOutOfRangeIsRefusedAndTheOldOneStays() throws Exception {
        Flakiness flakiness = new Flakiness(30);
        ObjectName name = new ObjectName(Flakiness.DOMAIN + ":type=Flakiness,simulator=ups,port=40002");
        try (Flakiness.Registration registration = flakiness.manage("ups", 40002)) {
            assertThatThrownBy(() -> server.setAttribute(name, new Attribute("Percent", 100)))
                    .hasRootCauseInstanceOf(IllegalArgumentException.class);
            assertThat(server.getAttribute(name, "Percent")).isEqualTo(30);
        }
    }

    @Test
    void aSecondSimulatorOnTheSamePortStillRunsWithoutTheKnob() throws Exception {
        Flakiness first = new Flakiness(10);
        Flakiness second = new Flakiness(20);
        ObjectName name = new ObjectName(Flakiness.DOMAIN + ":type=Flakiness,simulator=world,port=40003");
        try (Flakiness.Registration one = first.manage("world", 40003);
                Flakiness.Registration two = second.manage("world", 40003)) {
            assertThat(server.getAttribute(name, "Percent")).isEqualTo(10);
            two.close(); // withdrawing the one that never registered leaves the first in place
            assertThat(server.isRegistered(name)).isTrue();
        }
    }
}
