package dev.grid.log.impl.client;

import com.hazelcast.client.impl.protocol.ClientMessage;
import com.hazelcast.client.impl.spi.ClientTransactionContext;
import com.hazelcast.client.impl.spi.impl.ClientInvocation;
import dev.grid.log.ProducerRecord;
import dev.grid.log.TopicPartition;
import dev.grid.log.TransactionalGridLog;

import java.util.Map;
import java.util.Objects;

/**
 * The log inside a client's transaction (a {@code TransactionContext} or a client XA branch). Hazelcast's client-side
 * context only creates proxies of Hazelcast's own structures, so this one sends grid-log's transactional calls itself,
 * over the connection the transaction lives on, to the member running the transaction, whose view gathers the records
 * and offsets; prepare, commit and rollback then run there as for a member's transaction.
 */
public final class ClientTransactionalGridLogProxy implements TransactionalGridLog {
    private final ClientTransactionContext context;

    public ClientTransactionalGridLogProxy(ClientTransactionContext context) {
        this.context = context;
    }

    @Override
    public String getName() {
        return OBJECT_NAME;
    }

    @Override
    public String getServiceName() {
        return SERVICE_NAME;
    }

    @Override
    public String getPartitionKey() {
        return OBJECT_NAME;
    }

    /** Nothing to destroy: the view lives as long as its transaction. */
    @Override
    public void destroy() {
    }

    private Object call(TxnLogCall call) {
        var client = context.getClient();
        ClientMessage request = LogCodec.encodeRequest(LogMessageType.TXN, -1, client.getSerializationService().toData(call), false);
        ClientMessage response;
        try {
            response = new ClientInvocation(client, request, OBJECT_NAME, context.getConnection()).invoke().joinInternal();
        } catch (RuntimeException e) {
            Throwable cause = ClientLogInvoker.memberException(e);
            throw cause instanceof RuntimeException runtime ? runtime : e;
        }
        return client.getSerializationService().toObject(LogCodec.decodeResponse(response));
    }

    @Override
    public TopicPartition send(ProducerRecord record) {
        Objects.requireNonNull(record, "a transactional send needs a record, got null");
        int partition = (Integer) call(TxnLogCall.send(context.getTxnId(), record));
        return new TopicPartition(record.topic(), partition);
    }

    @Override
    public void commitOffsets(String group, String memberId, Map<TopicPartition, Long> offsets) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(memberId, "a transactional offset commit needs the consumer's member id, got null");
        Objects.requireNonNull(offsets, "offsets");
        call(TxnLogCall.commitOffsets(context.getTxnId(), group, memberId, offsets));
    }

    @Override
    public String toString() {
        return "TransactionalGridLog[client txn " + context.getTxnId() + "]";
    }
}
