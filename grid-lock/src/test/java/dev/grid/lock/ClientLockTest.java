package dev.grid.lock;

import com.hazelcast.client.impl.clientside.HazelcastClientInstanceImpl;
import com.hazelcast.client.impl.clientside.HazelcastClientProxy;
import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.spi.impl.ClientInvocation;
import com.hazelcast.client.impl.protocol.DefaultMessageTaskFactoryProvider;
import com.hazelcast.cp.lock.FencedLock;
import com.hazelcast.cp.lock.exception.LockOwnershipLostException;
import com.hazelcast.jet.impl.client.protocol.task.JetMessageTaskFactoryProvider;
import com.hazelcast.spi.impl.NodeEngine;
import dev.grid.core.Grid;
import dev.grid.core.GridClientConfig;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.core.impl.map.client.GridMapMessageType;
import dev.grid.core.test.ShiftedClock;
import dev.grid.core.test.TestClusters;
import dev.grid.lock.impl.client.ClientFencedLockProxy;
import dev.grid.lock.impl.client.LockCodecs;
import dev.grid.lock.impl.client.LockMessageType;
import dev.grid.lock.impl.proxy.SessionManager;
import dev.grid.lock.test.CpTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The contract through {@code Grid.client(...)} against three members, a member being the other
 * lock user; plus what only a client has: its session closed when it leaves, and message type ids
 * of its own.
 */
class ClientLockTest extends FencedLockContractTest {
    private static final List<Grid> MEMBERS = new ArrayList<>();
    private static final ShiftedClock CLOCK = new ShiftedClock();
    private static TestClusters cluster;
    private static Grid client;

    @BeforeAll
    static void start() {
        cluster = TestClusters.of(3, 11);
        for (int i = 0; i < 3; i++) {
            MEMBERS.add(Grid.embedded(cluster.nextMemberConfig().setClock(CLOCK)));
        }
        CpTestSupport.awaitLeader(MEMBERS, Duration.ofSeconds(30));
        client = newClient();
    }

    private static Grid newClient() {
        Grid grid = Grid.client(new GridClientConfig().setClusterName(cluster.clusterName()).setAddresses(cluster.memberAddresses()));
        await().atMost(Duration.ofSeconds(30)).until(() -> grid.members().size() == 3);
        return grid;
    }

    @AfterAll
    static void stop() {
        if (client != null) {
            client.close();
        }
        MEMBERS.forEach(member -> member.hazelcast().getLifecycleService().terminate());
        MEMBERS.clear();
    }

    @Override
    protected Grid grid() {
        return client;
    }

    @Override
    protected Grid other() {
        return MEMBERS.get(1);
    }

    @Override
    protected ShiftedClock clock() {
        return CLOCK;
    }

    @Override
    protected void pauseOtherHeartbeats(boolean paused) {
        CpTestSupport.sessions(other()).pauseHeartbeats(paused);
    }

    @Test
    void clientThatLeavesReleasesItsLocksAtOnce() {
        Grid leaving = newClient();
        FencedLock held = GridLocks.of(leaving).get(name);
        long fence = held.lockAndGetFence();
        assertTrue(GridLocks.of(other()).get(name).isLocked());
        leaving.close();
        FencedLock fromMember = GridLocks.of(other()).get(name);
        // closed with the client, not expired after grid.cp.sessionTtl (30 s here)
        await().atMost(Duration.ofSeconds(10)).until(() -> !fromMember.isLocked());
        assertTrue(fromMember.lockAndGetFence() > fence);
        fromMember.unlock();
    }

    @Test
    void clientHolderWhoseSessionExpiredLearnsItLostTheLock() {
        SessionManager sessions = ClientFencedLockProxy.sessions(((HazelcastClientProxy) client.hazelcast()).client);
        long fence = lock.lockAndGetFence();
        sessions.pauseHeartbeats(true);
        try {
            CLOCK.advance(Duration.ofMinutes(10));
            FencedLock fromMember = GridLocks.of(other()).get(name);
            await().atMost(Duration.ofSeconds(30)).until(() -> !fromMember.isLocked());
            long next = fromMember.lockAndGetFence();
            assertTrue(next > fence);
            assertThrows(LockOwnershipLostException.class, lock::unlock);
            fromMember.unlock();
        } finally {
            sessions.pauseHeartbeats(false);
        }
        assertTrue(lock.lockAndGetFence() > fence, "the client works again under a new session");
        lock.unlock();
    }

    @Test
    void clientSendsItsCallsToTheLeaderOnceAnAnswerNamedIt() {
        lock.lock();
        lock.unlock();
        UUID leader = CpTestSupport.uuid(CpTestSupport.awaitLeader(MEMBERS, Duration.ofSeconds(30)));
        assertEquals(leader, ClientFencedLockProxy.gateway(((HazelcastClientProxy) client.hazelcast()).client).leader());
    }

    @Test
    void shouldAnswerALockRequestWithANameOfAHundredThousandCharactersWithAnErrorAndServeOnAfterwards() throws Exception {
        HazelcastClientInstanceImpl raw = ((HazelcastClientProxy) client.hazelcast()).client;
        String longName = "x".repeat(100_000);
        for (LockMessageType type : List.of(LockMessageType.ACQUIRE, LockMessageType.OWNERSHIP, LockMessageType.DESTROY)) {
            ClientMessage request = LockCodecs.encodeRequest(type, longName, 1, 1, UUID.randomUUID(), 0);
            ExecutionException e = assertThrows(ExecutionException.class,
                    () -> new ClientInvocation(raw, request, "bad").invoke().get(30, TimeUnit.SECONDS));
            assertInstanceOf(IllegalArgumentException.class, e.getCause());
            assertEquals("FencedLock name must be at most 256 characters, was \"" + "x".repeat(64) + "...\" (100000 characters)",
                    e.getCause().getMessage());
        }
        IllegalArgumentException local = assertThrows(IllegalArgumentException.class, () -> GridLocks.of(client).get(longName));
        assertTrue(local.getMessage().startsWith("FencedLock name must be at most 256 characters"), local.getMessage());
        assertThrows(IllegalArgumentException.class, () -> GridLocks.of(other()).get("a lock"));
        assertTrue(GridLocks.of(other()).describe().stream().noneMatch(info -> info.name().length() > 256));
        long fence = lock.lockAndGetFence();
        assertTrue(fence > 0);
        lock.unlock();
    }

    @Test
    void lockMessageTypesCollideWithNoneOfHazelcastsNorGridMaps() {
        NodeEngine nodeEngine = EmbeddedGrid.nodeEngine(MEMBERS.get(0).hazelcast());
        List<Integer> taken = new ArrayList<>(new DefaultMessageTaskFactoryProvider(nodeEngine).getFactories().keySet());
        taken.addAll(new JetMessageTaskFactoryProvider(nodeEngine).getFactories().keySet());
        assertTrue(taken.size() > 100, "Hazelcast's tasks were not found: " + taken.size());
        for (int type : taken) {
            assertTrue(type >>> 16 != LockMessageType.SERVICE_BYTE, "Hazelcast uses FencedLock's service byte: 0x" + Integer.toHexString(type));
        }
        assertTrue(GridMapMessageType.SERVICE_BYTE != LockMessageType.SERVICE_BYTE);
    }
}
