package io.airlines.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.Arrays;

import org.junit.jupiter.api.Test;

class LocalPortsTest {

    @Test
    void ports_asked_for_together_are_different_and_free() throws IOException {
        for (int round = 0; round < 200; round++) {
            int[] ports = LocalPorts.free(4);
            assertThat(Arrays.stream(ports).distinct().count()).as(Arrays.toString(ports)).isEqualTo(4);
            for (int port : ports) {
                try (ServerSocket socket = new ServerSocket()) {
                    socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                }
            }
        }
    }
}
