/**
 * What a member accepts from the network, wired into Hazelcast's member and client internals: the
 * shared-secret handshake on every member and client connection (a socket interceptor, which
 * Hazelcast's community edition leaves to a {@code NodeExtension} and a {@code ClientExtension}),
 * the size limit on client messages (a guard in front of Hazelcast's client protocol decoder), and
 * the Java deserialization allowlist. Every use of Hazelcast internals for these lives here.
 */
package dev.grid.core.impl.security;
