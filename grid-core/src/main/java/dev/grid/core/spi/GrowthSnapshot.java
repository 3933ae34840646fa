package dev.grid.core.spi;

/**
 * How a GridMap's partition stores on one member have grown: growths, moves, and the pauses growth put on
 * partition threads (what {@link MapStores#growth()} reports, and the growth benchmarks print).
 *
 * @param started                  growths begun (a larger table requested)
 * @param finished                 growths whose older table was emptied and freed
 * @param refused                  growths the off-heap budget refused
 * @param moved                    entries moved from older tables to newer ones
 * @param steps                    pieces of growth work done on partition threads
 * @param stepNanos                their total time
 * @param longestStepNanos         the longest of them: the longest pause growth put in front of an operation
 * @param longestStepCpuNanos      the most CPU time one step used (its own work: a long step that used little was
 *                                 waiting, descheduled by the OS or stopped by the JVM)
 * @param slowSteps                steps longer than 1 ms (a move step stops after 0.5 ms; a longer one was
 *                                 descheduled or stopped by the JVM, or was a wait)
 * @param longestAdoptNanos        the longest adoption of a created table
 * @param longestMoveNanos         the longest move step
 * @param waits                    writes that found the newest table full and waited for the larger one
 * @param longestWaitNanos         the longest of those waits
 * @param longestCreateNanos       the longest creation of a table (on a background thread unless counted below)
 * @param createdOnPartitionThread tables a partition thread created itself, because a write found the
 *                                 table full before the background thread had started on the new one
 */
public record GrowthSnapshot(long started, long finished, long refused, long moved, long steps, long stepNanos,
                       long longestStepNanos, long longestStepCpuNanos, long slowSteps, long longestAdoptNanos,
                       long longestMoveNanos, long waits, long longestWaitNanos, long longestCreateNanos, long createdOnPartitionThread) {
}
