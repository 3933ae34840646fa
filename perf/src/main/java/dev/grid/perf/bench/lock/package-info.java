/**
 * {@code grid bench lock}: FencedLock lock+unlock pairs per second, uncontended (one thread) and
 * contended (several threads, one lock), measured the same way for grid's FencedLock and for
 * Hazelcast 5.4.0's own CP FencedLock: three members in separate JVMs and a driver JVM that is a
 * client of them. Hazelcast 5.4 runs only in child JVMs whose class path is its own jar plus
 * {@link dev.grid.perf.bench.lock.Hz54LockNode} and {@link dev.grid.perf.bench.lock.LockLoop}
 * (both written against APIs that 5.4 and 5.7 share, and using nothing else).
 */
package dev.grid.perf.bench.lock;
