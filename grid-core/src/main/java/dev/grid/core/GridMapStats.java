package dev.grid.core;

/**
 * One member's statistics for one GridMap, since the member started. Operation counts are those
 * this member ran as the partition owner (plus the local reads its fast path served).
 *
 * @param primaryEntries     entries in partitions this member owns
 * @param backupEntries      entries in backup replicas this member holds
 * @param offHeapReserved    off-heap bytes reserved by this member's stores of the map
 * @param offHeapUsed        off-heap bytes taken by entries (estimate from Chronicle's segments)
 * @param gets               get operations
 * @param hits               gets that found a value
 * @param misses             gets that found nothing
 * @param puts               writes (put, set, putIfAbsent, replace, putAll entries, processor updates)
 * @param removes            removals (remove, delete, processor removals)
 * @param otherOperations    every other operation (containsKey, size, clear, executeOnKey, iteration)
 * @param localReads         gets served on the caller's thread by the local fast path
 * @param totalGetNanos      time spent in gets, in nanoseconds (divide by {@code gets} for the mean); local
 *                           fast-path reads are timed one in 16, each timed read counting for 16
 * @param totalPutNanos      time spent in writes, in nanoseconds
 * @param totalRemoveNanos   time spent in removals, in nanoseconds
 * @since 0.1
 */
public record GridMapStats(long primaryEntries, long backupEntries, long offHeapReserved, long offHeapUsed,
                           long gets, long hits, long misses, long puts, long removes, long otherOperations,
                           long localReads, long totalGetNanos, long totalPutNanos, long totalRemoveNanos) {

    /** Statistics of a map this member holds nothing of (and of every map, on a client). */
    public static final GridMapStats EMPTY = new GridMapStats(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
}
