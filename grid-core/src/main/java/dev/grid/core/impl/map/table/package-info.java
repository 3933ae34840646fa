/**
 * Off-heap tables that grow: {@link dev.grid.core.impl.map.table.GrowingTable} keeps a chain of
 * fixed-size Chronicle Maps ({@link dev.grid.core.impl.map.table.ByteTable}), and when the newest
 * reaches its capacity it adds one twice as large (created on a background thread) and moves the
 * entries of the older ones into it on the partition's thread, in steps of at most half a
 * millisecond. Reads, from any thread, look the key up oldest table first. What it costs, and the
 * rules that keep a read during a move correct, are in {@code docs/gridmap.md} ("Sizing and growth").
 */
package dev.grid.core.impl.map.table;
