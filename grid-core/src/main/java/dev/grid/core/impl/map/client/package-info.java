/**
 * GridMap over Hazelcast's client protocol. Client side: {@link dev.grid.core.impl.map.client.ClientGridMapProxy}
 * (registered through {@code ClientConfig.addProxyFactoryConfig}), which encodes each call into a
 * hand-built {@code ClientMessage} ({@link dev.grid.core.impl.map.client.GridMapCodecs}) and sends it
 * to the key's partition owner. Member side: one message task per call, created by
 * {@link dev.grid.core.impl.map.client.GridMapMessageTaskFactoryProvider} (listed in
 * {@code META-INF/services/com.hazelcast.client.impl.protocol.MessageTaskFactoryProvider}), which runs
 * the same operation the member proxy runs ({@code dev.grid.core.impl.map.operations}). Every message
 * type id is in {@link dev.grid.core.impl.map.client.GridMapMessageType}. A predicate query goes to every
 * member at once, each for the partitions it owns ({@link dev.grid.core.impl.map.client.OwnerQueries}), and each
 * member answers straight to the client.
 */
package dev.grid.core.impl.map.client;
