package dev.grid.monitor.test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * HTTP/1.1 over a plain socket, for requests no HTTP client would send (half-open, slow, malformed,
 * oversized): what the server answered, or that it closed the connection, and when.
 */
public final class RawHttp implements AutoCloseable {
    private final Socket socket;

    private RawHttp(Socket socket) {
        this.socket = socket;
    }

    public static RawHttp connect(int port) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        socket.setTcpNoDelay(true);
        return new RawHttp(socket);
    }

    public void send(String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** @return whether the server closed the connection (or reset it) within the wait, without answering */
    public Outcome awaitOutcome(Duration wait) throws IOException {
        socket.setSoTimeout((int) Math.max(1, wait.toMillis()));
        ByteArrayOutputStream received = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                received.write(buffer, 0, n);
                if (complete(received.toString(StandardCharsets.ISO_8859_1))) {
                    break;
                }
            }
            return new Outcome(true, received.toString(StandardCharsets.ISO_8859_1));
        } catch (SocketTimeoutException stillOpen) {
            return new Outcome(false, received.toString(StandardCharsets.ISO_8859_1));
        } catch (IOException reset) {
            return new Outcome(true, received.toString(StandardCharsets.ISO_8859_1));
        }
    }

    /** A whole response: headers and as many body bytes as Content-Length says. */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        for (String line : text.substring(0, end).split("\r\n")) {
            if (line.toLowerCase().startsWith("content-length:")) {
                return text.length() - end - 4 >= Integer.parseInt(line.substring(15).trim());
            }
        }
        return false;
    }

    /**
     * GETs a path on a fresh connection ({@code Connection: close}).
     *
     * @return the response, status line first
     */
    public static String get(int port, String path, Duration wait) throws IOException {
        try (RawHttp http = connect(port)) {
            http.send("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n");
            return http.awaitOutcome(wait).received();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    /**
     * @param ended    whether the server answered or closed the connection
     * @param received what it sent, possibly nothing
     */
    public record Outcome(boolean ended, String received) {
        /** @return the status code of the answer, or 0 when none came */
        public int status() {
            return received.startsWith("HTTP/1.1 ") && received.length() >= 12 ? Integer.parseInt(received.substring(9, 12)) : 0;
        }

        public String body() {
            int end = received.indexOf("\r\n\r\n");
            return end < 0 ? "" : received.substring(end + 4);
        }
    }
}
