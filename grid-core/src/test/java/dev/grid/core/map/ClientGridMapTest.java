package dev.grid.core.map;

import com.hazelcast.client.HazelcastClient;
import com.hazelcast.client.config.ClientConfig;
import com.hazelcast.client.impl.clientside.HazelcastClientInstanceImpl;
import com.hazelcast.client.impl.clientside.HazelcastClientProxy;
import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.DefaultMessageTaskFactoryProvider;
import com.hazelcast.client.impl.spi.impl.ClientInvocation;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.jet.impl.client.protocol.task.JetMessageTaskFactoryProvider;
import com.hazelcast.map.IMap;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.core.Grid;
import dev.grid.core.GridEntryProcessor;
import dev.grid.core.GridMap;
import dev.grid.core.GridMapFullException;
import dev.grid.core.GridMapStats;
import dev.grid.core.GridMode;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridMapConfig;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.client.GridMapCodecs;
import dev.grid.core.impl.map.client.GridMapMessageType;
import dev.grid.core.impl.map.operations.EntriesResponse;
import dev.grid.core.impl.map.operations.FetchEntriesOperation;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The GridMap contract on a client of three members in this JVM (real TCP on 127.0.0.1), plus what
 * only a client shows: the members' exceptions arriving with their type and message, and Hazelcast's
 * own client and structures still working beside grid's.
 */
