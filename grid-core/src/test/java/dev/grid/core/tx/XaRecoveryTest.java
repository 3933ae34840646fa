package dev.grid.core.tx;

import com.hazelcast.transaction.HazelcastXAResource;
import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionOptions;
import com.hazelcast.transaction.TransactionTimedOutException;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.TransactionalGridMap;
import dev.grid.core.test.GridCluster;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Arrays;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * XA recovery by hand, as a transaction manager does it after a crash: a branch prepared through one
 * XA resource (a member's or a client's) is found by {@code recover} on another member's resource and
 * committed or rolled back from there. Until then its keys stay locked and its writes invisible.
 */
class XaRecoveryTest {
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3).withClient();

    private static String newMapName() {
        return "xa-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Prepares a branch that writes key → value through the grid's XA resource; @return its xid */
    private static Xid prepareBranch(Grid from, String map, String key, String value) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            TxnKind.XaTxn branch = new TxnKind.XaTxn(from.hazelcast().getXAResource(), 60);
            TransactionalGridMap<String, String> txMap = branch.map(map);
            txMap.put(key, value);
            try {
                branch.endAndPrepare();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return branch.xid();
        }).get(60, TimeUnit.SECONDS);
    }

    private static boolean contains(Xid[] xids, Xid xid) {
        for (Xid candidate : xids) {
            if (candidate.getFormatId() == xid.getFormatId()
                    && Arrays.equals(candidate.getGlobalTransactionId(), xid.getGlobalTransactionId())
                    && Arrays.equals(candidate.getBranchQualifier(), xid.getBranchQualifier())) {
                return true;
            }
        }
        return false;
    }

    private static boolean lockable(Grid from, String map, String key) throws Exception {
        return CompletableFuture.supplyAsync(() -> {
            TransactionContext context = from.hazelcast().newTransactionContext(new TransactionOptions()
                    .setTransactionType(TransactionOptions.TransactionType.ONE_PHASE).setTimeout(1, TimeUnit.SECONDS));
            context.beginTransaction();
            try {
                TransactionalGridMap.in(context, map).getForUpdate(key);
                return true;
            } catch (TransactionTimedOutException e) {
                return false;
            } finally {
                context.rollbackTransaction();
            }
        }).get(60, TimeUnit.SECONDS);
    }

    private void recoverAndFinish(Grid preparer, boolean commit) throws Exception {
        String map = newMapName();
        GridMap<String, String> outside = CLUSTER.member(2).map(map);
        outside.set("k", "before");
        Xid xid = prepareBranch(preparer, map, "k", "prepared");

        HazelcastXAResource recovery = CLUSTER.member(1).hazelcast().getXAResource();
        Xid[] inDoubt = recovery.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN);
        assertTrue(contains(inDoubt, xid), "recover lists the prepared branch");
        assertEquals("before", outside.get("k"), "a prepared write is invisible");
        assertTrue(!lockable(CLUSTER.member(2), map, "k"), "a prepared branch keeps its lock");

        if (commit) {
            recovery.commit(xid, false);
            assertEquals("prepared", outside.get("k"));
        } else {
            recovery.rollback(xid);
            assertEquals("before", outside.get("k"));
        }
        assertTrue(lockable(CLUSTER.member(2), map, "k"), "the lock is released");
        // The xid's owner answers before the backup replica has dropped its copy, and recover() asks every
        // replica: the branch leaves the in-doubt list shortly after the commit returns.
        await("branch no longer in doubt").atMost(Duration.ofSeconds(10))
                .until(() -> !contains(recovery.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN), xid));
        outside.destroy();
    }

    @Test
    void aBranchPreparedOnAMemberIsCommittedByRecoveryFromAnotherMember() throws Exception {
        recoverAndFinish(CLUSTER.member(0), true);
    }

    @Test
    void aBranchPreparedOnAMemberIsRolledBackByRecoveryFromAnotherMember() throws Exception {
        recoverAndFinish(CLUSTER.member(0), false);
    }

    @Test
    void aBranchPreparedThroughAClientIsCommittedByRecoveryFromAMember() throws Exception {
        recoverAndFinish(CLUSTER.client(), true);
    }

    @Test
    void aBranchThatOnlyEndedIsNotInDoubtAndItsRollbackFreesTheKey() throws Exception {
        String map = newMapName();
        GridMap<String, String> outside = CLUSTER.member(2).map(map);
        HazelcastXAResource xa = CLUSTER.member(0).hazelcast().getXAResource();
        Xid xid = TxnKind.newXid();
        CompletableFuture.runAsync(() -> {
            try {
                xa.start(xid, XAResource.TMNOFLAGS);
                TransactionalGridMap.<String, String>in(xa.getTransactionContext(), map).set("k", "never");
                xa.end(xid, XAResource.TMSUCCESS);
                assertTrue(!contains(xa.recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN), xid));
                xa.rollback(xid);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).get(60, TimeUnit.SECONDS);
        assertNull(outside.get("k"));
        assertTrue(lockable(CLUSTER.member(2), map, "k"));
        outside.destroy();
    }
}
