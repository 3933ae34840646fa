/**
 * FencedLock over Hazelcast's client protocol: the message types and hand-built codecs, the
 * member-side task that takes a client's call to the CP group, and the client-side proxy and
 * gateway (registered through META-INF/services on both sides).
 */
package dev.grid.lock.impl.client;
