package dev.grid.log.impl.repair;

import com.hazelcast.logging.ILogger;
import dev.grid.log.impl.replica.PartitionLog;
import dev.grid.log.impl.storage.Corruption;
import dev.grid.log.impl.storage.RecoveryReport;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The member's record of corrupt replica files: a WARN line per bad batch found (naming topic, partition, the
 * replica's role, the segment file, the byte position and the reason) and per repair, and the counts behind the
 * {@code grid_log_corruptions_total} and {@code grid_log_repairs_total} metrics. A bad batch found again (each read
 * of an unrepairable one) is logged and counted once. Thread-safe.
 */
public final class CorruptionEvents {
    /** Role label of an owner's replica. */
    public static final String OWNER = "owner";
    /** Role label of a backup's replica. */
    public static final String BACKUP = "backup";
    private static final int RECENT = 32;

    private final ILogger logger;
    private final AtomicLong ownerCorruptions = new AtomicLong();
    private final AtomicLong backupCorruptions = new AtomicLong();
    private final AtomicLong ownerRepairs = new AtomicLong();
    private final AtomicLong backupRepairs = new AtomicLong();
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final ArrayDeque<String> recent = new ArrayDeque<>();

    public CorruptionEvents(ILogger logger) {
        this.logger = logger;
    }

    /**
     * A bad batch was found in a replica's files.
     *
     * @param foundBy what read it ("a read", "the background scrub", ...)
     * @param then    what happens now, for the log line
     * @return false if this bad batch was reported before (nothing logged or counted)
     */
    public boolean found(PartitionLog replica, String role, Corruption bad, String foundBy, String then) {
        if (!reported.add(bad.file() + "@" + bad.position())) {
            return false;
        }
        (OWNER.equals(role) ? ownerCorruptions : backupCorruptions).incrementAndGet();
        warn("grid-log: corrupt " + replica.topic() + " partition " + replica.partition() + " (" + role + " replica): segment "
                + bad.file() + ", position " + bad.position() + " (offset " + bad.offset() + "): " + bad.reason() + "; found by "
                + foundBy + "; " + then);
        return true;
    }

    /** Segments cut when a replica's files were opened (recovery of a torn or corrupt tail). */
    public void cutOnOpen(PartitionLog replica, RecoveryReport report) {
        for (RecoveryReport.Cut cut : report.cuts()) {
            if (reported.add(cut.file() + "@" + cut.position())) {
                backupCorruptions.incrementAndGet();
                warn("grid-log: corrupt " + replica.topic() + " partition " + replica.partition() + " (" + BACKUP
                        + " replica, being opened): segment " + cut.file() + ", position " + cut.position() + " (offset "
                        + cut.fromOffset() + "): " + cut.reason() + "; cut there (" + cut.bytesCut()
                        + " bytes), the owner copies the rest");
            }
        }
    }

    /** A replica was rebuilt; {@code how} says from where and what it copied. */
    public void repaired(PartitionLog replica, String role, String how) {
        (OWNER.equals(role) ? ownerRepairs : backupRepairs).incrementAndGet();
        String prefix = replica.log().directory().toString();
        reported.removeIf(key -> key.startsWith(prefix));
        warn("grid-log: repaired " + replica.topic() + " partition " + replica.partition() + " (" + role + " replica): " + how);
    }

    /** Something worth a WARN line about a repair that is not a new bad batch (a repair that failed, records lost). */
    public void warn(String message) {
        logger.warning(message);
        synchronized (recent) {
            recent.addLast(message);
            while (recent.size() > RECENT) {
                recent.removeFirst();
            }
        }
    }

    /** @return bad batches found in replicas of that role ({@link #OWNER} or {@link #BACKUP}) */
    public long corruptions(String role) {
        return (OWNER.equals(role) ? ownerCorruptions : backupCorruptions).get();
    }

    /** @return replicas of that role rebuilt after a corruption */
    public long repairs(String role) {
        return (OWNER.equals(role) ? ownerRepairs : backupRepairs).get();
    }

    /** @return the last WARN lines logged here, oldest first (for diagnostics and tests) */
    public List<String> recent() {
        synchronized (recent) {
            return new ArrayList<>(recent);
        }
    }
}
