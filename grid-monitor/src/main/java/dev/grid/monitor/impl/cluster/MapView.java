package dev.grid.monitor.impl.cluster;

/**
 * One GridMap's statistics on one member, part of the member's {@link MemberView}. Latencies in microseconds.
 *
 * @param entries          primary entries
 * @param backupEntries    backup entries
 * @param offHeapReserved  off-heap reserved by the map's stores, bytes
 * @param offHeapUsed      off-heap used by them, bytes
 * @param gets             gets served
 * @param hits             gets that found a value
 * @param misses           gets that did not
 * @param puts             writes
 * @param removes          removes
 * @param otherOperations  other operations
 * @param localReads       gets served by the local fast path
 * @param meanGetMicros    mean get latency
 * @param meanPutMicros    mean write latency
 * @param meanRemoveMicros mean remove latency
 * @param p99GetMicros     99th percentile get latency since the monitor started
 * @param p99PutMicros     99th percentile write latency since the monitor started
 */
public record MapView(long entries, long backupEntries, long offHeapReserved, long offHeapUsed, long gets, long hits, long misses, long puts,
                      long removes, long otherOperations, long localReads, double meanGetMicros, double meanPutMicros,
                      double meanRemoveMicros, double p99GetMicros, double p99PutMicros) {
}
