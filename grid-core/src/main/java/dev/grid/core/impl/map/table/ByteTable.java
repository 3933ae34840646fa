package dev.grid.core.impl.map.table;

import dev.grid.core.spi.EntryBytes;
import net.openhft.chronicle.core.io.ClosedIllegalStateException;
import net.openhft.chronicle.hash.Data;
import net.openhft.chronicle.map.ChronicleMap;
import net.openhft.chronicle.map.ExternalMapQueryContext;
import net.openhft.chronicle.map.MapEntry;
import net.openhft.chronicle.map.MapSegmentContext;

import java.util.Collection;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * One Chronicle Map of key bytes to value bytes, of a fixed capacity, off the Java heap. Reads may
 * come from any thread; writes from one thread at a time (the partition's), which also keeps the
 * entry count the growth decisions use. A write that finds no room throws {@link TableFullException}
 * and stores nothing.
 */
final class ByteTable {
    private final ChronicleMap<byte[], byte[]> map;
    private final long capacity;
    private final long reserved;
    private final String description;
    /** Entries present, kept by the writing thread (Chronicle's own count sums every segment). */
    private long count;

    ByteTable(ChronicleMap<byte[], byte[]> map, long capacity, String description) {
        this.map = map;
        this.capacity = capacity;
        this.description = description;
        this.reserved = map.offHeapMemoryUsed();
    }

    /** @return the entries this table was sized for */
    long capacity() {
        return capacity;
    }

    /** @return the off-heap bytes the table reserved when it was created (it never takes more) */
    long reserved() {
        return reserved;
    }

    /** @return the entries present, as the writing thread counted them (writing thread only) */
    long count() {
        return count;
    }

    byte[] get(byte[] key) {
        return map.get(key);
    }

    boolean containsKey(byte[] key) {
        return map.containsKey(key);
    }

    /**
     * Stores the value without copying the previous one out of the table.
     *
     * @return whether the key was absent
     * @throws TableFullException if there was no room (nothing was stored)
     */
    boolean set(byte[] key, byte[] value) {
        try (ExternalMapQueryContext<byte[], byte[], ?> query = map.queryContext(key)) {
            query.updateLock().lock();
            Data<byte[]> data = query.wrapValueAsData(value);
            MapEntry<byte[], byte[]> entry = query.entry();
            if (entry != null) {
                query.replaceValue(entry, data);
                return false;
            }
            query.insert(query.absentEntry(), data);
            count++;
            return true;
        } catch (IllegalStateException e) {
            throw fullOrRethrow(e);
        }
    }

    /**
     * @return the previous value, or null
     * @throws TableFullException if there was no room (nothing was stored)
     */
    byte[] put(byte[] key, byte[] value) {
        byte[] previous;
        try {
            previous = map.put(key, value);
        } catch (IllegalStateException e) {
            throw fullOrRethrow(e);
        }
        if (previous == null) {
            count++;
        }
        return previous;
    }

    /** @return the removed value, or null */
    byte[] remove(byte[] key) {
        byte[] removed = map.remove(key);
        if (removed != null) {
            count--;
        }
        return removed;
    }

    /** Removes the key without copying its value out; @return whether it was present */
    boolean delete(byte[] key) {
        try (ExternalMapQueryContext<byte[], byte[], ?> query = map.queryContext(key)) {
            query.updateLock().lock();
            MapEntry<byte[], byte[]> entry = query.entry();
            if (entry == null) {
                return false;
            }
            query.remove(entry);
            count--;
            return true;
        }
    }

    /**
     * Moves the key's entry into {@code target}: first inserted there, then removed here, so a reader
     * that looks here and then there never misses it. The key must be absent from {@code target}.
     * The value is copied through the Java heap and inserted by {@link #set}, the path every write
     * takes, so moves give Chronicle's code no other data classes to call than writes and reads do
     * (handing one table's entry data to the other would save the copy, at the risk of call sites
     * the JIT no longer inlines on the read path).
     *
     * @return whether the key was here
     * @throws TableFullException if {@code target} had no room (the entry stays here)
     */
    boolean moveTo(ByteTable target, byte[] key) {
        try (ExternalMapQueryContext<byte[], byte[], ?> query = map.queryContext(key)) {
            query.updateLock().lock();
            MapEntry<byte[], byte[]> entry = query.entry();
            if (entry == null) {
                return false;
            }
            target.set(key, entry.value().getUsing(null));
            query.remove(entry);
            count--;
            return true;
        }
    }

    /** @return the table's segments (each can be scanned on its own: {@link #collectKeys}) */
    int segments() {
        return map.segments();
    }

    /**
     * Adds copies of up to {@code max} keys of one segment to {@code keys}.
     *
     * @return how many were added (0: the segment is empty)
     */
    int collectKeys(int segment, int max, Collection<byte[]> keys) {
        int[] added = {0};
        try (MapSegmentContext<byte[], byte[], ?> context = map.segmentContext(segment)) {
            context.forEachSegmentEntryWhile(entry -> {
                keys.add(entry.key().getUsing(null));
                return ++added[0] < max;
            });
        }
        return added[0];
    }

    /**
     * Calls the action with fresh copies of each key and value (a null value when {@code keysOnly})
     * until it returns false.
     *
     * @return false if the action stopped the visit
     */
    boolean forEachWhile(boolean keysOnly, BiPredicate<byte[], byte[]> action) {
        return map.forEachEntryWhile(entry ->
                action.test(entry.key().getUsing(null), keysOnly ? null : entry.value().getUsing(null)));
    }

    /**
     * Calls the action with each entry as it lies in the table ({@link EntryBytes}: its key and value copied out only
     * when asked, valid only during the call) until it returns false.
     *
     * @return false if the action stopped the visit
     */
    boolean forEachEntryWhile(Predicate<EntryBytes> action) {
        StoredEntryBytes view = new StoredEntryBytes();
        try {
            return map.forEachEntryWhile(entry -> action.test(view.at(entry)));
        } finally {
            view.at(null);
        }
    }

    /** @return the entries present (sums the segments; any thread) */
    long size() {
        return map.longSize();
    }

    /** @return bytes taken by entries in the segments (any thread) */
    long used() {
        long used = 0;
        for (ChronicleMap.SegmentStats segment : map.segmentStats()) {
            used += segment.usedBytes();
        }
        return used;
    }

    void clear() {
        map.clear();
        count = 0;
    }

    boolean isOpen() {
        return map.isOpen();
    }

    /**
     * Frees the memory. Chronicle lets a read on another thread that is under way finish first; a
     * read that starts later fails with {@code ChronicleHashClosedException}.
     */
    void close() {
        map.close();
    }

    /**
     * A Chronicle {@link IllegalStateException} on a write means a segment had no room, unless the
     * table was closed (a {@link ClosedIllegalStateException}, which is passed on).
     */
    private RuntimeException fullOrRethrow(IllegalStateException e) {
        if (e instanceof ClosedIllegalStateException) {
            return e;
        }
        return new TableFullException(description + ": its table for " + capacity + " entries (holding " + count
                + ") has no room: " + e.getMessage(), e);
    }
}
