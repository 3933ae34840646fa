/**
 * The replicated lock state machine: sessions with TTLs, locks with holders, reentrancy counts,
 * fences and wait queues with timeouts, snapshots, and the result codes of its commands.
 */
package dev.grid.lock.impl.statemachine;
