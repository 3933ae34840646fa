package dev.grid.txn;

import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionOptions;
import dev.grid.core.Grid;
import dev.grid.core.TransactionalGridMap;
import dev.grid.core.test.GridCluster;
import dev.grid.txn.test.GridMapLocks;
import dev.grid.txn.test.TxnTestConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * A client's XA transaction waiting for a GridMap lock that Narayana's reaper rolls back at its timeout: the wait
 * (which runs on the member, where the reaper's rollback does not interrupt it) must end then, and must not take the
 * lock once it frees. Before the fix it went on and took the lock for the rolled-back transaction, which nobody then
 * released until its lease (the grid's XA timeout) ran out; found by grid-server's XaPipelineKillProcessTest, where each
 * retry of a batch took over the lock the previous retry had left that way.
 */
@Timeout(120)
class TxnLockWaitTimeoutTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(7).withClient();
    private static GridTransactions txns;

    @BeforeAll
    static void start() {
        txns = GridTransactions.start(CLUSTER.client(), TxnTestConfig.forThisJvm());
    }

    @AfterAll
    static void stop() {
        if (txns != null) {
            txns.close();
        }
    }

    @Test
    void aTransactionRolledBackByItsTimeoutWhileWaitingForALockStopsWaitingAndNeverTakesIt() throws Exception {
        Grid member = CLUSTER.member(0);
        String map = "lock-wait-" + UUID.randomUUID().toString().substring(0, 8);
        member.map(map);
        TransactionContext holder = member.hazelcast().newTransactionContext(new TransactionOptions().setTimeout(60, TimeUnit.SECONDS));
        holder.beginTransaction();
        TransactionalGridMap.<String, String>in(holder, map).put("k", "holder");

        CompletableFuture<Object> waiter = CompletableFuture.supplyAsync(() -> {
            try {
                return txns.requiresNew(Duration.ofSeconds(2), scope -> scope.<String, String>gridMap(map).getForUpdate("k"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        try {
            // the reaper rolls it back after 2 s; the holder still holds the key
            waiter.get(20, TimeUnit.SECONDS);
            fail("the waiting transaction got the lock the holder still holds");
        } catch (ExecutionException e) {
            // rolled back, as it must be
        } catch (TimeoutException e) {
            fail("the transaction rolled back by its 2 s timeout still waits for the lock after 20 s");
        } finally {
            holder.rollbackTransaction();
        }
        assertTrue(GridMapLocks.lockable(member, map, "k"), "the key is free once the holder rolled back");
    }
}
