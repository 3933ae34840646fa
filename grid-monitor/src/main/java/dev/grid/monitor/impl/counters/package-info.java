/** A member's counters in a memory-mapped file (Agrona), and the reader {@code grid stat} uses from another process. */
package dev.grid.monitor.impl.counters;
