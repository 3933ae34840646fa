/**
 * grid's Raft-replicated {@code FencedLock}: a CP group service built on MicroRaft whose
 * messages travel over Hazelcast's member connections, a lock state machine with sessions,
 * reentrancy and monotonic fencing tokens, and fenced writes that the storage itself checks.
 *
 * <p>This package holds the public API; implementation classes live in {@code dev.grid.lock.impl}.
 * The lock is specified in the issue tracker ("grid-lock") and lands after GridMap.
 */
package dev.grid.lock;
