package dev.grid.core.tx;

import com.hazelcast.instance.impl.HazelcastInstanceProxy;
import com.hazelcast.spi.impl.NodeEngineImpl;
import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionException;
import com.hazelcast.transaction.TransactionOptions;
import com.hazelcast.transaction.TransactionOptions.TransactionType;
import com.hazelcast.transaction.TransactionTimedOutException;
import com.hazelcast.transaction.impl.TransactionImpl;
import com.hazelcast.transaction.impl.TransactionManagerServiceImpl;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.GridMember;
import dev.grid.core.TransactionalGridMap;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transactions across a member's death and a member's arrival (backupCount 1, synchronous): a
 * prepared transaction's locks and writes are backed up, so its commit completes on the new owner;
 * locks taken but not prepared die with their owner, so prepare fails and rollback frees the rest;
 * and locks move with their partition when a member joins.
 */
class TransactionalGridMapFailoverTest {
    private static final Duration SETTLE = Duration.ofSeconds(90);
    private static final String MAP = "accounts";

    private final List<Grid> members = new ArrayList<>();

    @AfterEach
    void stopAll() {
        members.forEach(m -> m.hazelcast().getLifecycleService().terminate());
    }

    private TestClusters startCluster(int size, int capacity) {
        TestClusters cluster = TestClusters.of(capacity, 31);
        for (int i = 0; i < size; i++) {
            members.add(cluster.startMember());
        }
        awaitSafe(members.get(0), size);
        return cluster;
    }

    private static void awaitSafe(Grid member, int size) {
        await().atMost(SETTLE).until(() -> member.members().size() == size
                && member.hazelcast().getPartitionService().isClusterSafe()
                && member.partitions().distribution().unassigned() == 0);
    }

    /** @return keys whose partition the member owns */
    private static List<String> keysOwnedBy(Grid view, Grid owner, int count) {
        GridMember target = owner.localMember().orElseThrow();
        List<String> keys = new ArrayList<>();
        for (int i = 0; keys.size() < count && i < 100_000; i++) {
            String key = "key-" + i;
            if (view.partitions().ownerOfKey(key).filter(target::equals).isPresent()) {
                keys.add(key);
            }
        }
        return keys;
    }

    /** Asserts, from another thread (transactions are per thread), that a transaction can or cannot lock the key within 1 s. */
    private static void assertLockable(Grid from, String key, boolean lockable) throws Exception {
        CompletableFuture<Throwable> attempt = CompletableFuture.supplyAsync(() -> {
            TransactionContext context = from.hazelcast().newTransactionContext(new TransactionOptions()
                    .setTransactionType(TransactionType.ONE_PHASE).setTimeout(1, TimeUnit.SECONDS));
            context.beginTransaction();
            try {
                TransactionalGridMap.in(context, MAP).getForUpdate(key);
                return null;
            } catch (RuntimeException e) {
                return e;
            } finally {
                context.rollbackTransaction();
            }
        });
        Throwable failure = attempt.get(60, TimeUnit.SECONDS);
        if (lockable) {
            assertEquals(null, failure, "key " + key + " should be free");
        } else {
            assertTrue(failure instanceof TransactionTimedOutException, "key " + key + " should stay locked, got " + failure);
        }
    }

