package dev.grid.txn;

import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.GridMember;
import dev.grid.core.test.TestClusters;
import dev.grid.txn.test.GridMapLocks;
import dev.grid.txn.test.H2Databases;
import dev.grid.txn.test.TestXAResource;
import dev.grid.txn.test.TxnTestConfig;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.io.Serial;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Narayana transaction over GridMap and H2 on a 3-member cluster (synchronous backup count 1) whose GridMap key
 * owner is terminated between prepare and commit: a test resource enlisted last terminates the owner when asked to
 * prepare (the grid and H2 have prepared by then). The prepared lock and pending write live on the backup too, so
 * the commit completes on the promoted backup: the value is there and the lock is released.
 */
@Timeout(180)
class TxnGridMapFailoverTest {
    private static final String MAP = "balances";
    private final List<Grid> members = new ArrayList<>();
    private GridTransactions txns;

    @AfterEach
    void stop() {
        if (txns != null) {
            txns.close();
        }
        members.forEach(m -> m.hazelcast().getLifecycleService().terminate());
    }

    private static void awaitSafe(Grid member, int size) {
        await().atMost(Duration.ofSeconds(90)).until(() -> member.members().size() == size
                && member.hazelcast().getPartitionService().isClusterSafe()
                && member.partitions().distribution().unassigned() == 0);
    }

    private static String keyOwnedBy(Grid view, Grid owner, String prefix) {
        GridMember target = owner.localMember().orElseThrow();
        for (int i = 0; i < 100_000; i++) {
            String key = prefix + i;
            if (view.partitions().ownerOfKey(key).filter(target::equals).isPresent()) {
                return key;
            }
        }
        throw new IllegalStateException("no key owned by " + target);
    }

    @Test
    void theGridMapKeyOwnerTerminatedBetweenPrepareAndCommitCommitsOnThePromotedBackup() throws Exception {
        TestClusters cluster = TestClusters.of(3, 31);
        for (int i = 0; i < 3; i++) {
            members.add(cluster.startMember());
        }
        Grid coordinator = members.get(0); // runs the transaction manager's grid branch
        Grid victim = members.get(1);
        Grid survivor = members.get(2);
        awaitSafe(coordinator, 3);
        JdbcDataSource h2 = H2Databases.newDatabase();
        txns = GridTransactions.start(coordinator, TxnTestConfig.forThisJvm().addDataSource("h2", h2));

        GridMember victimMember = victim.localMember().orElseThrow();
        String moving = keyOwnedBy(coordinator, victim, "moving-");
        String staying = keyOwnedBy(coordinator, survivor, "staying-");
        GridMap<String, String> outside = survivor.map(MAP);
        outside.set(moving, "before");
        outside.set(staying, "before");

        AtomicBoolean lockedAfterFailover = new AtomicBoolean();
        TerminateOnPrepare terminateOwner = new TerminateOnPrepare(() -> {
            members.remove(victim);
            victim.hazelcast().getLifecycleService().terminate();
            awaitSafe(coordinator, 2);
            // the prepared branch's lock moved to the promoted backup with the pending write
            lockedAfterFailover.set(!GridMapLocks.lockable(survivor, MAP, moving));
        });
        txns.required(scope -> {
            scope.<String, String>gridMap(MAP).put(moving, "after");
            scope.<String, String>gridMap(MAP).put(staying, "after");
            try (PreparedStatement insert = scope.connection("h2").prepareStatement("insert into accounts values (?, 1)")) {
                insert.setString(1, moving);
                insert.executeUpdate();
            }
            scope.enlist("terminates-owner", terminateOwner); // last: asked to prepare after the grid and H2 prepared
            return null;
        });

        assertTrue(terminateOwner.prepared.get(), "the owner was terminated between prepare and commit");
        assertTrue(lockedAfterFailover.get(), "the prepared lock survived the owner on its backup");
        assertNotEquals(victimMember, coordinator.partitions().ownerOfKey(moving).orElseThrow(), "the key has a new owner");
        assertEquals("after", outside.get(moving), "committed on the promoted backup");
        assertEquals("after", outside.get(staying));
        assertEquals(1, H2Databases.balance(h2, moving));
        assertTrue(GridMapLocks.lockable(survivor, MAP, moving), "commit released the lock on the new owner");
        assertTrue(GridMapLocks.lockable(survivor, MAP, staying));
        assertEquals(0, coordinator.hazelcast().getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN).length);
        assertFalse(txns.inFlight().stream().findAny().isPresent());
    }

    /** Runs an action when asked to prepare (after the resources enlisted before it prepared), then votes yes. */
    private static final class TerminateOnPrepare extends TestXAResource {
        @Serial
        private static final long serialVersionUID = 1L;
        final AtomicBoolean prepared = new AtomicBoolean();
        private final transient Runnable action;

        TerminateOnPrepare(Runnable action) {
            this.action = action;
        }

        @Override
        public int prepare(Xid xid) {
            action.run();
            prepared.set(true);
            return XA_OK;
        }
    }
}
