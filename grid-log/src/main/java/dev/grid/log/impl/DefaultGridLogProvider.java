package dev.grid.log.impl;

import com.hazelcast.client.impl.spi.ClientTransactionContext;
import com.hazelcast.transaction.TransactionContext;
import dev.grid.log.TransactionalGridLog;
import dev.grid.log.impl.client.ClientTransactionalGridLogProxy;
import dev.grid.core.Grid;
import dev.grid.log.GridLog;

/** grid-log's {@link GridLog.Provider}, registered in {@code META-INF/services}. */
public final class DefaultGridLogProvider implements GridLog.Provider {
    @Override
    public GridLog log(Grid grid) {
        return DefaultGridLog.of(grid);
    }

    @Override
    public TransactionalGridLog transactional(TransactionContext context) {
        if (context instanceof ClientTransactionContext client) {
            return new ClientTransactionalGridLogProxy(client);
        }
        return context.getTransactionalObject(TransactionalGridLog.SERVICE_NAME, TransactionalGridLog.OBJECT_NAME);
    }
}
