package dev.grid.stream.impl;

import com.hazelcast.internal.services.TransactionalService;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.transaction.impl.xa.XATransaction;
import dev.grid.log.ProducerRecord;
import dev.grid.log.TransactionalGridLog;

/**
 * One open transaction of the log sink: an XA branch of Hazelcast's ({@link XATransaction}) with the sink's own id
 * and timeout, and grid-log's transactional log in it. Records sent are gathered on this member; {@link #prepare}
 * stores them in their partitions (marked, invisible to {@code READ_COMMITTED} readers) and records the prepared branch
 * with the XA service on the cluster partition of its id, from where any member can commit or roll it back by id
 * ({@link LogSinkXa}), also after this member is gone.
 *
 * <p>The branch is made here rather than through {@code HazelcastInstance.getXAResource().start(xid)}: the XA
 * resource is one per member, with one timeout for all its users and branches bound to threads, and this sink needs its
 * own timeout.
 */
final class LogSinkTransaction {
    private final LogSinkTxnId id;
    private final XATransaction transaction;
    private final TransactionalGridLog log;
    private long bytes;

    private LogSinkTransaction(LogSinkTxnId id, XATransaction transaction, TransactionalGridLog log) {
        this.id = id;
        this.transaction = transaction;
        this.log = log;
    }

    static LogSinkTransaction begin(NodeEngine nodeEngine, LogSinkTxnId id, int timeoutSeconds) {
        XATransaction transaction = new XATransaction(nodeEngine, id, null, timeoutSeconds, false);
        transaction.begin();
        TransactionalService service = nodeEngine.getService(TransactionalGridLog.SERVICE_NAME);
        TransactionalGridLog log = service.createTransactionalObject(TransactionalGridLog.OBJECT_NAME, transaction);
        return new LogSinkTransaction(id, transaction, log);
    }

    LogSinkTxnId id() {
        return id;
    }

    void send(ProducerRecord record) {
        log.send(record);
        bytes += (record.key() == null ? 0 : record.key().length) + (record.value() == null ? 0 : record.value().length);
    }

    /** @return about how many bytes of keys and values were sent */
    long bytes() {
        return bytes;
    }

    /** Stores the records in their partitions and the prepared branch with the XA service; after this only its id matters. */
    void prepare() {
        transaction.prepare();
    }

    /** Rolls back a transaction that was not prepared (nothing of it is stored, unless a prepare failed half way). */
    void rollback() {
        transaction.rollback();
    }
}
