package dev.grid.core.tx;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.transaction.HazelcastXAResource;
import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionOptions;
import com.hazelcast.transaction.TransactionOptions.TransactionType;
import dev.grid.core.TransactionalGridMap;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.nio.ByteBuffer;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The three ways a GridMap joins a transaction, each driven by hand: Hazelcast's
 * {@code TransactionContext} in ONE_PHASE and TWO_PHASE, and an XA branch of Hazelcast's
 * {@link HazelcastXAResource} (start, end, prepare, commit: what a transaction manager does).
 */
enum TxnKind {
    ONE_PHASE, TWO_PHASE, XA;

    /** A transaction begun on the instance (member or client) by the calling thread. */
    interface Txn {
        TransactionContext context();

        default <K, V> TransactionalGridMap<K, V> map(String name) {
            return TransactionalGridMap.in(context(), name);
        }

        void commit();

        void rollback();
    }

    Txn begin(HazelcastInstance hz, int timeoutSeconds) {
        if (this == XA) {
            return new XaTxn(hz.getXAResource(), timeoutSeconds);
        }
        TransactionContext context = hz.newTransactionContext(new TransactionOptions()
                .setTransactionType(this == ONE_PHASE ? TransactionType.ONE_PHASE : TransactionType.TWO_PHASE)
                .setTimeout(timeoutSeconds, TimeUnit.SECONDS));
        context.beginTransaction();
        return new Txn() {
            @Override
            public TransactionContext context() {
                return context;
            }

            @Override
            public void commit() {
                context.commitTransaction();
            }

            @Override
            public void rollback() {
                context.rollbackTransaction();
            }
        };
    }

    /** A fresh XA branch id (format 4242, random global id). */
    static Xid newXid() {
        byte[] global = ByteBuffer.allocate(16).putLong(UUID.randomUUID().getMostSignificantBits())
                .putLong(UUID.randomUUID().getLeastSignificantBits()).array();
        return new TestXid(4242, global, new byte[] {1});
    }

    /** An XA branch on the calling thread. */
    static final class XaTxn implements Txn {
        private final HazelcastXAResource xa;
        private final Xid xid = newXid();

        XaTxn(HazelcastXAResource xa, int timeoutSeconds) {
            this.xa = xa;
            try {
                xa.setTransactionTimeout(timeoutSeconds);
                xa.start(xid, XAResource.TMNOFLAGS);
            } catch (XAException e) {
                throw new IllegalStateException("XA start failed: error code " + e.errorCode, e);
            }
        }

        Xid xid() {
            return xid;
        }

        @Override
        public TransactionContext context() {
            return xa.getTransactionContext();
        }

        /** Ends the branch and prepares it, without committing. */
        void endAndPrepare() throws XAException {
            xa.end(xid, XAResource.TMSUCCESS);
            xa.prepare(xid);
        }

        @Override
        public void commit() {
            try {
                endAndPrepare();
                xa.commit(xid, false);
            } catch (XAException e) {
                throw new IllegalStateException("XA commit failed: error code " + e.errorCode, e);
            }
        }

        @Override
        public void rollback() {
            try {
                xa.end(xid, XAResource.TMFAIL);
                xa.rollback(xid);
            } catch (XAException e) {
                throw new IllegalStateException("XA rollback failed: error code " + e.errorCode, e);
            }
        }
    }

    /** A plain Xid. */
    static final class TestXid implements Xid {
        private final int formatId;
        private final byte[] global;
        private final byte[] branch;

        TestXid(int formatId, byte[] global, byte[] branch) {
            this.formatId = formatId;
            this.global = global;
            this.branch = branch;
        }

        @Override
        public int getFormatId() {
            return formatId;
        }

        @Override
        public byte[] getGlobalTransactionId() {
            return global.clone();
        }

        @Override
        public byte[] getBranchQualifier() {
            return branch.clone();
        }
    }
}
