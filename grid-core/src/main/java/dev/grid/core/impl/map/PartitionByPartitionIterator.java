package dev.grid.core.impl.map;

import dev.grid.core.impl.map.operations.EntriesResponse;

import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.function.BiFunction;
import java.util.function.IntFunction;

/**
 * Iterates over a map one partition at a time: only one partition's entries are held at once.
 *
 * @param <T> what each entry becomes
 */
public final class PartitionByPartitionIterator<T> implements Iterator<T> {
    private final int partitionCount;
    private final IntFunction<EntriesResponse> fetch;
    private final BiFunction<byte[], byte[], T> convert;
    private int nextPartition;
    private EntriesResponse current;
    private int index;

    /**
     * @param partitionCount the cluster's partition count
     * @param fetch          fetches one partition's entries
     * @param convert        turns key bytes and value bytes (null when only keys were fetched) into an element
     */
    public PartitionByPartitionIterator(int partitionCount, IntFunction<EntriesResponse> fetch,
                                        BiFunction<byte[], byte[], T> convert) {
        this.partitionCount = partitionCount;
        this.fetch = fetch;
        this.convert = convert;
    }

    @Override
    public boolean hasNext() {
        while (current == null || index >= current.keys().size()) {
            if (nextPartition >= partitionCount) {
                return false;
            }
            current = fetch.apply(nextPartition++);
            index = 0;
        }
        return true;
    }

    @Override
    public T next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        int i = index++;
        return convert.apply(current.keys().get(i), current.values() == null ? null : current.values().get(i));
    }
}
