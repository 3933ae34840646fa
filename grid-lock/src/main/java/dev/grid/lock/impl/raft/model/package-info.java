/**
 * MicroRaft's models (log entries, snapshot chunks, member views, the ten Raft messages) as
 * Hazelcast {@code IdentifiedDataSerializable} classes, the factory MicroRaft builds them with, and
 * the identities they carry: {@link dev.grid.lock.impl.raft.model.CpEndpoint} (a member UUID) and
 * {@link dev.grid.lock.impl.raft.model.GridCpGroupId}.
 */
package dev.grid.lock.impl.raft.model;
