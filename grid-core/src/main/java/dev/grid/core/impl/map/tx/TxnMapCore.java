package dev.grid.core.impl.map.tx;

import com.hazelcast.internal.partition.IPartitionService;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.internal.serialization.impl.HeapData;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.spi.impl.operationservice.Operation;
import com.hazelcast.spi.impl.operationservice.OperationService;
import com.hazelcast.transaction.TransactionException;
import com.hazelcast.transaction.TransactionNotActiveException;
import com.hazelcast.transaction.TransactionTimedOutException;
import com.hazelcast.transaction.impl.Transaction;
import dev.grid.core.config.GridClock;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.KeyBytes;
import dev.grid.core.impl.map.KeyDescriptions;
import dev.grid.core.impl.map.TxnWrite;
import dev.grid.core.impl.map.operations.ContainsKeyOperation;
import dev.grid.core.impl.map.operations.GetOperation;
import dev.grid.core.impl.map.operations.MapOperationFactory;
import dev.grid.core.impl.map.operations.TxnLockAndGetOperation;
import dev.grid.core.impl.map.operations.TxnLockResult;
import dev.grid.core.impl.map.operations.TxnRollbackOperation;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One GridMap inside one transaction, on the member where the transaction lives, working on
 * serialized keys and values: the member proxy and the client's message tasks both call it.
 *
 * <p>Reads of keys this transaction has not locked go to the owner and see committed values
 * (read-committed). Every write, and getForUpdate, first locks the key on its owner
 * ({@link TxnLockAndGetOperation}, which also returns the committed value), then keeps the write
 * here and in the transaction's log: others see it only when the transaction commits. A lock held by
 * another transaction is asked for again, with back-off, until this transaction's timeout (measured
 * with the member's {@link GridClock}, as the leases are).
 *
 * <p>Calls are serialized per instance: a transaction belongs to one thread (or one client).
 */
public final class TxnMapCore {
    private static final long MAX_BACKOFF_MILLIS = 20;

    private final String name;
    private final Transaction tx;
    private final NodeEngine nodeEngine;
    private final GridMapService service;
    private final IPartitionService partitions;
    private final OperationService operations;
    /** The keys this transaction locked, with their committed value at lock time and the pending write. */
    private final Map<KeyBytes, Held> held = new HashMap<>();

    TxnMapCore(String name, Transaction tx, NodeEngine nodeEngine, GridMapService service) {
        this.name = name;
        this.tx = tx;
        this.nodeEngine = nodeEngine;
        this.service = service;
        this.partitions = nodeEngine.getPartitionService();
        this.operations = nodeEngine.getOperationService();
    }

    public String name() {
        return name;
    }

    // ---- reads ----

    /** @return the value this transaction sees: its own write, else the committed value; null if absent */
    public synchronized Data get(Data key) {
        checkActive("get");
        Held h = held.get(new KeyBytes(key.toByteArray()));
        if (h != null) {
            return h.current();
        }
        return operations.<Data>createInvocationBuilder(GridMapService.SERVICE_NAME, new GetOperation(name, key),
                partitions.getPartitionId(key)).setResultDeserialized(false).<Data>invoke().joinInternal();
    }

    public synchronized Data getForUpdate(Data key) {
        checkActive("getForUpdate");
        return lock(key).current();
    }

    public synchronized boolean containsKey(Data key) {
        checkActive("containsKey");
        Held h = held.get(new KeyBytes(key.toByteArray()));
        if (h != null) {
            return h.current() != null;
        }
        return operations.<Boolean>invokeOnPartition(GridMapService.SERVICE_NAME, new ContainsKeyOperation(name, key),
                partitions.getPartitionId(key)).joinInternal();
    }

    /** @return the committed size plus this transaction's inserts minus its removals */
    public synchronized int size() {
        checkActive("size");
        long total;
        try {
            total = 0;
            for (Object partitionSize : operations.invokeOnAllPartitions(GridMapService.SERVICE_NAME,
                    new MapOperationFactory(name, MapOperationFactory.Kind.SIZE)).values()) {
                total += (Long) partitionSize;
            }
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new TransactionException("GridMap '" + name + "': size failed: " + e.getMessage(), e);
        }
        for (Held h : held.values()) {
            total += (h.current() != null ? 1 : 0) - (h.committed != null ? 1 : 0);
        }
        return (int) Math.max(0, Math.min(Integer.MAX_VALUE, total));
    }

