/**
 * GridMap on Hazelcast's service SPI: the service (lifecycle, migration, statistics), the member
 * proxy (routing and the local read fast path), one container per map, and one off-heap
 * {@link dev.grid.core.impl.map.PartitionStore} (a Chronicle Map of serialized keys to serialized
 * values) per (map, partition) replica. The operations live in {@code operations}, the client
 * protocol in {@code client}.
 */
package dev.grid.core.impl.map;
