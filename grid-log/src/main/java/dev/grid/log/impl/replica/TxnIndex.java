package dev.grid.log.impl.replica;

import dev.grid.log.impl.storage.BatchMeta;
import dev.grid.log.impl.storage.LogBatch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The transactions one replica of a log partition holds, learned from the batches as they are stored (appended by the
 * owner, copied by a backup, a migration or a repair: see {@link TxnBatches}), so every replica knows the same, and a
 * promoted backup knows which transactions are still open. Gives the <b>last stable offset</b> (the first offset of the
 * oldest open transaction: {@code read_committed} readers stop there) and which records batches belong to aborted
 * transactions (those readers skip them). Single-threaded: the partition's thread.
 */
public final class TxnIndex {
    /** Decided transactions kept for answering retried commits and aborts, beyond those needed for reads. */
    static final int KEPT_DECIDED = 10_000;

    /** Where a transaction is in this partition. */
    public enum State { OPEN, COMMITTED, ABORTED }

    /** One transaction in this partition. */
    public static final class Entry {
        final long producerId;
        /** Its records batch, or -1 when it was aborted before any record was stored here. */
        long recordsBase = -1;
        long recordsNext = -1;
        long markerOffset = -1;
        long deadlineMillis = Long.MAX_VALUE;
        State state = State.OPEN;

        Entry(long producerId) {
            this.producerId = producerId;
        }

        public State state() {
            return state;
        }

        public long recordsBase() {
            return recordsBase;
        }

        public long recordsNext() {
            return recordsNext;
        }

        /** @return the offset after the transaction's last batch here (its marker, else its records) */
        public long endOffset() {
            return markerOffset >= 0 ? markerOffset + 1 : recordsNext;
        }

        public long deadlineMillis() {
            return deadlineMillis;
        }

        public long producerId() {
            return producerId;
        }
    }

    private final Map<Long, Entry> byProducer = new HashMap<>();
    private final TreeMap<Long, Entry> openByBase = new TreeMap<>();
    private final TreeMap<Long, Entry> abortedByBase = new TreeMap<>();
    private final LinkedHashMap<Long, Entry> decided = new LinkedHashMap<>();

    /** @return the transaction with that producer id, or null if this replica knows none */
    public Entry get(long producerId) {
        return byProducer.get(producerId);
    }

    /**
     * Learns a stored batch.
     *
     * @param nowMillis this member's clock: an open transaction's deadline is counted from when this replica learned of it
     */
    public void observe(LogBatch batch, long nowMillis) {
        BatchMeta meta = batch.meta();
        if (!TxnBatches.transactional(meta)) {
            return;
        }
        long pid = meta.producerId();
        Entry entry = byProducer.get(pid);
        if (TxnBatches.marker(meta)) {
            if (entry == null) {
                entry = new Entry(pid);
                byProducer.put(pid, entry);
            } else if (entry.state == State.OPEN && entry.recordsBase >= 0) {
                openByBase.remove(entry.recordsBase);
            }
            entry.markerOffset = batch.baseOffset();
            entry.state = meta.baseSequence() == TxnBatches.COMMIT ? State.COMMITTED : State.ABORTED;
            if (entry.state == State.ABORTED && entry.recordsBase >= 0) {
                abortedByBase.put(entry.recordsBase, entry);
            }
            remember(entry);
            return;
        }
        if (entry != null && entry.recordsBase >= 0) {
            return;             // a second records batch of one transaction is never written
        }
        if (entry == null) {
            entry = new Entry(pid);
            byProducer.put(pid, entry);
        }
        entry.recordsBase = batch.baseOffset();
        entry.recordsNext = batch.nextOffset();
        long timeoutMillis = Math.max(1, meta.baseSequence()) * 1000L;
        entry.deadlineMillis = nowMillis > Long.MAX_VALUE - timeoutMillis ? Long.MAX_VALUE : nowMillis + timeoutMillis;
        if (entry.state == State.OPEN) {
            openByBase.put(entry.recordsBase, entry);
        }
    }

    /** Notes an abort of a transaction that stored no records here (nothing is written: no reader would see it). */
    public void abortedWithoutRecords(long producerId) {
        Entry entry = byProducer.computeIfAbsent(producerId, Entry::new);
        if (entry.state == State.OPEN && entry.recordsBase < 0) {
            entry.state = State.ABORTED;
            remember(entry);
        }
    }

    private void remember(Entry entry) {
        decided.remove(entry.producerId);
        decided.put(entry.producerId, entry);
        Iterator<Entry> oldest = decided.values().iterator();
        while (decided.size() > KEPT_DECIDED && oldest.hasNext()) {
            Entry e = oldest.next();
            if (e.state == State.ABORTED && e.recordsBase >= 0) {
                break;          // aborted records still in the log stay known until retention deletes them
            }
            oldest.remove();
            byProducer.remove(e.producerId);
        }
    }

    /** @return the last stable offset: the first offset of the oldest open transaction, or {@code Long.MAX_VALUE} if none */
    public long firstOpenOffset() {
        return openByBase.isEmpty() ? Long.MAX_VALUE : openByBase.firstKey();
    }

    /** @return whether the batch is the records batch of an aborted transaction */
    public boolean abortedRecords(LogBatch batch) {
        Entry entry = abortedByBase.get(batch.baseOffset());
        return entry != null && entry.producerId == batch.meta().producerId();
    }

    /** @return the open transactions whose deadline has passed */
    public List<Entry> expired(long nowMillis) {
        List<Entry> found = new ArrayList<>();
        for (Entry e : openByBase.values()) {
            if (e.deadlineMillis <= nowMillis) {
                found.add(e);
            }
        }
        return found;
    }

    public boolean hasOpen() {
        return !openByBase.isEmpty();
    }

    /** The log was cut at {@code end}: what was stored at or above it is forgotten (a transaction whose marker went is open again). */
    public void truncateTo(long end) {
        for (Iterator<Entry> it = byProducer.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.markerOffset >= end) {
                e.markerOffset = -1;
                abortedByBase.remove(e.recordsBase);
                decided.remove(e.producerId);
                e.state = State.OPEN;
            }
            if (e.recordsBase >= end) {
                openByBase.remove(e.recordsBase);
                it.remove();
                decided.remove(e.producerId);
            } else if (e.state == State.OPEN && e.recordsBase >= 0) {
                openByBase.put(e.recordsBase, e);
            }
        }
    }

    /** Retention deleted everything below {@code start}: aborted transactions wholly below it need no skipping any more. */
    public void forgetBelow(long start) {
        for (Iterator<Entry> it = abortedByBase.values().iterator(); it.hasNext(); ) {
            Entry e = it.next();
            if (e.endOffset() <= start) {
                it.remove();
                decided.remove(e.producerId);
                byProducer.remove(e.producerId);
            }
        }
    }

    public void clear() {
        byProducer.clear();
        openByBase.clear();
        abortedByBase.clear();
        decided.clear();
    }
}
