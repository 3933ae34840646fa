package dev.grid.txn.impl;

import dev.grid.core.Grid;
import dev.grid.txn.GridTransactions;
import dev.grid.txn.GridTxnConfig;

/** grid-txn's {@link GridTransactions.Provider}, registered in {@code META-INF/services}. */
public final class DefaultGridTransactionsProvider implements GridTransactions.Provider {
    @Override
    public GridTransactions start(Grid grid, GridTxnConfig config) {
        return DefaultGridTransactions.start(grid, config);
    }
}
