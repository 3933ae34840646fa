/**
 * The CP group on MicroRaft: this member's Raft node and view of the group, the transport over
 * Hazelcast connections, routing of calls to the leader with retries, and the group's membership
 * (formation, replacement of lost members, majority watch).
 */
package dev.grid.lock.impl.raft;
