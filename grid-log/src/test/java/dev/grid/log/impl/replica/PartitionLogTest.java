package dev.grid.log.impl.replica;

import dev.grid.core.config.GridTopicConfig;
import dev.grid.log.LogDiskFullException;
import dev.grid.log.LogException;
import dev.grid.log.OffsetOutOfRangeException;
import dev.grid.log.impl.storage.LogBatch;
import dev.grid.log.impl.storage.LogDiskBudget;
import dev.grid.log.impl.storage.LogStorageConfig;
import dev.grid.log.impl.storage.BatchDraft;
import dev.grid.log.impl.storage.LogRecord;
import dev.grid.log.impl.storage.SegmentedLog;
import dev.grid.log.impl.topic.TopicMeta;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One replica's replication logic without a cluster: owners, backups, epochs, the high watermark, producers. */
class PartitionLogTest {
    private static final TopicMeta TOPIC = new TopicMeta(new GridTopicConfig("t").setPartitions(1), UUID.randomUUID(), 0);
    private static final UUID BACKUP = UUID.randomUUID();

    @TempDir
    Path dir;

    private PartitionLog replica(String name) {
        return new PartitionLog(TOPIC, 0, 0, SegmentedLog.open(dir.resolve(name)));
    }

    /** A producer's batch of these values (the owner fills in its producer id and sequence). */
    private static byte[] records(String... values) {
        List<LogRecord> out = new ArrayList<>();
        for (String v : values) {
            out.add(new LogRecord(null, v.getBytes(StandardCharsets.UTF_8), LogRecord.NO_TIMESTAMP));
        }
        return BatchDraft.of(out, -1, -1);
    }

    private static String value(PartitionLog log, long offset) {
        return new String(log.log().read(offset, 1, 1 << 20).get(0).record().value(), StandardCharsets.UTF_8);
    }

    /** Sends what the owner would send the backup and applies it there, as the service does over the network. */
    private static FollowerState sync(PartitionLog owner, PartitionLog backup) {
        List<ReplicaTarget> targets = List.of(new ReplicaTarget(1, BACKUP, true));
        FollowerState[] answer = new FollowerState[1];
        for (int round = 0; round < 10; round++) {
            boolean[] sent = {false};
            owner.replicate(targets, (log, target, request) -> {
                sent[0] = true;
                answer[0] = backup.applyFromOwner(request);
                owner.onFollowerAnswer(targets, target, answer[0], null, System.nanoTime());
            }, System.nanoTime());
            if (!sent[0]) {
                break;
            }
        }
        return answer[0];
    }

    @Test
    void theHighWatermarkWaitsForTheBackupAndAppendsAreAnsweredThen() {
        PartitionLog owner = replica("a");
        PartitionLog backup = replica("b");
        owner.becomeOwner();
        PartitionLog.Appended appended = owner.append(-1, 0, records("x", "y"), 10);
        boolean[] answered = {false};
        owner.whenReplicated(appended.endOffset(), () -> answered[0] = true, e -> { });
        List<ReplicaTarget> targets = List.of(new ReplicaTarget(1, BACKUP, true));
        List<PartitionLog.ReplicationRequest> inFlight = new ArrayList<>();
        owner.replicate(targets, (l, t, r) -> inFlight.add(r), System.nanoTime());
        assertEquals(0, owner.highWatermark(), "the backup has not confirmed");
        assertFalse(answered[0]);
        assertTrue(owner.read(0, 1 << 20).batches().isEmpty(), "readers see nothing above the high watermark");
        owner.replicate(targets, (l, t, r) -> inFlight.add(r), System.nanoTime());
        assertEquals(1, inFlight.size(), "one request in flight per backup");
        owner.onFollowerAnswer(targets, targets.get(0), backup.applyFromOwner(inFlight.get(0)), null, System.nanoTime());
        sync(owner, backup);
        assertEquals(2, owner.highWatermark());
        assertTrue(answered[0]);
        assertEquals("y", value(backup, 1));
        assertThrows(OffsetOutOfRangeException.class, () -> owner.read(3, 100));
    }

