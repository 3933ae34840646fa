package dev.grid.core.impl.security;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The handshake over real loopback sockets: each side either proves it knows the secret or the connection is refused. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SecretHandshakeTest {
    private static final String SECRET = "correct horse battery staple";
    private static final Duration TIMEOUT = Duration.ofMillis(1500);

    private final ServerSocket server = newServer();

    private static ServerSocket newServer() {
        try {
            return new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterEach
    void closeServer() throws IOException {
        server.close();
    }

    /** Accepts one connection and runs the acceptor's side on it, then reads {@code after} bytes that follow the handshake. */
    private CompletableFuture<byte[]> acceptor(String secret, int after) {
        return CompletableFuture.supplyAsync(() -> {
            try (Socket socket = server.accept()) {
                new SecretHandshake(secret, TIMEOUT).accept(socket);
                return socket.getInputStream().readNBytes(after);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private Socket connectTo(ServerSocket target) throws IOException {
        return new Socket(InetAddress.getLoopbackAddress(), target.getLocalPort());
    }

    private static Throwable failureOf(CompletableFuture<?> future) throws Exception {
        ExecutionException e = assertThrows(ExecutionException.class, () -> future.get(10, TimeUnit.SECONDS));
        return e.getCause().getCause();
    }

    @Test
    void sidesSharingTheSecretConnectAndTheBytesThatFollowAreUntouched() throws Exception {
        CompletableFuture<byte[]> accepted = acceptor(SECRET, 3);
        try (Socket socket = connectTo(server)) {
            new SecretHandshake(SECRET, TIMEOUT).connect(socket, SecretHandshake.ROLE_CLIENT);
            socket.getOutputStream().write("CP2".getBytes(StandardCharsets.US_ASCII));
            assertArrayEquals("CP2".getBytes(StandardCharsets.US_ASCII), accepted.get(10, TimeUnit.SECONDS));
        }
    }

    @Test
    void aConnectorWithAnotherSecretIsRefusedAndRefusesTheMember() throws Exception {
        CompletableFuture<byte[]> accepted = acceptor(SECRET, 0);
        try (Socket socket = connectTo(server)) {
            HandshakeRefusedException e = assertThrows(HandshakeRefusedException.class,
                    () -> new SecretHandshake("another secret of 16+ chars", TIMEOUT).connect(socket, SecretHandshake.ROLE_MEMBER));
            assertTrue(e.getMessage().endsWith("does not know this member's grid.security.secret: the secrets differ"), e.getMessage());
        }
        // the connector stopped before proving anything: the acceptor sees the connection end
        assertInstanceOf(IOException.class, failureOf(accepted));
    }

    @Test
    void aConnectorThatSpeaksHazelcastsProtocolInsteadIsRefusedAtOnce() throws Exception {
        CompletableFuture<byte[]> accepted = acceptor(SECRET, 0);
        try (Socket socket = connectTo(server)) {
            socket.getOutputStream().write("CP2 and then some bytes".getBytes(StandardCharsets.US_ASCII));
            Throwable failure = failureOf(accepted);
            assertTrue(failure.getMessage().contains("it did not start grid's handshake"), failure.getMessage());
        }
    }

    @Test
    void aSilentConnectorIsDroppedAfterTheTimeout() throws Exception {
        CompletableFuture<byte[]> accepted = acceptor(SECRET, 0);
        try (Socket silent = connectTo(server)) {
            long start = System.nanoTime();
            Throwable failure = failureOf(accepted);
            assertInstanceOf(SocketTimeoutException.class, failure);
            assertTrue(failure.getMessage().endsWith("sent nothing within the handshake timeout (waiting for the handshake's first bytes)"),
                    failure.getMessage());
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
            assertTrue(silent.isConnected());
        }
    }

    @Test
    void aRecordedExchangeReplayedToTheMemberIsRefused() throws Exception {
        // a legitimate client's handshake passes through a recording relay
        CompletableFuture<byte[]> first = acceptor(SECRET, 0);
        ByteArrayOutputStream recorded = new ByteArrayOutputStream();
        try (ServerSocket relay = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> relaying = CompletableFuture.runAsync(() -> relayOnce(relay, server, recorded));
            try (Socket socket = connectTo(relay)) {
                new SecretHandshake(SECRET, TIMEOUT).connect(socket, SecretHandshake.ROLE_CLIENT);
            }
            first.get(10, TimeUnit.SECONDS);
            relaying.get(10, TimeUnit.SECONDS);
        }
        // the same bytes, replayed: the member's new challenge makes the recorded proof worthless
        CompletableFuture<byte[]> second = acceptor(SECRET, 0);
        try (Socket replay = connectTo(server)) {
            replay.getOutputStream().write(recorded.toByteArray());
            Throwable failure = failureOf(second);
            assertInstanceOf(HandshakeRefusedException.class, failure);
            assertTrue(failure.getMessage().contains("refused a connection from client at"), failure.getMessage());
            assertTrue(failure.getMessage().endsWith("it does not know this cluster's grid.security.secret"), failure.getMessage());
            InputStream in = replay.getInputStream();
            in.readNBytes(SecretHandshake.CHALLENGE_BYTES + SecretHandshake.PROOF_BYTES);
            assertEquals(SecretHandshake.REFUSED, in.read());
        }
    }

    /** Relays one connection to {@code target}, recording what the connecting side sends. */
    private static void relayOnce(ServerSocket relay, ServerSocket target, ByteArrayOutputStream recorded) {
        try (Socket from = relay.accept(); Socket to = new Socket(InetAddress.getLoopbackAddress(), target.getLocalPort())) {
            CompletableFuture<Void> back = CompletableFuture.runAsync(() -> pump(to, from, null));
            pump(from, to, recorded);
            back.join();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void pump(Socket from, Socket to, ByteArrayOutputStream recorded) {
        byte[] buffer = new byte[256];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) > 0; ) {
                out.write(buffer, 0, n);
                if (recorded != null) {
                    synchronized (recorded) {
                        recorded.write(buffer, 0, n);
                    }
                }
            }
            to.shutdownOutput();
        } catch (IOException e) {
            // one side closed: the relay ends
        }
    }
}
