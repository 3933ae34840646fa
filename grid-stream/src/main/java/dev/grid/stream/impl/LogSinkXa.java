package dev.grid.stream.impl;

import com.hazelcast.jet.JetException;
import com.hazelcast.logging.ILogger;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The log sink's prepared transactions as the cluster's XA service keeps them: commit or roll back by id from any
 * member ({@code XAResource.commit/rollback} of a branch this member did not start go to the owner of the id's
 * cluster partition, which keeps the prepared branch, with one backup, and writes the log's markers), and list the
 * prepared ones ({@code recover}, asked of every member).
 */
final class LogSinkXa {
    private final XAResource xa;
    private final ILogger logger;
    private final String topic;

    LogSinkXa(XAResource xa, ILogger logger, String topic) {
        this.xa = xa;
        this.logger = logger;
        this.topic = topic;
    }

    /**
     * Commits a prepared transaction. One the XA service does not know was committed already (phase 2 of the snapshot
     * it belongs to, before a restart), which is the usual case when a snapshot's ids are restored.
     *
     * @throws JetException              if the transaction timed out before its commit (its records are aborted: lost)
     * @throws com.hazelcast.jet.RestartableException for any other failure (a member left): the job restarts and commits
     *                                   it again from its snapshot
     */
    void commit(LogSinkTxnId id) {
        try {
            xa.commit(id, false);
        } catch (XAException e) {
            if (e.errorCode == XAException.XAER_NOTA) {
                logger.fine("log sink of topic '" + topic + "': " + id + " is not prepared any more (committed before)");
                return;
            }
            throw commitFailure(id, e);
        } catch (RuntimeException e) {
            throw commitFailure(id, e);
        }
    }

    private RuntimeException commitFailure(LogSinkTxnId id, Exception e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof XAException xa && xa.errorCode >= XAException.XA_RBBASE && xa.errorCode <= XAException.XA_RBEND) {
                return new JetException("log sink of topic '" + topic + "': " + id + " was rolled back before its commit (XA error "
                        + xa.errorCode + ", the transaction timed out?): its records are lost; give the sink a transaction timeout "
                        + "above the snapshot interval plus the time a restart takes", e);
            }
        }
        return StreamErrors.failure("log sink of topic '" + topic + "': committing " + id, e);
    }

    /**
     * Rolls back a prepared transaction; one that is not (or no longer) prepared is ignored.
     *
     * @param why why it is rolled back, for the log
     */
    void rollback(LogSinkTxnId id, String why) {
        try {
            xa.rollback(id);
            logger.info("log sink of topic '" + topic + "': rolled back " + id + ": " + why);
        } catch (XAException e) {
            if (e.errorCode != XAException.XAER_NOTA) {
                throw StreamErrors.failure("log sink of topic '" + topic + "': rolling back " + id + " (XA error " + e.errorCode + ")", e);
            }
        }
    }

    /** @return the prepared sink transactions of the cluster that match */
    List<LogSinkTxnId> prepared(Predicate<LogSinkTxnId> filter) {
        Xid[] xids;
        try {
            xids = xa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        } catch (XAException e) {
            throw StreamErrors.failure("log sink of topic '" + topic + "': listing prepared transactions (XA error " + e.errorCode + ")", e);
        }
        List<LogSinkTxnId> found = new ArrayList<>();
        for (Xid xid : xids) {
            LogSinkTxnId.parse(xid).filter(filter).ifPresent(found::add);
        }
        return found;
    }
}