    @Test
    void aPromotedBackupContinuesTheOffsetsAndTheOldOwnerCutsTheTailItNeverShared() {
        PartitionLog a = replica("a");
        PartitionLog b = replica("b");
        a.becomeOwner();
        a.append(1, 0, records("r0", "r1"), 10);
        sync(a, b);
        a.append(1, 1, records("lost-a"), 11); // reaches a's file, never the backup's: never acknowledged
        assertEquals(3, a.log().endOffset());
        assertEquals(2, b.log().endOffset());

        b.becomeOwner(); // a died (or was cut off); b is promoted
        assertEquals(2, b.epoch());
        PartitionLog.Appended next = b.append(2, 0, records("b2"), 12);
        assertEquals(2, next.placement().baseOffset(), "the promoted backup continues the same offsets");

        a.stepDown(new LogException("moved"));
        FollowerState state = sync(b, a);
        assertTrue(state.accepted());
        assertEquals(3, a.log().endOffset());
        assertEquals("b2", value(a, 2), "the old owner cut its unshared record and copied the new owner's");
        assertEquals("r1", value(a, 1));
    }

    @Test
    void aBackupRefusesAnOwnerOfAnOlderEpoch() {
        PartitionLog a = replica("a");
        PartitionLog b = replica("b");
        a.becomeOwner();
        a.append(-1, 0, records("x"), 1);
        sync(a, b);
        b.becomeOwner();
        b.stepDown(new LogException("moved"));
        FollowerState state = b.applyFromOwner(new PartitionLog.ReplicationRequest(1, a.epochs(), 0, 0, List.of()));
        assertFalse(state.accepted(), "epoch 1 is older than the epoch 2 the backup knows");
    }

    @Test
    void aRetriedBatchIsAnsweredWithItsFirstPlacementAlsoAfterFailover() {
        PartitionLog a = replica("a");
        PartitionLog b = replica("b");
        a.becomeOwner();
        PartitionLog.Appended first = a.append(77, 0, records("once"), 5);
        PartitionLog.Appended again = a.append(77, 0, records("once"), 6);
        assertTrue(again.duplicate());
        assertEquals(first.placement().baseOffset(), again.placement().baseOffset());
        sync(a, b);
        b.becomeOwner();
        PartitionLog.Appended afterFailover = b.append(77, 0, records("once"), 7);
        assertTrue(afterFailover.duplicate(), "the backup learned the producer's numbers from the batch it copied");
        assertEquals(1, b.log().endOffset());
        assertThrows(LogException.class, () -> b.append(77, 5, records("gap"), 8), "a gap in a producer's numbers is refused");
    }

    @Test
    void aBackupTooFarBehindRestartsFromTheOwnersStart() {
        PartitionLog a = replica("a");
        a.becomeOwner();
        for (int i = 0; i < 5; i++) {
            a.append(-1, i, records("v" + i), 1);
        }
        a.log().truncateTo(5);
        LogBatch last = a.log().readBatches(4, 1 << 20).get(0);
        PartitionLog b = replica("b");
        FollowerState state = b.applyFromOwner(new PartitionLog.ReplicationRequest(a.epoch(), a.epochs(), 4, 4, List.of(last)));
        assertEquals(5, state.endOffset());
        assertEquals(4, b.log().startOffset());
        assertEquals("v4", value(b, 4));
    }

    @Test
    void recordsASynchronousBackupRefusesForItsDiskBudgetAreCutAndTheirAppendsFailAsDiskFull() {
        PartitionLog owner = replica("owner");
        PartitionLog backup = new PartitionLog(TOPIC, 0, 0,
                SegmentedLog.open(dir.resolve("full-backup"), LogStorageConfig.DEFAULT, new LogDiskBudget(200)));
        owner.becomeOwner();
        owner.append(-1, 0, records("a"), 10);
        sync(owner, backup);
        assertEquals(1, owner.highWatermark());

        PartitionLog.Appended big = owner.append(7, 0, records("b".repeat(500)), 11);
        Throwable[] failed = new Throwable[1];
        owner.whenReplicated(big.endOffset(), () -> failed[0] = new AssertionError("acknowledged"), e -> failed[0] = e);
        List<ReplicaTarget> targets = List.of(new ReplicaTarget(1, BACKUP, true));
        owner.replicate(targets, (log, target, request) -> {
            Throwable refused = null;
            try {
                backup.applyFromOwner(request);
            } catch (RuntimeException e) {
                refused = e;
            }
            owner.onFollowerAnswer(targets, target, null, refused, System.nanoTime());
        }, System.nanoTime());

        LogDiskFullException full = assertInstanceOf(LogDiskFullException.class, failed[0], "the waiting append fails as disk full");
        assertTrue(full.getMessage().startsWith("t-0: the synchronous backup on member " + BACKUP), full.getMessage());
        assertEquals(1, owner.log().endOffset(), "the record no backup could store is cut from the owner");
        assertEquals(1, owner.highWatermark());
        assertInstanceOf(ProducerStates.Fresh.class, owner.producers().check(7, 0), "its producer may send it again");
    }
}
