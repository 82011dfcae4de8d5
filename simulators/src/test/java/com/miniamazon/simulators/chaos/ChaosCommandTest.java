package com.miniamazon.simulators.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.miniamazon.simulators.Options;
import org.junit.jupiter.api.Test;

/** The chaos-proxy command's flags: a fault for both ways, overridden per direction, and typos refused. */
class ChaosCommandTest {

    @Test
    void aFaultAppliesBothWaysUnlessADirectionSaysOtherwise() {
        Options o = Options.parse(new String[] {"--drop=20", "--drop-to-client=50", "--split", "70", "--delay-ms=15"}, 0,
                ChaosCommand.FLAGS);

        assertThat(ChaosCommand.faults(o, "-to-server")).isEqualTo(new Faults(20, 0, 0, 70, 15));
        assertThat(ChaosCommand.faults(o, "-to-client")).isEqualTo(new Faults(50, 0, 0, 70, 15));
    }

    @Test
    void percentagesOutOfRangeAndUnknownFlagsAreRefused() {
        Options tooMuch = Options.parse(new String[] {"--duplicate=101"}, 0, ChaosCommand.FLAGS);
        assertThatThrownBy(() -> ChaosCommand.faults(tooMuch, "-to-server")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("duplicate");
        assertThatThrownBy(() -> Options.parse(new String[] {"--dorp=5"}, 0, ChaosCommand.FLAGS))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--dorp");
    }
}
