package dev.grid.log.txn;

import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionOptions;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.TransactionalGridMap;
import dev.grid.core.test.GridCluster;
import dev.grid.log.GridLog;
import dev.grid.log.IsolationLevel;
import dev.grid.log.ProducerRecord;
import dev.grid.log.TopicPartition;
import dev.grid.log.TransactionalGridLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.UUID;

import static dev.grid.log.txn.TxnClusters.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** One member: ONE_PHASE and TWO_PHASE transactions over the log and a GridMap together, records placed by key. */
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class OneMemberTransactionalLogTest {
    @RegisterExtension
    static final GridCluster CLUSTER = TxnClusters.members(1);

    private static String topic(int partitions) {
        String name = "one-" + UUID.randomUUID().toString().substring(0, 8);
        GridLog.of(CLUSTER.member(0)).createTopic(name, partitions);
        return name;
    }

    @Test
    void onePhaseCommitStoresRecordsAndMarkerAtOnceAndRollbackStoresNothing() {
        Grid member = CLUSTER.member(0);
        String topic = topic(3);
        TransactionOptions onePhase = new TransactionOptions().setTransactionType(TransactionOptions.TransactionType.ONE_PHASE);

        TransactionContext rolledBack = member.hazelcast().newTransactionContext(onePhase);
        rolledBack.beginTransaction();
        TopicPartition placed = TransactionalGridLog.in(rolledBack).send(ProducerRecord.of(topic, "k", "never"));
        rolledBack.rollbackTransaction();
        assertEquals(GridLog.partitionForKey("k".getBytes(java.nio.charset.StandardCharsets.UTF_8), 3), placed.partition(),
                "a keyed record goes where the key's hash says, as a producer's would");
        assertEquals(0, GridLog.of(member).endOffset(topic, placed.partition()), "a rollback before prepare stores nothing");

        TransactionContext committed = member.hazelcast().newTransactionContext(onePhase);
        committed.beginTransaction();
        TransactionalGridLog.in(committed).send(ProducerRecord.of(topic, "k", "v1"));
        TransactionalGridLog.in(committed).send(ProducerRecord.of(topic, "k", "v2"));
        committed.commitTransaction();
        assertEquals(List.of("v1", "v2"), values(member, topic, placed.partition(), IsolationLevel.READ_COMMITTED));
        assertEquals(3, GridLog.of(member).endOffset(topic, placed.partition()));
    }

    @Test
    void aGridMapWriteAndAnAppendCommitOrRollBackTogether() {
        Grid member = CLUSTER.member(0);
        String topic = topic(1);
        GridMap<String, String> totals = member.map("totals-" + topic);

        TransactionContext rolledBack = member.hazelcast().newTransactionContext();
        rolledBack.beginTransaction();
        TransactionalGridMap.<String, String>in(rolledBack, totals.name()).put("sku", "1");
        TransactionalGridLog.in(rolledBack).send(ProducerRecord.of(topic, "sku", "1"));
        rolledBack.rollbackTransaction();
        assertNull(totals.get("sku"));
        assertEquals(List.of(), values(member, topic, 0, IsolationLevel.READ_UNCOMMITTED));

        TransactionContext committed = member.hazelcast().newTransactionContext();
        committed.beginTransaction();
        TransactionalGridMap.<String, String>in(committed, totals.name()).put("sku", "2");
        TransactionalGridLog.in(committed).send(ProducerRecord.of(topic, "sku", "2"));
        committed.commitTransaction();
        assertEquals("2", totals.get("sku"));
        assertEquals(List.of("2"), values(member, topic, 0, IsolationLevel.READ_COMMITTED));
    }
}