    @Test
    void aPreparedTwoPhaseTransactionCommitsOnTheNewOwnerAfterTheOwnerDies() throws Exception {
        startCluster(3, 3);
        Grid coordinator = members.get(0);
        Grid victim = members.get(1);
        Grid survivor = members.get(2);
        List<String> keys = keysOwnedBy(coordinator, victim, 2);
        GridMap<String, String> outside = survivor.map(MAP);
        keys.forEach(k -> outside.set(k, "before"));

        // TransactionContext has no separate prepare step: drive Hazelcast's TransactionImpl as the context would.
        NodeEngineImpl nodeEngine = ((HazelcastInstanceProxy) coordinator.hazelcast()).getOriginal().node.getNodeEngine();
        TransactionImpl tx = new TransactionImpl((TransactionManagerServiceImpl) nodeEngine.getTransactionManagerService(),
                nodeEngine, new TransactionOptions().setTransactionType(TransactionType.TWO_PHASE)
                .setTimeout(60, TimeUnit.SECONDS), null);
        tx.begin();
        GridMapService service = nodeEngine.getService(GridMapService.SERVICE_NAME);
        TransactionalGridMap<String, String> map = service.createTransactionalObject(MAP, tx);
        for (String key : keys) {
            assertEquals("before", map.put(key, "after-" + key));
        }
        tx.prepare();

        members.remove(victim);
        victim.hazelcast().getLifecycleService().terminate();
        awaitSafe(coordinator, 2);
        for (String key : keys) {
            assertLockable(survivor, key, false); // the prepared lock survived on the promoted backup
            assertEquals("before", outside.get(key), "not visible before commit");
        }

        tx.commit();
        for (String key : keys) {
            assertEquals("after-" + key, outside.get(key));
            assertLockable(survivor, key, true);
        }
    }

    @Test
    void locksNotYetPreparedDieWithTheirOwnerSoPrepareFailsAndRollbackFreesTheRest() throws Exception {
        startCluster(3, 3);
        Grid coordinator = members.get(0);
        Grid victim = members.get(1);
        Grid survivor = members.get(2);
        String lost = keysOwnedBy(coordinator, victim, 1).get(0);
        String kept = keysOwnedBy(coordinator, survivor, 1).get(0);
        GridMap<String, String> outside = survivor.map(MAP);
        outside.set(lost, "before");
        outside.set(kept, "before");

        TransactionContext context = coordinator.hazelcast().newTransactionContext(new TransactionOptions()
                .setTransactionType(TransactionType.TWO_PHASE).setTimeout(60, TimeUnit.SECONDS));
        context.beginTransaction();
        TransactionalGridMap<String, String> map = TransactionalGridMap.in(context, MAP);
        map.set(lost, "after");
        map.set(kept, "after");

        members.remove(victim);
        victim.hazelcast().getLifecycleService().terminate();
        awaitSafe(coordinator, 2);

        TransactionException failure = assertThrows(TransactionException.class, context::commitTransaction);
        assertTrue(String.valueOf(failure.getMessage()).contains("cannot prepare")
                || String.valueOf(failure.getCause()).contains("cannot prepare"), String.valueOf(failure));
        context.rollbackTransaction();

        assertEquals("before", outside.get(lost));
        assertEquals("before", outside.get(kept));
        assertLockable(survivor, kept, true);
        assertLockable(survivor, lost, true);
    }

    @Test
    void locksMoveWithTheirPartitionWhenAMemberJoins() throws Exception {
        TestClusters cluster = startCluster(2, 3);
        Grid coordinator = members.get(0);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            keys.add("moving-" + i);
        }
        TransactionContext context = coordinator.hazelcast().newTransactionContext(new TransactionOptions()
                .setTransactionType(TransactionType.TWO_PHASE).setTimeout(120, TimeUnit.SECONDS));
        context.beginTransaction();
        TransactionalGridMap<String, String> map = TransactionalGridMap.in(context, MAP);
        keys.forEach(k -> map.set(k, "txn"));

        Grid joiner = cluster.startMember();
        members.add(joiner);
        awaitSafe(coordinator, 3);
        List<String> moved = new ArrayList<>();
        for (String key : keys) {
            if (joiner.partitions().ownerOfKey(key).filter(joiner.localMember().orElseThrow()::equals).isPresent()) {
                moved.add(key);
            }
        }
        assertTrue(!moved.isEmpty(), "some locked keys moved to the new member");
        for (String key : moved.subList(0, Math.min(3, moved.size()))) {
            assertLockable(joiner, key, false);
        }

        context.commitTransaction();
        GridMap<String, String> outside = joiner.map(MAP);
        for (String key : keys) {
            assertEquals("txn", outside.get(key));
        }
        assertLockable(joiner, moved.get(0), true);
    }
}
