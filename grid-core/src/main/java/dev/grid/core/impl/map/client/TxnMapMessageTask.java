package dev.grid.core.impl.map.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.protocol.task.AbstractTransactionalMessageTask;
import com.hazelcast.instance.impl.Node;
import com.hazelcast.internal.nio.Connection;
import com.hazelcast.internal.serialization.Data;
import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionException;
import com.hazelcast.transaction.TransactionNotActiveException;
import dev.grid.core.config.StructureNames;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.tx.TransactionalGridMapProxy;
import dev.grid.core.impl.map.tx.TxnArguments;
import dev.grid.core.impl.map.tx.TxnMapCore;

import java.security.Permission;

/**
 * One call of a client's transactional GridMap view. Like Hazelcast's own transactional tasks, it
 * runs on the member's blocking client executor (a lock wait may last up to the transaction's
 * timeout), finds the client's transaction by id among the client endpoint's transaction contexts
 * (a {@code TransactionContext} or an XA branch's), and calls the member-side view the context
 * keeps for the map, so the transaction's own writes and locks live where the transaction lives.
 */
final class TxnMapMessageTask extends AbstractTransactionalMessageTask<GridMapCodecs.TxnRequest> {
    private final GridMapMessageType type;

    TxnMapMessageTask(GridMapMessageType type, ClientMessage message, Node node, Connection connection) {
        super(message, node, connection);
        this.type = type;
    }

    @Override
    protected GridMapCodecs.TxnRequest decodeClientMessage(ClientMessage message) {
        return GridMapCodecs.decodeTxnRequest(message);
    }

    private TxnMapCore core() {
        StructureNames.check("GridMap name", parameters.name);
        TransactionContext context;
        try {
            context = endpoint.getTransactionContext(parameters.txnId);
        } catch (TransactionException e) {
            throw new TransactionNotActiveException("GridMap '" + parameters.name + "': no active transaction "
                    + parameters.txnId + " of this client on member " + nodeEngine.getThisAddress()
                    + " (it committed, rolled back or timed out): " + e.getMessage());
        }
        TransactionalGridMapProxy<?, ?> proxy = (TransactionalGridMapProxy<?, ?>) context.getTransactionalObject(
                GridMapService.SERVICE_NAME, parameters.name);
        return proxy.core();
    }

    private Data key() {
        return TxnArguments.requireKey(parameters.name, parameters.key, type.methodName());
    }

    private Data value() {
        return TxnArguments.requireValue(parameters.name, parameters.value, "value", type.methodName());
    }

    private Data expected() {
        return TxnArguments.requireValue(parameters.name, parameters.expected, "expected value", type.methodName());
    }

    @Override
    protected Object innerCall() {
        TxnMapCore core = core();
        switch (type) {
            case TXN_GET:
                return core.get(key());
            case TXN_GET_FOR_UPDATE:
                return core.getForUpdate(key());
            case TXN_PUT:
                return core.put(key(), value());
            case TXN_SET:
                core.set(key(), value());
                return null;
            case TXN_PUT_IF_ABSENT:
                return core.putIfAbsent(key(), value());
            case TXN_REPLACE:
                return core.replace(key(), value());
            case TXN_REPLACE_IF_SAME:
                return core.replace(key(), expected(), value());
            case TXN_REMOVE:
                return core.remove(key());
            case TXN_REMOVE_IF_SAME:
                return core.remove(key(), expected());
            case TXN_DELETE:
                core.delete(key());
                return null;
            case TXN_CONTAINS_KEY:
                return core.containsKey(key());
            case TXN_SIZE:
                return (long) core.size();
            default:
                throw new IllegalStateException("not a transactional GridMap call: " + type.operationName());
        }
    }

    @Override
    protected ClientMessage encodeResponse(Object response) {
        switch (type) {
            case TXN_REPLACE_IF_SAME:
            case TXN_REMOVE_IF_SAME:
            case TXN_CONTAINS_KEY:
                return GridMapCodecs.encodeBooleanResponse(type, (Boolean) response);
            case TXN_SIZE:
                return GridMapCodecs.encodeLongResponse(type, (Long) response);
            case TXN_SET:
            case TXN_DELETE:
                return GridMapCodecs.encodeVoidResponse(type);
            default:
                return GridMapCodecs.encodeDataResponse(type, (Data) response);
        }
    }

    /** The transaction's id stands in for a thread id: grid's locks belong to transactions, not threads. */
    @Override
    protected long getClientThreadId() {
        return parameters.txnId == null ? 0 : parameters.txnId.getLeastSignificantBits();
    }

    @Override
    public String getServiceName() {
        return GridMapService.SERVICE_NAME;
    }

    /** No permission: Hazelcast consults it only with Enterprise security, which grid does not use. */
    @Override
    public Permission getRequiredPermission() {
        return null;
    }

    @Override
    public String getDistributedObjectName() {
        return parameters.name;
    }

    @Override
    public String getMethodName() {
        return type.methodName();
    }

    @Override
    public Object[] getParameters() {
        return new Object[] {parameters.txnId, parameters.key, parameters.value, parameters.expected};
    }
}
