package dev.grid.txn;

/**
 * Work that runs inside a transaction: {@link GridTransactions#required(TransactionalWork)} commits when it
 * returns and rolls back when it throws (and rethrows what it threw, checked exceptions included).
 *
 * @param <T> what the work returns
 * @param <E> what the work may throw
 * @since 0.1
 */
@FunctionalInterface
public interface TransactionalWork<T, E extends Exception> {

    /**
     * @param scope the transaction's resources (grid structures, database connections); valid on this thread,
     *              until the work returns
     * @return the work's result, returned by {@code required}/{@code requiresNew} once the transaction committed
     * @throws E the work's failure: the transaction rolls back
     */
    T run(TransactionScope scope) throws E;
}
