package dev.grid.txn.test;

import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionOptions;
import com.hazelcast.transaction.TransactionTimedOutException;
import dev.grid.core.Grid;
import dev.grid.core.TransactionalGridMap;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Whether another transaction can lock a GridMap key now: a ONE_PHASE transaction with a 1 s timeout tries it. */
public final class GridMapLocks {
    private GridMapLocks() {
    }

    /**
     * Runs on another thread (Hazelcast transactions and Narayana's are per thread), so it also works while the
     * calling thread is inside a transaction.
     *
     * @return true if a new transaction locked the key within 1 s (it then rolls back), false if it timed out
     */
    public static boolean lockable(Grid from, String map, String key) {
        try {
            return CompletableFuture.supplyAsync(() -> {
                TransactionContext context = from.hazelcast().newTransactionContext(new TransactionOptions()
                        .setTransactionType(TransactionOptions.TransactionType.ONE_PHASE).setTimeout(1, TimeUnit.SECONDS));
                context.beginTransaction();
                try {
                    TransactionalGridMap.in(context, map).getForUpdate(key);
                    return true;
                } catch (TransactionTimedOutException e) {
                    return false;
                } finally {
                    context.rollbackTransaction();
                }
            }).get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("probing the lock of GridMap '" + map + "' key " + key + " failed", e);
        }
    }
}
