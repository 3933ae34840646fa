package dev.grid.log.txn;

import com.hazelcast.internal.partition.impl.InternalPartitionServiceImpl;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.transaction.TransactionContext;
import dev.grid.core.Grid;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.core.test.GridCluster;
import dev.grid.log.GridLog;
import dev.grid.log.IsolationLevel;
import dev.grid.log.ProducerRecord;
import dev.grid.log.TransactionalGridLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import static dev.grid.log.txn.TxnClusters.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A transaction's appends to the log are marked read-only for Hazelcast (so they are sent again when their owner dies),
 * which would let them write while their partition migrates; they must wait for the migration instead, as every other
 * write does.
 */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TransactionalLogMigrationGuardTest {
    @RegisterExtension
    static final GridCluster CLUSTER = TxnClusters.members(1);

    @Test
    void aCommitWaitsWhileItsPartitionMigratesAndLandsAfterwards() throws Exception {
        Grid member = CLUSTER.member(0);
        String topic = "guard-" + UUID.randomUUID().toString().substring(0, 8);
        GridLog.of(member).createTopic(topic, 1);
        NodeEngine engine = EmbeddedGrid.nodeEngine(member.hazelcast());
        int clusterPartition = engine.getPartitionService().getPartitionId(topic + "#0");
        var partitionStates = ((InternalPartitionServiceImpl) engine.getPartitionService()).getPartitionStateManager();

        CountDownLatch sent = new CountDownLatch(1);
        CountDownLatch flagged = new CountDownLatch(1);
        CompletableFuture<Void> commit = CompletableFuture.runAsync(() -> { // a transaction stays on its thread
            TransactionContext txn = member.hazelcast().newTransactionContext();
            txn.beginTransaction();
            TransactionalGridLog.in(txn).send(ProducerRecord.of(topic, "k", "during-migration"));
            sent.countDown();
            await(flagged);
            txn.commitTransaction();
        });
        assertTrue(sent.await(20, TimeUnit.SECONDS), "the transaction's send did not return");
        assertTrue(partitionStates.trySetMigratingFlag(clusterPartition), "partition " + clusterPartition + " flagged as migrating");
        try {
            flagged.countDown();
            // the commit must not finish while the partition migrates: waited for up to 1.5 s, failing at once if it does
            assertThrows(TimeoutException.class, () -> commit.get(1_500, TimeUnit.MILLISECONDS),
                    "the commit wrote while partition " + clusterPartition + " of " + topic + "-0 migrated");
            assertEquals(0, GridLog.of(member).endOffset(topic, 0), "records of " + topic + "-0 written while its partition migrated");
        } finally {
            partitionStates.clearMigratingFlag(clusterPartition);
        }
        commit.get(30, TimeUnit.SECONDS);
        assertEquals(List.of("during-migration"), values(member, topic, 0, IsolationLevel.READ_COMMITTED));
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
