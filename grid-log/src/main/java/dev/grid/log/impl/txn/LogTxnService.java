package dev.grid.log.impl.txn;

import com.hazelcast.core.DistributedObject;
import com.hazelcast.internal.services.RemoteService;
import com.hazelcast.internal.services.TransactionalService;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.transaction.TransactionalObject;
import com.hazelcast.transaction.impl.Transaction;
import dev.grid.log.TransactionalGridLog;
import dev.grid.log.impl.GridLogService;

import java.util.UUID;

/**
 * The Hazelcast service behind {@link TransactionalGridLog#in}: a {@code TransactionContext} (of a transaction or of a
 * member's XA branch) asks it for the transaction's {@link TransactionalGridLogProxy}. Hazelcast also registers the
 * object's name as a distributed object of this service (so {@code getDistributedObjects()} lists one
 * {@code grid:logTxnService/grid-log}); it holds nothing. A service of its own, so that the log's service stays out
 * of Hazelcast's proxy registry.
 */
public final class LogTxnService implements RemoteService, TransactionalService {
    public static final String SERVICE_NAME = TransactionalGridLog.SERVICE_NAME;

    private final NodeEngine nodeEngine;

    public LogTxnService(NodeEngine nodeEngine) {
        this.nodeEngine = nodeEngine;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T extends TransactionalObject> T createTransactionalObject(String name, Transaction transaction) {
        GridLogService log = nodeEngine.getService(GridLogService.SERVICE_NAME);
        return (T) new TransactionalGridLogProxy(name, nodeEngine, log, transaction);
    }

    @Override
    public void rollbackTransaction(UUID transactionId) {
        // nothing is kept per transaction beyond the partitions' records, which the rollback operations abort
    }

    @Override
    public DistributedObject createDistributedObject(String objectName, UUID source, boolean local) {
        return new DistributedObject() {
            @Override
            public String getPartitionKey() {
                return objectName;
            }

            @Override
            public String getName() {
                return objectName;
            }

            @Override
            public String getServiceName() {
                return SERVICE_NAME;
            }

            @Override
            public void destroy() {
            }
        };
    }

    @Override
    public void destroyDistributedObject(String objectName, boolean local) {
    }
}
