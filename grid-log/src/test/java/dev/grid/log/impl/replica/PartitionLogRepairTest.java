package dev.grid.log.impl.replica;

import dev.grid.core.config.GridTopicConfig;
import dev.grid.log.impl.storage.Corruption;
import dev.grid.log.impl.storage.LogBatch;
import dev.grid.log.impl.storage.LogEntry;
import dev.grid.log.impl.storage.BatchDraft;
import dev.grid.log.impl.storage.LogRecord;
import dev.grid.log.impl.storage.LogStorageConfig;
import dev.grid.log.impl.storage.SegmentedLog;
import dev.grid.log.impl.topic.TopicMeta;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A replica's repairs without a cluster: an owner rebuilding its log from a backup (and what happens to appends and
 * producer numbers past what the backup holds), a backup cutting a corrupt tail and being refilled, and a promoted
 * backup that lacks records catching up before its epoch starts.
 */
class PartitionLogRepairTest {
    private static final TopicMeta TOPIC = new TopicMeta(new GridTopicConfig("t").setPartitions(1), UUID.randomUUID(), 0);
    private static final LogStorageConfig SMALL = new LogStorageConfig(1024, 512, 128);
    private static final UUID BACKUP = UUID.randomUUID();
    private static final List<ReplicaTarget> TARGETS = List.of(new ReplicaTarget(1, BACKUP, true));

    @TempDir
    Path dir;

    private final List<SegmentedLog> opened = new ArrayList<>();

    private PartitionLog replica(String name) {
        SegmentedLog log = SegmentedLog.open(dir.resolve(name), SMALL);
        opened.add(log);
        return new PartitionLog(TOPIC, 0, 0, log);
    }

    /**
     * Closes the logs before the temporary directory is deleted: the segments these tests roll are sealed on a
     * background thread, which writes their index files unless the log is closed.
     */
    @AfterEach
    void closeLogs() {
        opened.forEach(SegmentedLog::close);
    }

    /** A producer's batch of these values (the owner fills in its producer id and sequence). */
    private static byte[] records(String... values) {
        List<LogRecord> out = new ArrayList<>();
        for (String v : values) {
            out.add(new LogRecord(null, v.getBytes(StandardCharsets.UTF_8), LogRecord.NO_TIMESTAMP));
        }
        return BatchDraft.of(out, -1, -1);
    }

    /** Appends batches of producer 7, sequences 0..n-1, two records each. */
    private static void appendBatches(PartitionLog owner, int n) {
        for (int seq = 0; seq < n; seq++) {
            owner.append(7, seq, records("r" + (2 * seq), "r" + (2 * seq + 1)), 10 + seq);
        }
    }

    /** Replicates from the owner to the backup until it has nothing more to send. */
    private static void sync(PartitionLog owner, PartitionLog backup) {
        for (int round = 0; round < 100; round++) {
            boolean[] sent = {false};
            owner.replicate(TARGETS, (log, target, request) -> {
                sent[0] = true;
                owner.onFollowerAnswer(TARGETS, target, backup.applyFromOwner(request), null, System.nanoTime());
            }, System.nanoTime());
            if (!sent[0]) {
                return;
            }
        }
    }

    /** What the service does for an owner's repair: fetches the source's batches until a step completes or it has no more. */
    private static void copyFrom(PartitionLog source, PartitionLog owner) {
        while (true) {
            long from = owner.repairPosition();
            List<LogBatch> batches = from >= source.log().endOffset() ? List.of() : source.log().readBatches(from, 600);
            PartitionLog.RepairStep step = owner.applyRepair(source.log().startOffset(), batches);
            if (step.complete() || owner.log().endOffset() >= source.log().endOffset()) {
                return;
            }
        }
    }

    private static List<String> values(SegmentedLog log) {
        List<String> out = new ArrayList<>();
        long next = log.startOffset();
        while (next < log.endOffset()) {
            for (LogEntry e : log.read(next, 100, 1 << 20)) {
                out.add(new String(e.record().value(), StandardCharsets.UTF_8));
                next = e.offset() + 1;
            }
        }
        return out;
    }

