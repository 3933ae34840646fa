package dev.grid.core.impl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports on the loopback interface that are free at the time of asking, for demos and tests that
 * start several members. A member needs its port in its configuration (and in the others' join
 * lists) before it binds it, so the port is free, not held, between this call and the bind. To keep
 * that gap from mattering, ports come from {@value #FIRST}..{@value #LAST}, below the range the
 * kernel hands out for outgoing connections (32768-60999 on Linux): only another explicit bind can
 * take one meanwhile, and concurrent callers start at random places in the range. The ports of one
 * call are held open together while they are chosen, so none is returned twice.
 */
public final class FreePorts {
    /** The first port handed out. */
    static final int FIRST = 20_000;
    /** The last port handed out. */
    static final int LAST = 32_000;

    private FreePorts() {
    }

    /**
     * @param count how many ports
     * @return distinct ports that were free a moment ago
     */
    public static List<Integer> loopback(int count) {
        List<ServerSocket> held = new ArrayList<>();
        try {
            int span = LAST - FIRST + 1;
            int start = ThreadLocalRandom.current().nextInt(span);
            for (int i = 0; i < span && held.size() < count; i++) {
                int port = FIRST + (start + i) % span;
                try {
                    held.add(new ServerSocket(port, 1, InetAddress.getLoopbackAddress()));
                } catch (IOException taken) {
                    // in use: try the next one
                }
            }
            if (held.size() < count) {
                throw new UncheckedIOException(new IOException("cannot find " + count + " free ports in " + FIRST + ".." + LAST
                        + " on the loopback interface, found " + held.size()));
            }
            return held.stream().map(ServerSocket::getLocalPort).toList();
        } finally {
            for (ServerSocket socket : held) {
                try {
                    socket.close();
                } catch (IOException ignored) {
                    // closing a listening socket that was never used cannot lose anything
                }
            }
        }
    }
}
