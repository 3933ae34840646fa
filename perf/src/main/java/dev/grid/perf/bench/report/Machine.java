package dev.grid.perf.bench.report;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The machine a run was measured on, as results.json, lock.json and the report describe it.
 *
 * @param cores       processors available to the JVM
 * @param memory      physical memory, e.g. {@code 8.3 GB} ({@code unknown} if not known)
 * @param memoryBytes physical memory in bytes (-1 if not known)
 * @param java        the Java version, VM and vendor
 * @param os          operating system, version and architecture
 * @param cpu         the CPU model ({@code unknown} if not known)
 * @param loadAverage the system load average over the last minute, to two decimals
 */
public record Machine(int cores, String memory, @JsonProperty("memory_bytes") long memoryBytes, String java, String os, String cpu,
                      @JsonProperty("load_average") double loadAverage) {
}
