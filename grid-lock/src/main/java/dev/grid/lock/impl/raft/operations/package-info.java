/**
 * The Hazelcast operations of the CP group: Raft messages between CP members, CP calls sent to the
 * leader, and the publication of the group's view.
 */
package dev.grid.lock.impl.raft.operations;
