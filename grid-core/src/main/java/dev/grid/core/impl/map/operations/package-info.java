/**
 * GridMap's operations: one class each, run on the partition thread of the partition they name.
 * Mutating operations return their backup operation; read operations are {@code ReadonlyOperation}s.
 * Keys and values travel and are stored as serialized bytes.
 */
package dev.grid.core.impl.map.operations;
