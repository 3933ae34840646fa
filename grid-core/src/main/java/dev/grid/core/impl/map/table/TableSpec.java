package dev.grid.core.impl.map.table;

import net.openhft.chronicle.hash.serialization.impl.ByteArraySizedReader;
import net.openhft.chronicle.map.ChronicleMap;

/**
 * What every table of one {@link GrowingTable} has in common: the name it shows in errors and the
 * average serialized sizes its tables are sized with. Tables differ only in their capacity.
 *
 * @param description      what the tables hold, for messages: {@code GridMap 'orders' partition 7}
 * @param chronicleName    the Chronicle Maps' name (shown in Chronicle's own messages)
 * @param averageKeySize   average key size in bytes
 * @param averageValueSize average value size in bytes
 */
public record TableSpec(String description, String chronicleName, int averageKeySize, int averageValueSize) {

    /**
     * Creates an empty table for {@code capacity} entries. Chronicle sizes each segment so that it
     * overflows at {@code capacity} entries with a probability of about 1e-5, and takes about a third
     * more before one does; segment tiering is off, so a table never allocates memory beyond what it
     * reserved here and reads never walk a chain of tiers.
     *
     * <p>The table stays out of Chronicle's close-on-exit hook: that JVM shutdown hook closes every Chronicle Map it
     * knows, at the same time as {@code grid start}'s own hook leaves the cluster gracefully, which first migrates the
     * member's partitions away, reading these very tables. The member closes its tables itself ({@link GrowingTable#close});
     * the process's exit frees the off-heap memory of any left open.
     *
     * @throws IllegalArgumentException if Chronicle refuses the sizing
     */
    ByteTable create(long capacity) {
        ChronicleMap<byte[], byte[]> map = ChronicleMap.of(byte[].class, byte[].class)
                .name(chronicleName)
                .entries(capacity)
                .averageKeySize(averageKeySize)
                .averageValueSize(averageValueSize)
                .maxBloatFactor(1.0)
                .allowSegmentTiering(false)
                .keyMarshallers(ByteArraySizedReader.INSTANCE, KeyWriter.INSTANCE)
                .skipCloseOnExitHook(true)
                .create();
        return new ByteTable(map, capacity, description);
    }
}
