package dev.grid.log.impl;

import dev.grid.core.MetricsCollector;
import dev.grid.core.MetricsSource;
import dev.grid.log.impl.repair.CorruptionEvents;
import dev.grid.log.impl.replica.PartitionLog;

import java.util.Map;

/**
 * grid-log as this member sees it: per log partition it owns, offsets, size, appends and deleted segments; per member,
 * replicas held, disk used against the budget, and bad batches found and replicas repaired (by role). A partition is reported by its owner only, so summing over members
 * counts each once.
 */
final class LogMetrics implements MetricsSource {
    private final GridLogService service;

    LogMetrics(GridLogService service) {
        this.service = service;
    }

    @Override
    public void collectInto(MetricsCollector c) {
        int owned = 0;
        int backups = 0;
        for (PartitionLog replica : service.replicas()) {
            if (!replica.leading()) {
                backups++;
                continue;
            }
            owned++;
            Map<String, String> labels = Map.of("topic", replica.topic(), "partition", Integer.toString(replica.partition()));
            c.gauge("grid_log_start_offset", "first offset the partition still keeps", labels, replica.log().startOffset());
            c.gauge("grid_log_high_watermark", "offset below which every in-sync replica holds the records (what readers see)", labels,
                    replica.highWatermark());
            c.gauge("grid_log_end_offset", "the owner's log end offset (records above the high watermark wait for backups)", labels,
                    replica.log().endOffset());
            c.gauge("grid_log_size_bytes", "bytes of the partition's segment files on its owner", labels, replica.log().sizeInBytes());
            c.gauge("grid_log_segments", "segment files of the partition on its owner", labels, replica.log().segmentCount());
            c.counter("grid_log_appended_records_total", "records appended to the partition on this member while it owned it", labels,
                    replica.appendedRecords());
            c.counter("grid_log_appended_bytes_total", "bytes of batches appended to the partition on this member while it owned it", labels,
                    replica.appendedBytes());
            c.counter("grid_log_segments_deleted_total", "segments this member deleted from the partition by retention", labels,
                    replica.segmentsDeleted());
        }
        c.gauge("grid_log_replicas", "log partition replicas this member holds", Map.of("role", "owner"), owned);
        c.gauge("grid_log_replicas", "log partition replicas this member holds", Map.of("role", "backup"), backups);
        c.gauge("grid_log_disk_used_bytes", "bytes this member's log replicas take on disk", Map.of(), service.diskBudget().usedBytes());
        c.gauge("grid_log_disk_budget_bytes", "grid.log.diskBudget (0: no limit)", Map.of(), service.logConfig().getDiskBudget());
        CorruptionEvents events = service.corruptionEvents();
        for (String role : new String[] {CorruptionEvents.OWNER, CorruptionEvents.BACKUP}) {
            c.counter("grid_log_corruptions_total", "corrupt or truncated batches this member found in its log replicas' segment files",
                    Map.of("role", role), events.corruptions(role));
            c.counter("grid_log_repairs_total", "log replicas this member rebuilt from another replica after finding a bad batch",
                    Map.of("role", role), events.repairs(role));
        }
    }
}