class ClientGridMapTest extends GridMapContractTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(60);
    private static final int PARTITIONS = 31;
    /** A map sized for almost nothing, whose store grows until a small off-heap budget stops it. */
    private static final String TINY = "tiny";

    private static final List<Grid> members = new ArrayList<>();
    private static TestClusters cluster;
    private static Grid client;

    @BeforeAll
    static void start() {
        cluster = TestClusters.of(3, PARTITIONS);
        for (int i = 0; i < 3; i++) {
            members.add(Grid.embedded(cluster.nextMemberConfig()));
        }
        client = Grid.client(new GridClientConfig().setClusterName(cluster.clusterName())
                .setAddresses(cluster.memberAddresses()));
        await().atMost(TIMEOUT).until(() -> client.members().size() == 3
                && members.get(0).hazelcast().getPartitionService().isClusterSafe()
                && client.partitions().distribution().unassigned() == 0);
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        members.forEach(Grid::close);
    }

    @Override
    protected Grid grid() {
        return client;
    }

    @Test
    void aLimitedPartitionFetchReturnsAtMostTheLimitFromAMemberAndFromTheClient() {
        GridMap<String, Integer> map = client.map("fetch-limit");
        int partition = client.partitions().partitionOf("k0");
        int inPartition = 0;
        for (int i = 0; inPartition < 12; i++) {
            if (client.partitions().partitionOf("k" + i) == partition) {
                map.set("k" + i, i);
                inPartition++;
            }
        }
        NodeEngine engine = EmbeddedGrid.nodeEngine(members.get(0).hazelcast());
        EntriesResponse fromMember = engine.getOperationService()
                .<EntriesResponse>invokeOnPartition(GridMapService.SERVICE_NAME,
                        new FetchEntriesOperation("fetch-limit", false, 5), partition)
                .joinInternal();
        assertEquals(5, fromMember.keys().size());
        assertEquals(5, fromMember.values().size());

        HazelcastClientInstanceImpl instance = ((HazelcastClientProxy) client.hazelcast()).client;
        EntriesResponse fromClient = GridMapCodecs.decodeEntriesResponse(
                new ClientInvocation(instance,
                        GridMapCodecs.encodeFetchRequest("fetch-limit", true, 3), "fetch-limit", partition)
                        .invoke().joinInternal());
        assertEquals(3, fromClient.keys().size());

        int all = 0;
        for (Iterator<?> it = map.iterator(); it.hasNext(); it.next()) {
            all++;
        }
        assertEquals(12, all, "the unlimited fetch behind the iterator still returns every entry");
        map.destroy();
    }

    @Test
    void clientAndMembersSeeTheSameEntries() {
        assertEquals(GridMode.CLIENT, client.mode());
        GridMap<String, Integer> fromClient = client.map("shared");
        GridMap<String, Integer> fromMember = members.get(1).map("shared");
        for (int i = 0; i < 100; i++) {
            fromClient.set("c" + i, i);
            fromMember.set("m" + i, -i);
        }
        for (int i = 0; i < 100; i++) {
            assertEquals(i, fromMember.get("c" + i));
            assertEquals(-i, fromClient.get("m" + i));
        }
        assertEquals(200, fromClient.size());
        assertEquals(GridMapStats.EMPTY, fromClient.localStats(), "a client holds no part of a map");
        fromClient.destroy();
    }

    @Test
    void shouldSurfaceTheBudgetsGridMapFullExceptionWithTheMembersMessage() {
        TestClusters small = TestClusters.of(1, 1);
        Grid member = Grid.embedded(small.nextMemberConfig().setOffHeapBudget(1L << 20)
                .addMap(new GridMapConfig(TINY).setEntries(1).setAverageKeySize(8).setAverageValueSize(8)));
        Grid smallClient = null;
        try {
            smallClient = small.startClient();
            GridMap<String, String> tiny = smallClient.map(TINY);
            List<String> stored = new ArrayList<>();
            GridMapFullException full = null;
            String value = "v".repeat(100);
            for (int i = 0; i < 200_000 && full == null; i++) {
                String key = "k" + i;
                try {
                    tiny.set(key, value);
                    stored.add(key);
                } catch (GridMapFullException e) {
                    full = e;
                    assertFalse(tiny.containsKey(key), "a rejected write stores nothing");
                }
            }
            assertTrue(full != null, "the store never stopped growing after " + stored.size() + " entries");
            assertTrue(full.getMessage().startsWith("GridMap '" + TINY + "' partition 0 cannot grow its store")
                    && full.getMessage().contains("grid.offHeapBudget = 1048576 bytes"), full.getMessage());
            for (String key : stored) {
                assertEquals(value, tiny.get(key), "every stored entry is still readable");
            }
        } finally {
            TestClusters.closeAll(smallClient, member);
        }
    }

    @Test
    void asyncCallsCompleteExceptionallyWithTheMembersException() {
        GridMap<String, String> map = client.map("async-errors");
        CompletionStage<Void> tooBig = map.setAsync("big", "x".repeat(2 << 20));
        ExecutionException e = assertThrows(ExecutionException.class,
                () -> tooBig.toCompletableFuture().get(30, TimeUnit.SECONDS));
        assertInstanceOf(IllegalArgumentException.class, e.getCause());
        assertTrue(e.getCause().getMessage().contains("maxValueSize = 1048576"), e.getCause().getMessage());
        map.destroy();
    }

    @Test
    void anEntryProcessorsExceptionReachesTheCallerWithItsTypeAndMessage() {
        GridMap<String, String> map = client.map("failing-processor");
        GridEntryProcessor<String, String, String> failing = entry -> {
            throw new IllegalStateException("no value for " + entry.getKey());
        };
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> map.executeOnKey("k", failing));
        assertEquals("no value for k", e.getMessage());
        assertFalse(map.containsKey("k"));
        map.destroy();
    }

    @Test
    void getAllAndPutAllOfNothingSendNothing() {
        GridMap<String, String> map = client.map("empty-bulk");
        map.putAll(Map.of());
        assertTrue(map.getAll(Set.of()).isEmpty());
        assertTrue(map.isEmpty());
        map.destroy();
    }

    @Test
    void shouldRejectARequestWhoseKeyBelongsToAnotherPartition() {
        HazelcastClientInstanceImpl hazelcastClient = ((HazelcastClientProxy) client.hazelcast()).client;
        Data key = hazelcastClient.getSerializationService().toData("k");
        Data value = hazelcastClient.getSerializationService().toData("v");
        int partition = client.partitions().partitionOf("k");
        int wrong = (partition + 1) % PARTITIONS;
        ClientMessage request = GridMapCodecs.encodeKeyValueRequest(GridMapMessageType.SET, "misrouted", key, value);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ClientInvocation(hazelcastClient, request, "misrouted", wrong).invoke().joinInternal());
        assertEquals("GridMap 'misrouted': a set request for partition " + wrong + " names a key of partition "
                + partition + "; nothing was read or stored", e.getMessage());
        GridMap<String, String> misrouted = client.map("misrouted");
        assertTrue(misrouted.isEmpty());
        misrouted.destroy();
    }

    @Test
    void aVanillaHazelcastClientStillUsesHazelcastsOwnStructures() {
        ClientConfig config = new ClientConfig().setClusterName(cluster.clusterName());
        config.setProperty("hazelcast.logging.type", "slf4j");
        config.setProperty("hazelcast.phone.home.enabled", "false");
        cluster.memberAddresses().forEach(config.getNetworkConfig()::addAddress);
        HazelcastInstance vanilla = HazelcastClient.newHazelcastClient(config);
        try {
            IMap<String, String> map = vanilla.getMap("vanilla");
            for (int i = 0; i < 50; i++) {
                map.set("k" + i, "v" + i);
            }
            assertEquals("v7", map.get("k7"));
            assertEquals(50, map.size());
            assertEquals("v42", members.get(2).hazelcast().<String, String>getMap("vanilla").get("k42"));
            map.destroy();
        } finally {
            vanilla.shutdown();
        }
    }

    @Test
    void gridMapMessageTypesCollideWithNoneOfHazelcasts() {
        NodeEngine nodeEngine = ((HazelcastInstanceProxy) members.get(0).hazelcast()).getOriginal().node.getNodeEngine();
        List<Integer> hazelcasts = new ArrayList<>(new DefaultMessageTaskFactoryProvider(nodeEngine).getFactories().keySet());
        hazelcasts.addAll(new JetMessageTaskFactoryProvider(nodeEngine).getFactories().keySet());
        assertTrue(hazelcasts.size() > 100, "Hazelcast's tasks were not found: " + hazelcasts.size());
        for (int type : hazelcasts) {
            assertTrue(type >>> 16 != GridMapMessageType.SERVICE_BYTE,
                    "Hazelcast uses GridMap's service byte: 0x" + Integer.toHexString(type));
        }
    }
}
