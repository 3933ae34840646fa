package dev.grid.log.txn;

import com.hazelcast.cluster.Member;
import com.hazelcast.transaction.HazelcastXAResource;
import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import dev.grid.log.GridLog;
import dev.grid.log.IsolationLevel;
import dev.grid.log.ProducerRecord;
import dev.grid.log.TransactionalGridLog;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static dev.grid.log.txn.TxnClusters.values;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * 3 members, one synchronous backup: a transaction prepared over four log partitions, then the owner of one of them is
 * terminated (a crash) before the decision. Committing afterwards stores the commit marker on the promoted backup, which
 * holds the prepared records: every partition shows all its records once. Rolling back instead hides them everywhere.
 */
@Tag("faults")
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TransactionalLogFailoverTest {
    private static final int PARTITIONS = 4;
    private static final int PER_PARTITION = 3;

    @RegisterExtension
    static final GridCluster CLUSTER = TxnClusters.members(3).upTo(4);

    @Test
    void aTransactionWhosePartitionOwnerDiesBetweenPrepareAndDecisionCompletesOrAbortsAsAWhole() throws Exception {
        outcomeAfterOwnerKilled(true);
        CLUSTER.startMember();
        CLUSTER.awaitSafe(3);
        outcomeAfterOwnerKilled(false);
    }

    private void outcomeAfterOwnerKilled(boolean commit) throws Exception {
        Grid coordinator = running().get(0);
        String topic = null;
        Grid victim = null;
        for (int attempt = 0; attempt < 20 && victim == null; attempt++) {
            topic = "fo-" + UUID.randomUUID().toString().substring(0, 8);
            GridLog.of(coordinator).createTopic(topic, PARTITIONS);
            victim = ownerOtherThan(coordinator, topic);
        }
        assertNotNull(victim, "some partition is owned by another member than the transaction's");

        HazelcastXAResource xa = TxnClusters.xa(coordinator);
        Xid xid = TxnClusters.xid();
        xa.start(xid, XAResource.TMNOFLAGS);
        TransactionalGridLog log = TransactionalGridLog.in(xa.getTransactionContext());
        for (int p = 0; p < PARTITIONS; p++) {
            for (int i = 0; i < PER_PARTITION; i++) {
                log.send(new ProducerRecord(topic, p, null, (p + "-" + i).getBytes(StandardCharsets.UTF_8), List.of(), -1));
            }
        }
        xa.end(xid, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_OK, xa.prepare(xid));

        victim.hazelcast().getLifecycleService().terminate();       // a crash of a partition owner: its backup is promoted

        if (commit) {
            xa.commit(xid, false);
        } else {
            xa.rollback(xid);
        }
        for (int p = 0; p < PARTITIONS; p++) {
            List<String> expected = new ArrayList<>();
            for (int i = 0; i < PER_PARTITION; i++) {
                expected.add(p + "-" + i);
            }
            assertEquals(commit ? expected : List.of(), values(coordinator, topic, p, IsolationLevel.READ_COMMITTED),
                    "partition " + p + " after " + (commit ? "commit" : "rollback"));
            assertEquals(expected, values(coordinator, topic, p, IsolationLevel.READ_UNCOMMITTED),
                    "the prepared records are stored once, on the promoted backup too");
            assertEquals(PER_PARTITION + 1, GridLog.of(coordinator).endOffset(topic, p), "the records and one marker");
        }
    }

    private static List<Grid> running() {
        return CLUSTER.members().stream().filter(Grid::isRunning).toList();
    }

    private static Grid ownerOtherThan(Grid coordinator, String topic) {
        for (int p = 0; p < PARTITIONS; p++) {
            Member owner = coordinator.hazelcast().getPartitionService().getPartition(topic + "#" + p).getOwner();
            if (!owner.localMember() && owner.getUuid() != null) {
                for (Grid member : running()) {
                    if (member.hazelcast().getCluster().getLocalMember().getUuid().equals(owner.getUuid())) {
                        return member;
                    }
                }
            }
        }
        return null;
    }
}