    private static Path middleSegment(SegmentedLog log) throws IOException {
        List<Long> bases = log.segmentBaseOffsets();
        assertTrue(bases.size() >= 4, bases.toString());
        Path file = log.directory().resolve(String.format("%020d.log", bases.get(bases.size() / 2)));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'#'}), Files.size(file) / 2);
        }
        return file;
    }

    @Test
    void anOwnerRebuildsItsLogFromABackupAndFailsAppendsWaitingForRecordsItNoLongerHas() throws IOException {
        PartitionLog owner = replica("owner");
        PartitionLog backup = replica("backup");
        owner.becomeOwner();
        appendBatches(owner, 60);
        sync(owner, backup);
        long acknowledged = owner.highWatermark();
        assertEquals(120, acknowledged);
        // one more batch reaches the owner's file only: never acknowledged, its append waits
        PartitionLog.Appended unreplicated = owner.append(7, 60, records("late0", "late1"), 99);
        List<Throwable> failed = new ArrayList<>();
        owner.whenReplicated(unreplicated.endOffset(), () -> failed.add(null), failed::add);
        int epoch = owner.epoch();

        Path file = middleSegment(owner.log());
        Corruption bad = owner.log().findCorruption(file.toString());
        assertNotNull(bad);
        owner.beginRepair(bad, "test");
        assertTrue(owner.repairing());
        assertFalse(owner.replicate(TARGETS, (l, t, r) -> { throw new AssertionError("no replication while repairing"); },
                System.nanoTime()));
        assertEquals(0, owner.applyRetention(Long.MAX_VALUE), "no retention while repairing");
        assertEquals(bad.offset(), owner.repairPosition());

        copyFrom(backup, owner);
        RuntimeException retry = new RuntimeException("send it again");
        assertEquals(0, owner.finishRepair(retry), "nothing acknowledged was lost");
        assertFalse(owner.repairing());
        assertEquals(values(backup.log()), values(owner.log()), "the owner holds the backup's records");
        assertEquals(acknowledged, owner.log().endOffset());
        assertEquals(acknowledged, owner.highWatermark());
        assertEquals(List.of(retry), failed, "the append waiting for the dropped batch failed, to be retried");
        assertTrue(owner.epoch() > epoch, "records were dropped: a new epoch, so backups holding them cut them");
        assertNull(owner.log().findCorruption(file.toString()));

        // the producer's retry is stored again, not answered with the dropped placement; earlier batches stay duplicates
        PartitionLog.Appended retried = owner.append(7, 60, records("late0", "late1"), 100);
        assertFalse(retried.duplicate());
        assertEquals(acknowledged, retried.placement().baseOffset());
        assertTrue(owner.append(7, 59, records("r118", "r119"), 101).duplicate(), "copied batches taught the producer numbers");
    }

    @Test
    void aBackupCutsACorruptTailKeepsItsHighWatermarkAndIsRefilledByTheOwner() throws IOException {
        PartitionLog owner = replica("owner");
        PartitionLog backup = replica("backup");
        owner.becomeOwner();
        appendBatches(owner, 60);
        sync(owner, backup);
        long hw = backup.highWatermark();
        Path file = middleSegment(backup.log());

        assertNotNull(backup.cutAtCorruption(file.toString()));
        assertTrue(backup.log().endOffset() < 120);
        assertEquals(hw, backup.highWatermark(), "it still knows which records were acknowledged");
        assertFalse(backup.refilled());
        assertTrue(owner.forgetBackup(BACKUP));
        sync(owner, backup);
        assertEquals(120, backup.log().endOffset());
        assertTrue(backup.refilled());
        assertFalse(backup.refilled(), "once");
        assertEquals(values(owner.log()), values(backup.log()));
    }

    @Test
    void aPromotedBackupLackingRecordsCatchesUpFromTheOtherBackupBeforeItsEpochStarts() throws IOException {
        PartitionLog owner = replica("owner");
        PartitionLog first = replica("first");
        PartitionLog second = replica("second");
        owner.becomeOwner();
        appendBatches(owner, 60);
        sync(owner, first);
        owner.forgetBackup(BACKUP);              // the same follower slot serves the second backup: start it afresh
        sync(owner, second);
        assertEquals(120, second.log().endOffset());
        first.cutAtCorruption(middleSegment(first.log()).toString());
        long lacking = first.log().endOffset();
        int epochs = first.epochs().latest();

        first.becomeOwner();                     // the owner died before refilling it
        assertTrue(first.repairing(), "it lacks records below its high watermark");
        assertEquals(epochs, first.epochs().latest(), "no epoch yet: it would have the other backup cut what it lacks");
        assertEquals(lacking, first.repairPosition());
        Object token = first.repairToken();
        copyFrom(second, first);
        assertSame(token, first.repairToken());
        assertEquals(0, first.finishRepair(new RuntimeException()));
        assertEquals(values(second.log()), values(first.log()));
        assertEquals(epochs + 1, first.epochs().latest(), "its epoch starts at the end of what it copied");
        assertEquals(120, first.epochs().startOffsets()[first.epochs().startOffsets().length - 1]);
    }

    @Test
    void aRepairWithNothingToCopyFromLowersTheHighWatermarkToWhatIsLeft() throws IOException {
        PartitionLog owner = replica("owner");
        PartitionLog backup = replica("backup");
        owner.becomeOwner();
        appendBatches(owner, 60);
        sync(owner, backup);
        owner.append(7, 60, records("r120", "r121"), 99);
        sync(owner, backup);                     // carries the high watermark 120 to the backup
        assertEquals(120, backup.highWatermark());
        backup.cutAtCorruption(middleSegment(backup.log()).toString());
        long left = backup.log().endOffset();
        backup.becomeOwner();                    // promoted, and no replica holds what it cut
        assertTrue(backup.repairing());
        assertEquals(120 - left, backup.finishRepair(new RuntimeException()), "the acknowledged offsets lost are reported");
        assertEquals(left, backup.highWatermark());
        assertFalse(backup.repairing());
    }
}
