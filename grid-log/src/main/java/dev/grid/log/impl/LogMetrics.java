package dev.grid.log.impl;

import dev.grid.core.MetricsCollector;
import dev.grid.core.MetricsSource;
import dev.grid.log.GridLog;
import dev.grid.log.GroupPartitionLag;
import dev.grid.log.LocalLogStats;
import dev.grid.log.PartitionStats;
import dev.grid.log.impl.repair.CorruptionEvents;

import java.util.Map;

/**
 * grid-log as this member sees it ({@link GridLog#localStats()}): per log partition it owns, offsets, size, appends and
 * deleted segments; per member, replicas held, disk used against the budget, what it appended, and bad batches found and
 * replicas repaired (by role); per consumer group whose cluster partition it owns (it runs the group's coordinator), the
 * committed offset and lag of each partition of the group's topics. A partition is reported by its owner only and a group
 * by its coordinator's member only, so summing over members counts each once.
 */
final class LogMetrics implements MetricsSource {
    private final GridLog log;
    private final CorruptionEvents events;

    LogMetrics(GridLog log, CorruptionEvents events) {
        this.log = log;
        this.events = events;
    }

    @Override
    public void collectInto(MetricsCollector c) {
        LocalLogStats stats = log.localStats();
        for (PartitionStats p : stats.partitions()) {
            Map<String, String> labels = Map.of("topic", p.topic(), "partition", Integer.toString(p.partition()));
            c.gauge("grid_log_start_offset", "first offset the partition still keeps", labels, p.startOffset());
            c.gauge("grid_log_high_watermark", "offset below which every in-sync replica holds the records (what readers see)", labels,
                    p.highWatermark());
            c.gauge("grid_log_end_offset", "the owner's log end offset (records above the high watermark wait for backups)", labels,
                    p.endOffset());
            c.gauge("grid_log_size_bytes", "bytes of the partition's segment files on its owner", labels, p.sizeBytes());
            c.gauge("grid_log_segments", "segment files of the partition on its owner", labels, p.segments());
            c.counter("grid_log_appended_records_total", "records appended to the partition on this member while it owned it", labels,
                    p.appendedRecords());
            c.counter("grid_log_appended_bytes_total", "bytes of batches appended to the partition on this member while it owned it", labels,
                    p.appendedBytes());
            c.counter("grid_log_segments_deleted_total", "segments this member deleted from the partition by retention", labels,
                    p.segmentsDeleted());
        }
        c.gauge("grid_log_replicas", "log partition replicas this member holds", Map.of("role", "owner"), stats.ownedReplicas());
        c.gauge("grid_log_replicas", "log partition replicas this member holds", Map.of("role", "backup"), stats.backupReplicas());
        c.gauge("grid_log_disk_used_bytes", "bytes this member's log replicas take on disk", Map.of(), stats.diskUsedBytes());
        c.gauge("grid_log_disk_budget_bytes", "grid.log.diskBudget (0: no limit)", Map.of(), stats.diskBudgetBytes());
        c.counter("grid_log_member_appended_records_total", "records this member appended as owner since it started, all partitions",
                Map.of(), stats.appendedRecords());
        c.counter("grid_log_member_appended_bytes_total", "bytes of batches this member appended as owner since it started, all partitions",
                Map.of(), stats.appendedBytes());
        for (GroupPartitionLag lag : stats.groupLags()) {
            Map<String, String> labels = Map.of("group", lag.group(), "topic", lag.topic(), "partition", Integer.toString(lag.partition()));
            c.gauge("grid_log_group_lag", "records of the partition the consumer group has yet to process (high watermark minus committed "
                    + "offset); reported by the member that coordinates the group", labels, lag.lag());
            if (lag.committedOffset() >= 0) {
                c.gauge("grid_log_group_committed_offset", "the consumer group's committed offset in the partition (the next record it "
                        + "processes); reported by the member that coordinates the group", labels, lag.committedOffset());
            }
        }
        for (String role : new String[] {CorruptionEvents.OWNER, CorruptionEvents.BACKUP}) {
            c.counter("grid_log_corruptions_total", "corrupt or truncated batches this member found in its log replicas' segment files",
                    Map.of("role", role), events.corruptions(role));
            c.counter("grid_log_repairs_total", "log replicas this member rebuilt from another replica after finding a bad batch",
                    Map.of("role", role), events.repairs(role));
        }
    }
}
