package dev.grid.core.spi;

/**
 * One GridMap's partition stores on one member, seen from the inside: how many, how full, how large they
 * have grown, what they reserve off-heap, and whether one is moving entries into a larger table now.
 *
 * @param stores                      the partition stores this member holds of the map (primaries and backups)
 * @param entries                     the entries in them
 * @param initialCapacityPerPartition the capacity each store started with (the map's {@code entries} per partition, at least the floor)
 * @param minCapacity                 the smallest store's capacity now (0 without stores)
 * @param maxCapacity                 the largest store's capacity now
 * @param offHeapReserved             the off-heap bytes the stores reserve now (both tables of a store that is growing)
 * @param growing                     whether a store is moving entries into a larger table now
 * @param growth                      the map's growths on this member so far
 */
public record MapStores(int stores, long entries, long initialCapacityPerPartition, long minCapacity, long maxCapacity,
                        long offHeapReserved, boolean growing, GrowthSnapshot growth) {
}
