package dev.grid.core.map;

import com.hazelcast.client.impl.clientside.HazelcastClientInstanceImpl;
import com.hazelcast.client.impl.clientside.HazelcastClientProxy;
import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.spi.impl.ClientInvocation;
import com.hazelcast.internal.serialization.Data;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.config.GridConfigException;
import dev.grid.core.config.StructureNames;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.client.GridMapCodecs;
import dev.grid.core.impl.map.client.GridMapMessageType;
import dev.grid.core.test.GridCluster;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Requests a well-behaved client never sends, written straight onto a client connection: each
 * gets an error naming the bad value, nothing is created or stored for it, and the member goes on
 * answering the same client's ordinary calls.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BadClientRequestTest {
    private static final int PARTITIONS = 31;
    private static final String LONG_NAME = "n".repeat(100_000);

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(PARTITIONS).withClient();

    private static Grid member;
    private static Grid client;
    private static HazelcastClientInstanceImpl raw;
    private static UUID memberId;

    @BeforeAll
    static void connectRaw() {
        member = CLUSTER.member(0);
        client = CLUSTER.client();
        raw = ((HazelcastClientProxy) client.hazelcast()).client;
        memberId = member.hazelcast().getCluster().getLocalMember().getUuid();
    }

    /** Every test leaves the member answering an ordinary client call, with no map created for a bad request. */
    @AfterEach
    void memberStillServesAndHoldsNothingForTheBadRequest() {
        TestClusters.assertServes(client);
        GridMapService maps = EmbeddedGrid.nodeEngine(member.hazelcast()).getService(GridMapService.SERVICE_NAME);
        assertFalse(maps.mapNames().stream().anyMatch(name -> name.length() > StructureNames.MAX_LENGTH), "a map with a too long name exists");
        assertFalse(maps.mapNames().contains("bad name"));
    }

    private Data data(Object object) {
        return raw.getSerializationService().toData(object);
    }

    /** Sends the request to the member as written (its partition id untouched) and returns the member's error. */
    private static Throwable errorOf(ClientMessage request) throws InterruptedException, TimeoutException {
        try {
            Object answer = new ClientInvocation(raw, request, "bad", memberId).invoke().get(30, TimeUnit.SECONDS);
            throw new AssertionError("the member accepted the request: " + answer);
        } catch (ExecutionException e) {
            return e.getCause();
        }
    }

    @Test
    void shouldAnswerARequestNamingAPartitionBeyondThePartitionTable() throws Exception {
        for (int partition : List.of(PARTITIONS, PARTITIONS + 1_000_000, Integer.MAX_VALUE)) {
            ClientMessage request = GridMapCodecs.encodeKeyValueRequest(GridMapMessageType.SET, "beyond", data("k"), data("v"));
            request.setPartitionId(partition);
            Throwable error = errorOf(request);
            assertInstanceOf(IllegalArgumentException.class, error);
            assertEquals("GridMap 'beyond': a set request names partition " + partition + ", not one of 0.." + (PARTITIONS - 1)
                    + "; nothing was read or stored", error.getMessage());
        }
        assertTrue(client.map("beyond").isEmpty());
    }

    @Test
    void shouldAnswerARequestNamingANegativePartition() throws Exception {
        ClientMessage request = GridMapCodecs.encodeKeyRequest(GridMapMessageType.GET, "negative", data("k"));
        request.setPartitionId(-7);
        Throwable error = errorOf(request);
        assertInstanceOf(IllegalArgumentException.class, error);
        assertEquals("GridMap 'negative': a get request names partition -7, not one of 0.." + (PARTITIONS - 1)
                + "; nothing was read or stored", error.getMessage());
    }

    @Test
    void shouldRefuseAMapNameOfAHundredThousandCharactersOnEveryKindOfTask() throws Exception {
        int partition = client.partitions().partitionOf("k");
        ClientMessage keyed = GridMapCodecs.encodeKeyValueRequest(GridMapMessageType.PUT, LONG_NAME, data("k"), data("v"));
        keyed.setPartitionId(partition);
        ClientMessage mapWide = GridMapCodecs.encodeRequest(GridMapMessageType.SIZE, LONG_NAME);
        ClientMessage transactional = GridMapCodecs.encodeTxnRequest(GridMapMessageType.TXN_GET, UUID.randomUUID(), LONG_NAME,
                data("k"), null, null);
        for (ClientMessage request : List.of(keyed, mapWide, transactional)) {
            Throwable error = errorOf(request);
            assertInstanceOf(IllegalArgumentException.class, error);
            assertEquals("GridMap name must be at most 256 characters, was \"" + "n".repeat(64) + "...\" (100000 characters)",
                    error.getMessage());
        }
    }

    @Test
    void shouldRefuseAMapNameWithCharactersOutsideTheRuleAndShowThemEscaped() throws Exception {
        ClientMessage request = GridMapCodecs.encodeKeyRequest(GridMapMessageType.GET, "bad name", data("k"));
        request.setPartitionId(client.partitions().partitionOf("k"));
        Throwable error = errorOf(request);
        assertEquals("GridMap name must use only letters, digits, '.', '_' and '-', was \"bad name\" (character ' ' at index 3)",
                error.getMessage());

        ClientMessage newline = GridMapCodecs.encodeRequest(GridMapMessageType.CLEAR, "log\ninjection");
        assertEquals("GridMap name must use only letters, digits, '.', '_' and '-', was \"log\\u000ainjection\" (character '\\u000a' at index 3)",
                errorOf(newline).getMessage());
    }

    @Test
    void theMemberApiAndTheClientProxyCheckNamesWithTheSameRule() {
        GridConfigException onMember = assertThrows(GridConfigException.class, () -> member.map(LONG_NAME));
        assertEquals("grid.maps", onMember.key());
        assertTrue(onMember.getMessage().startsWith("grid.maps name must be at most 256 characters, was \"nnn"), onMember.getMessage());
        GridConfigException onClient = assertThrows(GridConfigException.class, () -> client.map(LONG_NAME));
        assertEquals(onMember.getMessage(), onClient.getMessage());
        IllegalArgumentException rawProxy = assertThrows(IllegalArgumentException.class,
                () -> client.hazelcast().getDistributedObject(GridMapService.SERVICE_NAME, LONG_NAME));
        assertTrue(rawProxy.getMessage().startsWith("GridMap name must be at most 256 characters"), rawProxy.getMessage());
        client.map("n".repeat(StructureNames.MAX_LENGTH)).destroy();
    }
}