    // ---- writes ----

    /** @return the previous value as this transaction saw it, or null */
    public synchronized Data put(Data key, Data value) {
        checkActive("put");
        checkValueSize(value);
        Held h = lock(key);
        Data previous = h.current();
        write(h, TxnWrite.PUT, value);
        return previous;
    }

    public synchronized void set(Data key, Data value) {
        checkActive("set");
        checkValueSize(value);
        write(lock(key), TxnWrite.PUT, value);
    }

    /** @return the current value if present (nothing written), else null after writing */
    public synchronized Data putIfAbsent(Data key, Data value) {
        checkActive("putIfAbsent");
        checkValueSize(value);
        Held h = lock(key);
        Data current = h.current();
        if (current == null) {
            write(h, TxnWrite.PUT, value);
        }
        return current;
    }

    /** @return the previous value if the key was present (and is now replaced), else null */
    public synchronized Data replace(Data key, Data value) {
        checkActive("replace");
        checkValueSize(value);
        Held h = lock(key);
        Data current = h.current();
        if (current != null) {
            write(h, TxnWrite.PUT, value);
        }
        return current;
    }

    public synchronized boolean replace(Data key, Data expected, Data value) {
        checkActive("replace");
        checkValueSize(value);
        Held h = lock(key);
        if (!sameBytes(h.current(), expected)) {
            return false;
        }
        write(h, TxnWrite.PUT, value);
        return true;
    }

    /** @return the removed value as this transaction saw it, or null */
    public synchronized Data remove(Data key) {
        checkActive("remove");
        Held h = lock(key);
        Data previous = h.current();
        if (previous != null) {
            write(h, TxnWrite.REMOVE, null);
        }
        return previous;
    }

    public synchronized boolean remove(Data key, Data expected) {
        checkActive("remove");
        Held h = lock(key);
        if (!sameBytes(h.current(), expected)) {
            return false;
        }
        write(h, TxnWrite.REMOVE, null);
        return true;
    }

    public synchronized void delete(Data key) {
        checkActive("delete");
        Held h = lock(key);
        if (h.current() != null) {
            write(h, TxnWrite.REMOVE, null);
        }
    }

    // ---- locking ----

