package io.steadystate.core.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    @Test
    void portsTakenTogetherAreDistinctAndFreeAfterwards() throws Exception {
        for (int round = 0; round < 50; round++) {
            int[] ports = LoopbackPorts.reserve(4);
            assertThat(Arrays.stream(ports).distinct().count()).isEqualTo(4);
            for (int p : ports) {
                try (ServerSocket s = new ServerSocket(p, 1, InetAddress.getLoopbackAddress())) {
                    assertThat(s.getLocalPort()).isEqualTo(p);
                }
            }
        }
    }

    @Test
    void zeroPortsIsAMistake() {
        assertThatThrownBy(() -> LoopbackPorts.reserve(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
