/**
 * grid's Raft-replicated {@code FencedLock}: {@link dev.grid.lock.GridLocks} hands out Hazelcast's
 * {@link com.hazelcast.cp.lock.FencedLock} interface, backed by grid's own CP group (MicroRaft on the
 * oldest {@code grid.cp.memberCount} members, messages over Hazelcast's member connections), with
 * sessions, reentrancy and strictly increasing fences that GridMap's fenced writes (or a conditional
 * SQL update) check. Works embedded and on clients. See {@code docs/locks.md}.
 *
 * <p>This package holds the public API; implementation classes live in {@code dev.grid.lock.impl}.
 */
package dev.grid.lock;
