package dev.grid.core.impl;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FreePortsTest {

    @Test
    void distinctBindablePortsBelowTheKernelsEphemeralRange() throws IOException {
        List<Integer> ports = FreePorts.loopback(20);
        assertEquals(20, new HashSet<>(ports).size(), "ports handed out twice: " + ports);
        for (int port : ports) {
            assertTrue(port >= FreePorts.FIRST && port <= FreePorts.LAST, "port " + port + " outside the range");
            try (ServerSocket bound = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                assertEquals(port, bound.getLocalPort());
            }
        }
    }

    @Test
    void aPortInUseIsNotHandedOut() throws IOException {
        List<ServerSocket> taken = new java.util.ArrayList<>();
        try {
            for (int port : FreePorts.loopback(50)) {
                taken.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
            }
            List<Integer> more = FreePorts.loopback(50);
            for (ServerSocket socket : taken) {
                assertTrue(!more.contains(socket.getLocalPort()), "port " + socket.getLocalPort() + " is in use but was handed out");
            }
        } finally {
            for (ServerSocket socket : taken) {
                socket.close();
            }
        }
    }
}
