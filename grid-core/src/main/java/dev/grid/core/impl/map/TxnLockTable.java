package dev.grid.core.impl.map;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * The transactional locks of one map in one partition replica: key to {@link TxnLock}. Only the
 * partition's thread touches it (operations, replication, rollback of a dead transaction), so it
 * needs no synchronisation. An expired lock stays until someone else wants the key: its holder may
 * still commit while nobody has.
 */
public final class TxnLockTable {
    private final Map<KeyBytes, TxnLock> locks = new HashMap<>();

    /** @return the key's lock, live or expired, or null */
    public TxnLock get(byte[] key) {
        return locks.get(new KeyBytes(key));
    }

    public void put(byte[] key, TxnLock lock) {
        locks.put(new KeyBytes(key), lock);
    }

    /** @return the removed lock, or null */
    public TxnLock remove(byte[] key) {
        return locks.remove(new KeyBytes(key));
    }

    /** Drops every expired lock; @return whether a live lock remains */
    public boolean hasLiveLock(long now) {
        locks.values().removeIf(lock -> lock.isExpired(now));
        return !locks.isEmpty();
    }

    /** Releases every lock the transaction holds; @return how many */
    public int releaseAll(UUID txnId) {
        int released = 0;
        for (Iterator<TxnLock> it = locks.values().iterator(); it.hasNext(); ) {
            if (it.next().isHeldBy(txnId)) {
                it.remove();
                released++;
            }
        }
        return released;
    }

    public boolean isEmpty() {
        return locks.isEmpty();
    }

    public int size() {
        return locks.size();
    }

    public void clear() {
        locks.clear();
    }

    /** Calls the action with every key (its bytes) and lock. */
    public void forEach(BiConsumer<byte[], TxnLock> action) {
        locks.forEach((key, lock) -> action.accept(key.bytes(), lock));
    }

    /** @return the keys and locks now held (a snapshot, for replication) */
    public List<Map.Entry<byte[], TxnLock>> snapshot() {
        List<Map.Entry<byte[], TxnLock>> entries = new ArrayList<>(locks.size());
        forEach((key, lock) -> entries.add(Map.entry(key, lock)));
        return entries;
    }
}
