package dev.grid.core.tx;

import com.hazelcast.internal.partition.impl.InternalPartitionServiceImpl;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.transaction.TransactionContext;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.TransactionalGridMap;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A key's commit is marked read-only for Hazelcast (so it is sent again when its owner dies), which would let it write
 * while the key's partition migrates; it must wait for the migration instead, as every other write does.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TxnCommitMigrationGuardTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1);

    @Test
    void aCommitWaitsWhileTheKeysPartitionMigratesAndLandsAfterwards() throws Exception {
        Grid member = CLUSTER.member(0);
        GridMap<String, String> map = member.map("guarded");
        NodeEngine engine = EmbeddedGrid.nodeEngine(member.hazelcast());
        int partition = member.hazelcast().getPartitionService().getPartition("k").getPartitionId();
        var partitionStates = ((InternalPartitionServiceImpl) engine.getPartitionService()).getPartitionStateManager();

        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch flagged = new CountDownLatch(1);
        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> { // a transaction stays on its thread
            TransactionContext txn = member.hazelcast().newTransactionContext();
            txn.beginTransaction();
            TransactionalGridMap.<String, String>in(txn, map.name()).put("k", "during-migration");
            written.countDown();
            await(flagged);
            txn.commitTransaction();
        });
        assertTrue(written.await(20, TimeUnit.SECONDS), "the transaction's put did not return");
        assertTrue(partitionStates.trySetMigratingFlag(partition), "partition " + partition + " flagged as migrating");
        try {
            flagged.countDown();
            // the commit must not finish while the partition migrates: waited for up to 1.5 s, failing at once if it does
            assertThrows(TimeoutException.class, () -> commit.get(1_500, TimeUnit.MILLISECONDS),
                    "the commit wrote key k of map guarded while its partition " + partition + " migrated");
            assertNull(map.get("k"), "key k written while its partition migrated");
        } finally {
            partitionStates.clearMigratingFlag(partition);
        }
        commit.get(30, TimeUnit.SECONDS);
        assertEquals("during-migration", map.get("k"));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(20, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
