/**
 * The heap scenario: how many 100-byte entries a member holds in a small heap, GridMap (off-heap)
 * against Hazelcast's IMap (on-heap), with heap used and GC pauses. {@link dev.grid.perf.heap.HeapScenario}
 * runs one case in this JVM; {@link dev.grid.perf.heap.HeapScenarioRunner} runs every case in its own
 * JVM at the same {@code -Xmx} and prints the comparison.
 */
package dev.grid.perf.heap;
