package dev.grid.core.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;

/**
 * Ports on the loopback interface that are free at the time of asking (held open together, so the
 * same port is never returned twice), for demos and tests that start several members in one JVM.
 */
public final class FreePorts {
    private FreePorts() {
    }

    /**
     * @param count how many ports
     * @return distinct ports that were free a moment ago
     */
    public static List<Integer> loopback(int count) {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            List<Integer> ports = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
                sockets.add(socket);
                ports.add(socket.getLocalPort());
            }
            return ports;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot find " + count + " free ports on the loopback interface", e);
        } finally {
            for (ServerSocket socket : sockets) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket that was never used cannot lose anything
                }
            }
        }
    }
}
