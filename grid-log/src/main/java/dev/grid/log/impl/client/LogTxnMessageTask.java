package dev.grid.log.impl.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.task.AbstractTransactionalMessageTask;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionException;
import com.hazelcast.transaction.TransactionNotActiveException;
import dev.grid.log.TransactionalGridLog;
import dev.grid.log.impl.GridLogService;

import java.security.Permission;

/**
 * One call of a client's transactional log. Like Hazelcast's own transactional tasks it finds the client's transaction
 * by id among the client endpoint's transaction contexts (a {@code TransactionContext} or an XA branch's) and calls the
 * member-side view that context keeps, so the transaction's records live where the transaction lives.
 */
final class LogTxnMessageTask extends AbstractTransactionalMessageTask<TxnLogCall> {

    LogTxnMessageTask(ClientMessage message, Node node, Connection connection) {
        super(message, node, connection);
    }

    @Override
    protected TxnLogCall decodeClientMessage(ClientMessage message) {
        Object call = serializationService.toObject(LogCodec.decodeRequest(message));
        if (!(call instanceof TxnLogCall txnCall)) {
            throw new IllegalArgumentException("a grid-log transactional request carries " + (call == null ? "nothing"
                    : call.getClass().getName()) + ", not a transactional call; nothing was run");
        }
        return txnCall;
    }

    @Override
    protected Object innerCall() {
        TransactionContext context;
        try {
            context = endpoint.getTransactionContext(parameters.txnId);
        } catch (TransactionException e) {
            throw new TransactionNotActiveException("grid-log: no active transaction " + parameters.txnId + " of this client on member "
                    + nodeEngine.getThisAddress() + " (it committed, rolled back or timed out): " + e.getMessage());
        }
        TransactionalGridLog log = context.getTransactionalObject(TransactionalGridLog.SERVICE_NAME, TransactionalGridLog.OBJECT_NAME);
        if (parameters.record != null) {
            return log.send(parameters.record).partition();
        }
        log.commitOffsets(parameters.group, parameters.memberId, parameters.offsets);
        return null;
    }

    @Override
    protected long getClientThreadId() {
        return parameters.txnId == null ? 0 : parameters.txnId.getLeastSignificantBits();
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        return LogCodec.encodeResponse(LogMessageType.TXN, serializationService.toData(response));
    }

    @Override
    public String getServiceName() {
        return GridLogService.SERVICE_NAME;
    }

    @Override
    public Permission getRequiredPermission() {
        return null;
    }

    @Override
    public String getDistributedObjectName() {
        return TransactionalGridLog.OBJECT_NAME;
    }

    @Override
    public String getMethodName() {
        return parameters == null || parameters.record != null ? "send" : "commitOffsets";
    }

    @Override
    public Object[] getParameters() {
        return new Object[0];
    }
}
