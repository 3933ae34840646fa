package dev.grid.core.impl.map.query;

import dev.grid.core.config.GridIndexConfig;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One map's {@link MemberIndex}es on this member, and a write version per partition (a sequence lock): a partition's
 * store makes its version odd before it changes its entries or its indexes and even again after
 * ({@link #beginWrite}, {@link #endWrite}), on the partition's thread. A query that reads a partition's entries from
 * the member indexes and its values from the store, on another thread, keeps what it read only if the partition's
 * version was even before and is the same after: nothing of that partition changed meanwhile, so what it read is the
 * partition at one moment, as a read on the partition's thread would be.
 */
public final class MemberIndexes {
    private final int partitionCount;
    private final List<MemberIndex> indexes = new CopyOnWriteArrayList<>();
    private final AtomicLongArray versions;

    public MemberIndexes(int partitionCount) {
        this.partitionCount = partitionCount;
        this.versions = new AtomicLongArray(partitionCount);
    }

    /** @return the member index of that definition, created empty if missing */
    synchronized MemberIndex index(GridIndexConfig config) {
        for (MemberIndex index : indexes) {
            if (index.config().equals(config)) {
                return index;
            }
        }
        MemberIndex index = new MemberIndex(config, partitionCount);
        indexes.add(index);
        return index;
    }

    /** @return the index on the attribute, a sorted one first if both exist (only a sorted one if order is needed), or null */
    MemberIndex best(String attribute, boolean needsOrder) {
        MemberIndex hash = null;
        for (MemberIndex index : indexes) {
            if (index.config().getAttribute().equals(attribute)) {
                if (index.sorted()) {
                    return index;
                }
                hash = index;
            }
        }
        return needsOrder ? null : hash;
    }

    public int partitionCount() {
        return partitionCount;
    }

    public boolean isEmpty() {
        return indexes.isEmpty();
    }

    /** The partition's entries or indexes are about to change (its thread). */
    public void beginWrite(int partition) {
        versions.incrementAndGet(partition);
    }

    /** The partition's change is complete (its thread). */
    public void endWrite(int partition) {
        versions.incrementAndGet(partition);
    }

    /** @return the partition's write version: odd while a write is under way */
    public long version(int partition) {
        return versions.get(partition);
    }
}