    /**
     * Locks the key on its owner (unless this transaction already holds it), waiting with back-off
     * while another transaction holds it, up to this transaction's timeout.
     */
    private Held lock(Data key) {
        KeyBytes keyBytes = new KeyBytes(key.toByteArray());
        Held h = held.get(keyBytes);
        if (h != null) {
            return h;
        }
        int partitionId = partitions.getPartitionId(key);
        long timeoutMillis = tx.getTimeoutMillis();
        GridClock clock = service.clock();
        long start = clock.nanos();
        long deadline = start + TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        long backoffMillis = 1;
        while (true) {
            Operation lock = new TxnLockAndGetOperation(name, key, tx.getTxnId(), timeoutMillis);
            TxnLockResult result = operations.<TxnLockResult>invokeOnPartition(GridMapService.SERVICE_NAME, lock, partitionId)
                    .joinInternal();
            if (result.isAcquired()) {
                h = new Held(key, partitionId, result.value());
                addOrRelease(h, start);
                held.put(keyBytes, h);
                return h;
            }
            // The transaction may have ended while it waited (a transaction manager's timeout rolled it back, its
            // client disconnected): a lock taken now would belong to nobody and block the key until its lease ends.
            checkStillActive(key, start);
            long remainingNanos = deadline - clock.nanos();
            if (remainingNanos <= 0) {
                throw new TransactionTimedOutException("GridMap '" + name + "': key " + describe(key)
                        + " is locked by another transaction (" + result.holder() + "); transaction " + tx.getTxnId()
                        + " waited " + TimeUnit.NANOSECONDS.toMillis(clock.nanos() - start)
                        + " ms, its timeout, for the lock; nothing was written to the key");
            }
            long pause = Math.min(backoffMillis, Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(remainingNanos),
                    result.holderLeaseMillis() + 1)));
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TransactionException("GridMap '" + name + "': interrupted while waiting for the lock on key "
                        + describe(key), e);
            }
            backoffMillis = Math.min(backoffMillis * 2, MAX_BACKOFF_MILLIS);
        }
    }

    /**
     * Logs the lock at once, so that commit or rollback releases it even if nothing is written. If the transaction
     * ended while the lock was being taken, its rollback did not see this lock: release it here.
     */
    private void addOrRelease(Held h, long waitStart) {
        try {
            tx.add(record(h));
        } catch (RuntimeException e) {
            release(h);
            checkStillActive(h.key, waitStart); // names the map, the key and the wait, if that is why
            throw e;
        }
        if (tx.getState() != Transaction.State.ACTIVE) {
            release(h); // ended between the add and now; releasing a lock the rollback released too changes nothing
            checkStillActive(h.key, waitStart);
        }
    }

    private void release(Held h) {
        operations.invokeOnPartition(GridMapService.SERVICE_NAME, new TxnRollbackOperation(name, h.key, tx.getTxnId()), h.partitionId)
                .joinInternal();
    }

    private void checkStillActive(Data key, long waitStart) {
        Transaction.State state = tx.getState();
        if (state != Transaction.State.ACTIVE) {
            throw new TransactionNotActiveException("GridMap '" + name + "': transaction " + tx.getTxnId() + " became "
                    + state + " while it waited " + TimeUnit.NANOSECONDS.toMillis(service.clock().nanos() - waitStart)
                    + " ms for the lock on key " + describe(key) + "; the key was not locked for it");
        }
    }

    private void write(Held h, TxnWrite write, Data value) {
        h.write = write;
        h.value = value;
        tx.add(record(h));
    }

    private GridMapTxnLogRecord record(Held h) {
        return new GridMapTxnLogRecord(name, h.partitionId, h.key, tx.getTxnId(), h.write, h.value, tx.getTimeoutMillis());
    }

    // ---- checks ----

    private void checkActive(String call) {
        Transaction.State state = tx.getState();
        if (state != Transaction.State.ACTIVE) {
            throw new TransactionNotActiveException("GridMap '" + name + "': cannot " + call + ": transaction "
                    + tx.getTxnId() + " is " + state + ", not active; a TransactionalGridMap is usable only until "
                    + "its transaction commits or rolls back");
        }
    }

    private void checkValueSize(Data value) {
        int max = service.container(name).config().getMaxValueSize();
        int size = value.totalSize();
        if (size > max) {
            throw new IllegalArgumentException("GridMap '" + name + "': a value of " + size
                    + " bytes (serialized) is larger than grid.maps." + name + ".maxValueSize = " + max
                    + " bytes; nothing was written");
        }
    }

    private static boolean sameBytes(Data current, Data expected) {
        return current != null && Arrays.equals(current.toByteArray(), expected.toByteArray());
    }

    private String describe(Data key) {
        String text;
        try {
            Object object = nodeEngine.toObject(key);
            text = String.valueOf(object);
        } catch (RuntimeException e) {
            return "(" + key.totalSize() + " serialized bytes)";
        }
        return KeyDescriptions.describe(text);
    }

    /** A key this transaction locked. */
    private static final class Held {
        final Data key;
        final int partitionId;
        /** The committed value's bytes when the lock was taken (stable while the lock is held), or null. */
        final byte[] committed;
        TxnWrite write = TxnWrite.LOCK_ONLY;
        Data value;

        Held(Data key, int partitionId, byte[] committed) {
            this.key = key;
            this.partitionId = partitionId;
            this.committed = committed;
        }

        /** @return the value as this transaction sees it */
        Data current() {
            switch (write) {
                case PUT:
                    return value;
                case REMOVE:
                    return null;
                default:
                    return committed == null ? null : new HeapData(committed);
            }
        }
    }
}
