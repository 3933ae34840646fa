/**
 * grid-lock's Hazelcast services (the CP group service and the FencedLock service), their
 * registration, serialization hook and metrics. The CP group itself is in
 * {@code dev.grid.lock.impl.raft}, the lock state machine in {@code dev.grid.lock.impl.statemachine},
 * the proxies in {@code dev.grid.lock.impl.proxy} and the client protocol in
 * {@code dev.grid.lock.impl.client}.
 */
package dev.grid.lock.impl;
