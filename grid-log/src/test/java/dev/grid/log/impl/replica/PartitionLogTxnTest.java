package dev.grid.log.impl.replica;

import dev.grid.core.config.GridTopicConfig;
import dev.grid.log.LogException;
import dev.grid.log.impl.storage.BatchDraft;
import dev.grid.log.impl.storage.LogBatch;
import dev.grid.log.impl.storage.LogRecord;
import dev.grid.log.impl.storage.SegmentedLog;
import dev.grid.log.impl.topic.TopicMeta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** One replica's transactions without a cluster: the last stable offset, aborted records, retries, copies and cuts. */
@Timeout(30)
class PartitionLogTxnTest {
    private static final TopicMeta TOPIC = new TopicMeta(new GridTopicConfig("t").setPartitions(1), UUID.randomUUID(), 0);
    private static final UUID BACKUP = UUID.randomUUID();

    @TempDir
    Path dir;

    private PartitionLog owner(String name) {
        PartitionLog log = new PartitionLog(TOPIC, 0, 0, SegmentedLog.open(dir.resolve(name)));
        log.becomeOwner();
        return log;
    }

    private static byte[] records(String... values) {
        List<LogRecord> out = new ArrayList<>();
        for (String v : values) {
            out.add(new LogRecord(null, v.getBytes(StandardCharsets.UTF_8), LogRecord.NO_TIMESTAMP));
        }
        return BatchDraft.of(out, -1, -1);
    }

    private static List<String> visible(PartitionLog log, boolean readCommitted) {
        List<String> values = new ArrayList<>();
        for (LogBatch b : log.read(log.log().startOffset(), 1 << 20, readCommitted).batches()) {
            for (LogRecord r : b.records()) {
                values.add(new String(r.value(), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** Everything the owner holds becomes the high watermark (a backup that acknowledged it all). */
    private static void acknowledge(PartitionLog owner, PartitionLog backup) {
        List<ReplicaTarget> targets = List.of(new ReplicaTarget(1, BACKUP, true));
        for (int round = 0; round < 10; round++) {
            boolean[] sent = {false};
            owner.replicate(targets, (log, target, request) -> {
                sent[0] = true;
                owner.onFollowerAnswer(targets, target, backup.applyFromOwner(request), null, System.nanoTime());
            }, System.nanoTime());
            if (!sent[0]) {
                break;
            }
        }
    }

    @Test
    void readCommittedStopsAtTheOldestOpenTransactionAndSkipsAbortedOnes() {
        PartitionLog owner = owner("owner");
        PartitionLog backup = new PartitionLog(TOPIC, 0, 0, SegmentedLog.open(dir.resolve("backup")));
        long first = TxnBatches.producerId(UUID.randomUUID());
        long second = TxnBatches.producerId(UUID.randomUUID());
        owner.append(-1, -1, records("plain-0"), 1);
        owner.appendTransactional(first, 60, records("t1-a", "t1-b"), false, 2);
        owner.appendTransactional(second, 60, records("t2"), false, 3);
        owner.append(-1, -1, records("plain-1"), 4);
        acknowledge(owner, backup);

        assertEquals(1, owner.transactions().firstOpenOffset());
        assertEquals(List.of("plain-0"), visible(owner, true));
        assertEquals(List.of("plain-0", "t1-a", "t1-b", "t2", "plain-1"), visible(owner, false));

        owner.abortTransactional(first, 5);
        assertEquals(7, owner.appendTransactional(second, 60, records("t2"), true, 6),
                "t2's records are not stored again (offset 3); its commit marker follows t1's abort marker (5) at 6");
        acknowledge(owner, backup);
        assertEquals(List.of("plain-0", "t2", "plain-1"), visible(owner, true));
        assertEquals(List.of("plain-0", "t1-a", "t1-b", "t2", "plain-1"), visible(owner, false), "markers are never shown");
        assertEquals(7, owner.log().endOffset(), "5 records and 2 markers: dense offsets");

        assertThrows(LogException.class, () -> owner.appendTransactional(first, 60, records("t1-a", "t1-b"), true, 7),
                "a commit after the abort is refused");

        // the backup learned the same from the copied batches, and serves the same once promoted
        backup.becomeOwner();
        assertEquals(List.of("plain-0", "t2", "plain-1"), visible(backup, true));
    }

    @Test
    void aCutThatRemovesAMarkerReopensItsTransaction() {
        PartitionLog owner = owner("cut");
        long txn = TxnBatches.producerId(UUID.randomUUID());
        owner.appendTransactional(txn, 60, records("a"), false, 1);
        owner.appendTransactional(txn, 60, records("a"), true, 2);
        assertEquals(Long.MAX_VALUE, owner.transactions().firstOpenOffset());
        owner.transactions().truncateTo(1);
        assertEquals(0, owner.transactions().firstOpenOffset(), "the commit marker at offset 1 is gone: open again");
        owner.transactions().truncateTo(0);
        assertEquals(Long.MAX_VALUE, owner.transactions().firstOpenOffset(), "its records are gone too: nothing to wait for");
    }

    @Test
    void anOpenTransactionExpiresAfterItsTimeoutCountedFromWhenItsRecordsWereStored() {
        PartitionLog owner = owner("expiry");
        long txn = TxnBatches.producerId(UUID.randomUUID());
        long before = System.currentTimeMillis();
        owner.appendTransactional(txn, TxnBatches.recordsSequence(2_000), records("a"), false, 1);
        assertEquals(List.of(), owner.transactions().expired(before + 1_000));
        assertEquals(1, owner.transactions().expired(System.currentTimeMillis() + 2_001).size());
    }
}
