package dev.grid.server;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.codec.builtin.ErrorsCodec;
import com.hazelcast.client.impl.protocol.exception.ErrorHolder;
import dev.grid.core.Grid;
import dev.grid.core.GridException;
import dev.grid.core.GridMap;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.impl.map.client.GridMapCodecs;
import dev.grid.core.impl.map.client.GridMapMessageType;
import dev.grid.core.spi.FreePorts;
import dev.grid.core.test.RawClientConnection;
import dev.grid.server.impl.GridCommand;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A real {@code grid start} member (its own JVM, {@code -Xmx256m}, its secret from the
 * {@code GRID_SECRET} environment variable) against clients speaking the protocol by hand: a frame
 * header claiming 2 GB after authentication, a connection without the secret, a map name of
 * 100,000 characters. Each is refused without the member's memory growing, and the member goes on
 * serving an ordinary client; the process is always stopped.
 */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class BadClientProcessTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    private static final String SECRET = "process test secret " + UUID.randomUUID();
    /** Resident memory the member may gain while refusing an oversized frame (it would need 2 GB to accept it). */
    private static final long RESIDENT_SLACK = 64L << 20;

    @TempDir
    static Path dir;

    private static MemberProcess member;
    private static String clusterName;
    private static int port;
    private static Path countersFile;

    @BeforeAll
    static void start() throws IOException {
        clusterName = "bad-client-" + UUID.randomUUID().toString().substring(0, 8);
        port = FreePorts.loopback(1).get(0);
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, MemberProcess.singleMemberYaml(clusterName, port, dir.resolve("data")));
        member = MemberProcess.start(dir, Map.of("GRID_SECRET", SECRET), "start", "--config", file.toString());
        member.awaitOutput(TIMEOUT, out -> out.contains("counters: "));
        assertTrue(member.out().contains("security: shared secret from GRID_SECRET; client messages up to 16777216 bytes; "
                + "Java deserialization limited to the allowlist"), member.out());
        Matcher counters = Pattern.compile("counters: (\\S+)").matcher(member.out());
        assertTrue(counters.find(), member.out());
        countersFile = Path.of(counters.group(1));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (member != null) {
            try {
                assertEquals(GridCommand.OK, member.terminate(TIMEOUT), member.out() + member.err());
            } finally {
                member.close();
            }
        }
    }

    private static GridClientConfig clientConfig() {
        return new GridClientConfig().setClusterName(clusterName).setAddresses(List.of("127.0.0.1:" + port));
    }

    @AfterEach
    void memberStillServesAnOrdinaryClient() {
        try (Grid client = Grid.client(clientConfig().setSecret(SECRET))) {
            GridMap<String, String> orders = client.map("orders");
            orders.set("k", "v");
            assertEquals("v", orders.get("k"));
        }
    }

    @Test
    void anAuthenticatedClientClaimingATwoGigabyteFrameIsDisconnectedWhileTheMembersMemoryStaysPut() throws IOException {
        long before = member.residentBytes();
        try (RawClientConnection raw = RawClientConnection.open("127.0.0.1", port, SECRET)) {
            assertEquals(0, raw.authenticate(clusterName), "authentication status");
            raw.sendFrameHeader(Integer.MAX_VALUE - 15);
            assertTrue(raw.closedByMemberWithin(Duration.ofSeconds(10)), "the member kept the connection open");
        }
        member.awaitLog(TIMEOUT, log -> log.contains("closed: a frame claims 2147483632 bytes, more than grid.security.maxMessageBytes "
                + "(16777216); nothing of it was allocated"));
        long after = member.residentBytes();
        System.out.printf("member resident memory around a 2 GB frame header: %d MB before, %d MB after%n", before >> 20, after >> 20);
        assertTrue(after < before + RESIDENT_SLACK, "resident memory grew from " + before + " to " + after + " bytes");
    }

    @Test
    void aConnectionWithoutTheSecretIsRefusedBeforeTheClientProtocol() throws IOException {
        try (RawClientConnection raw = RawClientConnection.open("127.0.0.1", port, null)) {
            assertTrue(raw.closedByMemberWithin(Duration.ofSeconds(10)));
        }
        member.awaitLog(TIMEOUT, log -> log.contains("it did not start grid's handshake"));
        GridException e = assertThrows(GridException.class, () -> Grid.client(clientConfig().setConnectTimeout(Duration.ofSeconds(3))));
        assertTrue(e.getMessage().contains("this client has no secret"), e.getMessage());
        GridException wrong = assertThrows(GridException.class, () -> Grid.client(clientConfig().setSecret("not the member's secret at all")));
        assertTrue(wrong.getMessage().contains("the secrets differ"), wrong.getMessage());
    }

    @Test
    void aMapNameOfAHundredThousandCharactersIsAnsweredWithAnErrorAndNeverReachesTheCountersFile() throws IOException {
        String longName = "n".repeat(100_000);
        try (RawClientConnection raw = RawClientConnection.open("127.0.0.1", port, SECRET)) {
            assertEquals(0, raw.authenticate(clusterName), "authentication status");
            raw.send(GridMapCodecs.encodeRequest(GridMapMessageType.SIZE, longName));
            ClientMessage answer = raw.read();
            assertEquals(ErrorsCodec.EXCEPTION_MESSAGE_TYPE, answer.getMessageType());
            ErrorHolder error = ErrorsCodec.decode(answer).get(0);
            assertEquals(IllegalArgumentException.class.getName(), error.getClassName());
            assertEquals("GridMap name must be at most 256 characters, was \"" + "n".repeat(64) + "...\" (100000 characters)",
                    error.getMessage());
        }
        // the ordinary map of @AfterEach reaches the file; the long name never does
        try (Grid client = Grid.client(clientConfig().setSecret(SECRET))) {
            client.map("counted").set("k", "v");
        }
        await().atMost(TIMEOUT).until(() -> counters().contains("counted"));
        assertTrue(!counters().contains("n".repeat(257)), "a label longer than any name is in the counters file");
    }

    private static String counters() throws IOException {
        return new String(Files.readAllBytes(countersFile), StandardCharsets.ISO_8859_1);
    }
}
