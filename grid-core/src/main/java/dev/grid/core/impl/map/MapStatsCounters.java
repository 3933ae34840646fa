package dev.grid.core.impl.map;

import java.util.concurrent.atomic.LongAdder;

/** Operation counters of one map on one member; updated from partition threads and fast-path readers. */
final class MapStatsCounters {
    final LongAdder gets = new LongAdder();
    final LongAdder hits = new LongAdder();
    final LongAdder misses = new LongAdder();
    final LongAdder puts = new LongAdder();
    final LongAdder removes = new LongAdder();
    final LongAdder others = new LongAdder();
    /** Local fast-path reads, by outcome; they count as gets, hits and misses too (see {@link MapContainer}). */
    final LongAdder localHits = new LongAdder();
    final LongAdder localMisses = new LongAdder();
    final LongAdder getNanos = new LongAdder();
    final LongAdder putNanos = new LongAdder();
    final LongAdder removeNanos = new LongAdder();

    void recordGet(boolean hit, long nanos) {
        gets.increment();
        (hit ? hits : misses).increment();
        getNanos.add(nanos);
    }

    void recordPut(long nanos) {
        puts.increment();
        putNanos.add(nanos);
    }

    void recordRemove(long nanos) {
        removes.increment();
        removeNanos.add(nanos);
    }
}
