package dev.grid.log;

import java.util.List;

/**
 * The log as one member holds it: what its metrics ({@code grid_log_*}) and its monitor report. A partition is
 * reported by its owner only and a group by the member that owns the group's cluster partition (its coordinator's
 * member), so a sum over the members counts each once.
 *
 * @param partitions      the log partitions this member owns, by topic and partition
 * @param ownedReplicas   log partition replicas this member holds as owner
 * @param backupReplicas  log partition replicas it holds as a backup
 * @param diskUsedBytes   bytes its replicas take on disk
 * @param diskBudgetBytes {@code grid.log.diskBudget} (0: no limit)
 * @param appendedRecords records appended on this member (as owner) since it started, over every partition it has owned
 * @param appendedBytes   bytes of the batches those records came in
 * @param groupLags       the lag of every consumer group whose cluster partition this member owns, per topic and partition
 *                        of the topics the group has committed offsets for or its members read, as last measured (a
 *                        measurement starts when the stats are asked for and one is not running: the answer is the one
 *                        before, empty at first)
 * @since 0.1
 */
public record LocalLogStats(List<PartitionStats> partitions, int ownedReplicas, int backupReplicas, long diskUsedBytes,
                            long diskBudgetBytes, long appendedRecords, long appendedBytes, List<GroupPartitionLag> groupLags) {

    public LocalLogStats {
        partitions = List.copyOf(partitions);
        groupLags = List.copyOf(groupLags);
    }
}
