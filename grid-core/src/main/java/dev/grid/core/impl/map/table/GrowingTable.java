package dev.grid.core.impl.map.table;

import dev.grid.core.GridMapFullException;
import dev.grid.core.spi.EntryBytes;
import net.openhft.chronicle.core.io.ClosedIllegalStateException;

import java.util.Arrays;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * Key bytes to value bytes, off-heap, in a chain of {@link ByteTable}s that grows: when the newest
 * table reaches its capacity, a table twice as large is created on a background thread, added to the
 * chain, and the older tables' entries are moved into it on the partition thread, in steps of at most
 * {@value #STEP_ENTRIES} entries or {@link #STEP_NANOS} ns, queued behind the partition's operations.
 * Each write into a growing chain also moves {@value #MOVES_PER_WRITE} entries, so the move keeps ahead
 * of inserts however busy the partition is. An emptied table is closed on the background thread.
 *
 * <p>Threads: writes, visits and growth run on the partition thread only; {@link #get} and
 * {@link #containsKey} run on any thread. The rules that make a read on another thread correct while
 * entries move:
 * <ul>
 *   <li>a write inserts into the newest table, then removes the key from the older ones; a move
 *       inserts into the newest table, then removes from the oldest; so between operations a key is in
 *       at most one table;</li>
 *   <li>a read looks the key up oldest table first: if it misses a key in an older table, the key had
 *       already been inserted into the newest one, which the read looks at later;</li>
 *   <li>the chain is an immutable array behind a volatile field: a read that found nothing checks that
 *       the chain it read is still the current one, and otherwise reads again (an entry may have moved
 *       on to a table its chain did not have); a read of a table closed meanwhile reads again too,
 *       if the chain changed meanwhile (a retired table leaves the chain before it is closed): a closed
 *       table still in the current chain was closed by someone else, and the read fails instead of
 *       trying forever.</li>
 * </ul>
 *
 * <p>Memory: every table's reservation is taken from {@link TableMemory} (the member's off-heap
 * budget) before the table is created, as an estimate, and corrected once it exists. When the budget
 * refuses a larger table, writes go on into the current one until it is full; then a write fails with
 * the budget's {@link GridMapFullException}, and everything stored stays readable.
 */
public final class GrowingTable {
    /** Each new table is this many times larger than the newest one. */
    static final int GROWTH_FACTOR = 2;
    /** Most entries one move step moves. */
    static final int STEP_ENTRIES = 4096;
    /** Longest one move step runs (checked every few entries). */
    static final long STEP_NANOS = 500_000;
    /** Entries each write into a growing chain moves too. */
    static final int MOVES_PER_WRITE = 2;
    private static final ByteTable[] CLOSED = {};

    private final TableSpec spec;
    private final TableMemory memory;
    private final GrowthTasks tasks;
    private final GrowthStats stats;
    private final TableMover mover = new TableMover();
    /** Oldest table first, the newest (which takes every insert) last; empty once closed. */
    private volatile ByteTable[] chain;
    // partition thread only:
    private PendingTable pending;
    private boolean moverScheduled;
    /** The budget refused the last growth: do not ask again until a write finds the table full. */
    private boolean growthRefused;
    /**
     * The share of its capacity at which the newest table asks for a larger one: 1 at first (a table
     * takes about a third more before a segment overflows); lower once a table filled up before its
     * capacity (entries larger than the configured averages), so the next growth starts in time.
     */
    private double requestAt = 1.0;

    /**
     * Creates the first table (on the calling thread, the partition's).
     *
     * @throws GridMapFullException if the memory refuses it
     */
    public GrowingTable(TableSpec spec, long capacity, TableMemory memory, GrowthTasks tasks, GrowthStats stats) {
        this.spec = spec;
        this.memory = memory;
        this.tasks = tasks;
        this.stats = stats;
        ByteTable first = spec.create(capacity);
        try {
            memory.reserve(first.reserved(), 0);
        } catch (RuntimeException e) {
            first.close();
            throw e;
        }
        chain = new ByteTable[] {first};
    }

    // ---- reads: any thread ----

    /** @return the key's value, or null */
    public byte[] get(byte[] key) {
        while (true) {
            ByteTable[] tables = openChain();
            try {
                for (ByteTable table : tables) {
                    byte[] value = table.get(key);
                    if (value != null) {
                        return value;
                    }
                }
                if (tables == chain) {
                    return null;
                }
            } catch (ClosedIllegalStateException closed) {
                // a growth or a clear retired a table of this chain: read the current one
                requireRetired(tables, closed);
            }
        }
    }

    public boolean containsKey(byte[] key) {
        while (true) {
            ByteTable[] tables = openChain();
            try {
                for (ByteTable table : tables) {
                    if (table.containsKey(key)) {
                        return true;
                    }
                }
                if (tables == chain) {
                    return false;
                }
            } catch (ClosedIllegalStateException closed) {
                // read the current chain
                requireRetired(tables, closed);
            }
        }
    }

    // ---- writes: partition thread ----

    /**
     * Stores the value without copying the previous one out.
     *
     * @throws GridMapFullException naming the budget if the table is full and may not grow
     */
    public void set(byte[] key, byte[] value) {
        for (int attempt = 0; ; attempt++) {
            ByteTable[] tables = openChain();
            ByteTable newest = newest(tables);
            try {
                newest.set(key, value);
            } catch (TableFullException full) {
                growBecauseFull(newest, full, attempt);
                continue;
            }
            for (int i = 0; i < tables.length - 1; i++) {
                tables[i].delete(key);
            }
            afterWrite(tables);
            return;
        }
    }

    /**
     * @return the previous value, or null
     * @throws GridMapFullException naming the budget if the table is full and may not grow
     */
    public byte[] put(byte[] key, byte[] value) {
        for (int attempt = 0; ; attempt++) {
            ByteTable[] tables = openChain();
            ByteTable newest = newest(tables);
            byte[] previous;
            try {
                previous = newest.put(key, value);
            } catch (TableFullException full) {
                growBecauseFull(newest, full, attempt);
                continue;
            }
            for (int i = 0; i < tables.length - 1; i++) {
                byte[] older = tables[i].remove(key);
                if (older != null) {
                    previous = older;
                }
            }
            afterWrite(tables);
            return previous;
        }
    }

    /** @return the removed value, or null */
    public byte[] remove(byte[] key) {
        byte[] removed = null;
        for (ByteTable table : openChain()) {
            byte[] value = table.remove(key);
            if (value != null) {
                removed = value;
            }
        }
        return removed;
    }

    /** Removes every entry; a growth under way ends at once (the older tables are freed). */
    public void clear() {
        ByteTable[] tables = openChain();
        for (ByteTable table : tables) {
            table.clear();
        }
        if (tables.length > 1) {
            chain = new ByteTable[] {newest(tables)};
            mover.reset();
            for (int i = 0; i < tables.length - 1; i++) {
                closeInBackground(tables[i], tables[i].reserved());
            }
            stats.growthFinished();
        }
    }

    /**
     * Announces that the table is about to hold about {@code entries} entries (a migrating partition's
     * size): if they would not fit, a table large enough for them is requested now, once, instead of
     * doubling again and again while they arrive. The budget may refuse it; writes then grow as usual.
     */
    public void expect(long entries) {
        ByteTable newest = newest(openChain());
        if (pending == null && entries > newest.capacity()) {
            request(Math.max(nextCapacity(newest), entries + entries / 4), false);
        }
    }

    /** Frees every table (on the background thread) and what they reserved; reads fail from now on. */
    public void close() {
        ByteTable[] tables = chain;
        chain = CLOSED;
        mover.reset();
        if (pending != null) {
            memory.release(pending.estimate());
            pending.abandon();
            pending = null;
        }
        for (ByteTable table : tables) {
            closeInBackground(table, table.reserved());
        }
    }

    // ---- visits: partition thread ----

    /**
     * Calls the action with fresh copies of each key and value (a null value when {@code keysOnly})
     * until it returns false.
     */
    public void forEachWhile(boolean keysOnly, BiPredicate<byte[], byte[]> action) {
        for (ByteTable table : openChain()) {
            if (!table.forEachWhile(keysOnly, action)) {
                return;
            }
        }
    }

    /**
     * Calls the action with each entry as it lies in the store ({@link EntryBytes}, valid only during the call) until
     * it returns false.
     */
    public void forEachEntryWhile(Predicate<EntryBytes> action) {
        for (ByteTable table : openChain()) {
            if (!table.forEachEntryWhile(action)) {
                return;
            }
        }
    }

    // ---- figures: any thread ----

    /** @return the entries held (Chronicle's count of every table; a move under way may count one twice) */
    public long size() {
        while (true) {
            ByteTable[] tables = openChain();
            try {
                long size = 0;
                for (ByteTable table : tables) {
                    size += table.size();
                }
                return size;
            } catch (ClosedIllegalStateException closed) {
                // count the current chain
                requireRetired(tables, closed);
            }
        }
    }

    /** @return the off-heap bytes the tables reserved */
    public long reserved() {
        long reserved = 0;
        for (ByteTable table : chain) {
            reserved += table.reserved();
        }
        return reserved;
    }

    /** @return bytes taken by entries in the tables' segments */
    public long used() {
        while (true) {
            ByteTable[] tables = openChain();
            try {
                long used = 0;
                for (ByteTable table : tables) {
                    used += table.used();
                }
                return used;
            } catch (ClosedIllegalStateException closed) {
                // measure the current chain
                requireRetired(tables, closed);
            }
        }
    }

    /** @return the capacity of the newest table (the one taking inserts) */
    public long capacity() {
        return newest(openChain()).capacity();
    }

    /** @return the tables in the chain: 1, or more while entries move into a larger one (0 once closed) */
    public int tables() {
        return chain.length;
    }

    public boolean isOpen() {
        return chain.length > 0;
    }

    // ---- growth: partition thread ----

    /**
     * A read found a table of {@code tables} closed: fine if a growth or a clear retired it (the chain was
     * replaced before the table was closed), so the read can go on with the current chain.
     *
     * @throws IllegalStateException naming the store if the closed table is still in the current chain: closed
     *         from outside (reading again would find it closed forever)
     */
    private void requireRetired(ByteTable[] tables, ClosedIllegalStateException closed) {
        if (tables == chain) {
            throw new IllegalStateException(spec.description() + ": a table of its store was closed while still in use "
                    + "(not by the store: a growth or a clear replaces the chain first)", closed);
        }
    }

    private ByteTable[] openChain() {
        ByteTable[] tables = chain;
        if (tables.length == 0) {
            throw new IllegalStateException(spec.description() + ": its store was closed (the partition moved "
                    + "away or the map was destroyed)");
        }
        return tables;
    }

    private static ByteTable newest(ByteTable[] tables) {
        return tables[tables.length - 1];
    }

    private static long nextCapacity(ByteTable newest) {
        return newest.capacity() * GROWTH_FACTOR;
    }

    /** @return the entries the chain holds (partition thread) */
    private long held() {
        long held = 0;
        for (ByteTable table : chain) {
            held += table.count();
        }
        return held;
    }

    private void afterWrite(ByteTable[] tables) {
        if (tables.length > 1) {
            try {
                moveFromOldest(tables, MOVES_PER_WRITE, System.nanoTime() + STEP_NANOS);
            } catch (TableFullException full) {
                // the newest table is full: the next write that needs room grows it
            }
        }
        ByteTable newest = newest(chain);
        if (pending == null && !growthRefused && newest.count() >= newest.capacity() * requestAt) {
            request(nextCapacity(newest), false);
        }
    }

    /**
     * Asks for a larger table: its memory is reserved now (an estimate from the newest table's),
     * the table created on the background thread, and adopted on the partition thread.
     *
     * @param mandatory whether a refusal of the budget is thrown (a write waits for the table) or only
     *                  remembered (a growth ahead of need)
     */
    private void request(long capacity, boolean mandatory) {
        ByteTable newest = newest(chain);
        long estimate = (long) Math.ceil((double) newest.reserved() * capacity / newest.capacity());
        try {
            memory.reserve(estimate, held());
        } catch (GridMapFullException refused) {
            growthRefused = true;
            stats.growthRefused();
            if (mandatory) {
                throw refused;
            }
            return;
        }
        PendingTable requested = new PendingTable(spec, capacity, estimate, stats, tasks);
        pending = requested;
        growthRefused = false;
        stats.growthStarted();
        tasks.inBackground(() -> {
            requested.create(false);
            tasks.onPartitionThread(() -> adoptWhenReady(requested));
        });
    }

    /** The background thread created the table: adopt it, unless a write already did or the chain closed. */
    private void adoptWhenReady(PendingTable created) {
        if (created != pending) {
            return;
        }
        long start = System.nanoTime();
        long cpuStart = GrowthStats.threadCpuNanos();
        try {
            adopt(created);
        } catch (GridMapFullException refused) {
            // remembered in growthRefused: the write that finds the table full reports it
        } finally {
            stats.step(GrowthStats.Step.ADOPT, System.nanoTime() - start, GrowthStats.threadCpuNanos() - cpuStart);
        }
    }

    /**
     * Adds the pending table to the chain (creating it here if the background thread has not started
     * on it, else waiting for it) and starts moving entries into it.
     *
     * @throws GridMapFullException if it could not be created, or is larger than estimated and the
     *                              budget refuses the difference
     */
    private void adopt(PendingTable requested) {
        pending = null;
        ByteTable table;
        try {
            table = requested.await();
        } catch (RuntimeException e) {
            memory.release(requested.estimate());
            growthRefused = true;
            stats.growthRefused();
            GridMapFullException failed = new GridMapFullException(spec.description() + " could not grow its store to "
                    + requested.capacity() + " entries: creating the off-heap table failed (" + e + "). Nothing was "
                    + "stored; every stored entry is still readable.");
            failed.initCause(e);
            throw failed;
        }
        long difference = table.reserved() - requested.estimate();
        if (difference > 0) {
            try {
                memory.reserve(difference, held());
            } catch (GridMapFullException refused) {
                memory.release(requested.estimate());
                closeInBackground(table, 0);
                growthRefused = true;
                stats.growthRefused();
                throw refused;
            }
        } else if (difference < 0) {
            memory.release(-difference);
        }
        ByteTable[] tables = chain;
        ByteTable[] grown = Arrays.copyOf(tables, tables.length + 1);
        grown[tables.length] = table;
        chain = grown;
        scheduleMover();
    }

    /** A write found the newest table full: grow now, waiting for (or creating) the larger table. */
    private void growBecauseFull(ByteTable full, TableFullException cause, int attempt) {
        if (attempt >= 2) {
            GridMapFullException e = new GridMapFullException(spec.description() + ": an entry found no room even in a "
                    + "newly grown table: " + cause.getMessage() + ". Nothing was stored; every stored entry is still readable.");
            e.initCause(cause);
            throw e;
        }
        if (full.count() < full.capacity() * requestAt) {
            requestAt = Math.max(0.1, 0.75 * full.count() / full.capacity());
        }
        long start = System.nanoTime();
        long cpuStart = GrowthStats.threadCpuNanos();
        try {
            if (pending == null) {
                request(nextCapacity(full), true);
            }
            adopt(pending);
        } finally {
            stats.step(GrowthStats.Step.WAIT, System.nanoTime() - start, GrowthStats.threadCpuNanos() - cpuStart);
        }
    }

    private void scheduleMover() {
        if (!moverScheduled && chain.length > 1) {
            moverScheduled = true;
            tasks.onPartitionThread(this::moveStep);
        }
    }

    /** One step of moving, queued behind the partition's operations; queues the next while entries remain. */
    private void moveStep() {
        moverScheduled = false;
        ByteTable[] tables = chain;
        if (tables.length < 2) {
            return;
        }
        long start = System.nanoTime();
        long cpuStart = GrowthStats.threadCpuNanos();
        try {
            moveFromOldest(tables, STEP_ENTRIES, start + STEP_NANOS);
        } catch (TableFullException full) {
            // The newest table filled up before the older ones were empty: grow it first. The entries
            // left behind stay readable where they are; adopting the larger table restarts the moves.
            if (pending == null && !growthRefused) {
                request(nextCapacity(newest(tables)), false);
            }
            return;
        } finally {
            stats.step(GrowthStats.Step.MOVE, System.nanoTime() - start, GrowthStats.threadCpuNanos() - cpuStart);
        }
        scheduleMover();
    }

    /** Moves entries from the oldest table into the newest; frees the oldest once it is empty. */
    private void moveFromOldest(ByteTable[] tables, long maxEntries, long deadline) {
        ByteTable oldest = tables[0];
        long moved = mover.move(oldest, newest(tables), maxEntries, deadline);
        stats.moved(moved);
        if (mover.sourceDrained(oldest)) {
            if (oldest.size() == 0) {
                retireOldest(tables);
            } else {
                mover.reset(); // cannot happen (nothing is inserted into an older table); walk it again
            }
        }
    }

    private void retireOldest(ByteTable[] tables) {
        chain = Arrays.copyOfRange(tables, 1, tables.length);
        mover.reset();
        closeInBackground(tables[0], tables[0].reserved());
        stats.growthFinished();
    }

    private void closeInBackground(ByteTable table, long reserved) {
        tasks.inBackground(() -> {
            try {
                table.close();
            } finally {
                memory.release(reserved);
            }
        });
    }
}
