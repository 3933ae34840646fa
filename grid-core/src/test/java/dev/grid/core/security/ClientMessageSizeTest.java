package dev.grid.core.security;

import dev.grid.core.GridMap;
import dev.grid.core.GridMember;
import dev.grid.core.test.GridCluster;
import dev.grid.core.test.RawClientConnection;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import static com.hazelcast.client.impl.protocol.ClientMessage.BEGIN_FRAGMENT_FLAG;
import static com.hazelcast.client.impl.protocol.ClientMessage.IS_FINAL_FLAG;
import static com.hazelcast.client.impl.protocol.ClientMessage.UNFRAGMENTED_MESSAGE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code grid.security.maxMessageBytes} on a member in this JVM, against a client connection spoken
 * by hand: a frame, a message or fragments beyond the limit close the connection before the member
 * allocates them, authenticated or not; a message within it passes; the member serves on.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class ClientMessageSizeTest {
    private static final int LIMIT = 64 * 1024;
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
    private static final long HEAP_SLACK = 64L << 20;

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(7).withClient()
            .configure(config -> config.getSecurity().setMaxMessageBytes(LIMIT));

    private static String host;
    private static int port;

    @BeforeAll
    static void findMember() {
        GridMember self = CLUSTER.member(0).localMember().orElseThrow();
        host = self.host();
        port = self.port();
    }

    @AfterEach
    void memberStillServesAnOrdinaryClient() {
        TestClusters.assertServes(CLUSTER.client());
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static RawClientConnection authenticated() throws IOException {
        RawClientConnection connection = RawClientConnection.open(host, port, null);
        assertEquals(0, connection.authenticate(CLUSTER.configs().clusterName()), "authentication status");
        return connection;
    }

    @Test
    void anAuthenticatedClientClaimingATwoGigabyteFrameIsDisconnectedBeforeTheMemberAllocatesIt() throws IOException {
        long before = usedHeapAfterGc();
        try (RawClientConnection connection = authenticated()) {
            connection.sendFrameHeader(Integer.MAX_VALUE - 15);
            assertTrue(connection.closedByMemberWithin(CLOSE_TIMEOUT), "the member kept the connection open");
        }
        long after = usedHeapAfterGc();
        assertTrue(after < before + HEAP_SLACK, "heap grew from " + before + " to " + after + " bytes");
    }

    @Test
    void anUnauthenticatedClientClaimingAHugeFrameIsDisconnectedToo() throws IOException {
        try (RawClientConnection connection = RawClientConnection.open(host, port, null)) {
            connection.sendFrameHeader(LIMIT + 1);
            assertTrue(connection.closedByMemberWithin(CLOSE_TIMEOUT));
        }
    }

    @Test
    void aMessageOfSmallFramesAddingUpBeyondTheLimitIsRefused() throws IOException {
        try (RawClientConnection connection = authenticated()) {
            byte[] frame = new byte[1024];
            for (int sent = 0; sent <= LIMIT; sent += frame.length + 6) {
                connection.sendBytes(RawClientConnection.header(frame.length + 6, sent == 0 ? UNFRAGMENTED_MESSAGE : 0));
                connection.sendBytes(frame);
            }
            assertTrue(connection.closedByMemberWithin(CLOSE_TIMEOUT));
        }
    }

    @Test
    void aMessageOfMoreFramesThanTheLimitAllowsIsRefused() throws IOException {
        try (RawClientConnection connection = authenticated()) {
            // empty frames: 6 bytes each, far below the byte limit, but one object each on the member
            byte[] empty = RawClientConnection.header(6, 0);
            byte[] many = new byte[empty.length * (LIMIT / 32 + 2)];
            for (int at = 0; at < many.length; at += empty.length) {
                System.arraycopy(empty, 0, many, at, empty.length);
            }
            connection.sendBytes(RawClientConnection.header(6, UNFRAGMENTED_MESSAGE));
            connection.sendBytes(many);
            assertTrue(connection.closedByMemberWithin(CLOSE_TIMEOUT));
        }
    }

    @Test
    void tooManyOpenFragmentedMessagesAreRefused() throws IOException {
        try (RawClientConnection connection = authenticated()) {
            for (long fragmentationId = 1; fragmentationId <= 17; fragmentationId++) {
                byte[] id = new byte[8];
                com.hazelcast.internal.nio.Bits.writeLongL(id, 0, fragmentationId);
                connection.sendBytes(RawClientConnection.header(6 + id.length, BEGIN_FRAGMENT_FLAG));
                connection.sendBytes(id);
                connection.sendBytes(RawClientConnection.header(6 + 16, IS_FINAL_FLAG));
                connection.sendBytes(new byte[16]);
            }
            assertTrue(connection.closedByMemberWithin(CLOSE_TIMEOUT));
        }
    }

    @Test
    void aMessageWithinTheLimitPassesAndTheConnectionStaysOpen() throws IOException {
        GridMap<String, byte[]> map = CLUSTER.client().map("near-limit");
        byte[] value = new byte[LIMIT - 1024];
        map.set("big", value);
        assertEquals(value.length, map.get("big").length);
        try (RawClientConnection connection = authenticated()) {
            assertFalse(connection.closedByMemberWithin(Duration.ofMillis(500)));
        }
    }
}
