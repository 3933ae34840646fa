/**
 * The commands of the CP group: what the Raft log carries and the lock state machine applies
 * (sessions, acquire, release, destroy, ticks, the new-term entry) and the one query (ownership).
 * Mutating commands carry the leader's time ({@link dev.grid.lock.impl.commands.TimedCommand}).
 */
package dev.grid.lock.impl.commands;
