package dev.grid.core.tx;

import com.hazelcast.internal.serialization.Data;
import com.hazelcast.spi.impl.NodeEngine;
import com.hazelcast.transaction.TransactionException;
import com.hazelcast.transaction.TransactionTimedOutException;
import dev.grid.core.Grid;
import dev.grid.core.GridEvent;
import dev.grid.core.GridMap;
import dev.grid.core.GridMapEvent.TxnLockLeaseEnded;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.core.impl.map.GridMapService;
import dev.grid.core.impl.map.MapSerialization;
import dev.grid.core.impl.map.operations.TxnLockAndGetOperation;
import dev.grid.core.impl.map.operations.TxnLockResult;
import dev.grid.core.test.GridCluster;
import dev.grid.core.test.ManualClock;
import dev.grid.core.test.Threads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A transaction's lock on a GridMap key is a lease of the transaction's timeout, measured with the member's
 * {@link dev.grid.core.config.GridClock}: here a {@link ManualClock} the test advances, so each lease ends at an exact
 * moment and no test sleeps. The lock's state is read with the operation transactions lock with
 * ({@link TxnLockAndGetOperation}): it answers at once, with the holder's lease left when it does not lock.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class TxnLockLeaseTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int TIMEOUT_SECONDS = 30;
    private static final Duration LEASE = Duration.ofSeconds(TIMEOUT_SECONDS);
    private static final ManualClock CLOCK = new ManualClock();
    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(7).configure(config -> config.setClock(CLOCK));

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final List<TxnLockLeaseEnded> leasesEnded = new CopyOnWriteArrayList<>();
    private AutoCloseable subscription;
    private String name;
    private GridMap<String, String> outside;

    private static Grid member() {
        return CLUSTER.member(0);
    }

    @BeforeEach
    void newMap() {
        name = "lease-" + UUID.randomUUID().toString().substring(0, 8);
        outside = member().map(name);
        subscription = member().events().subscribe((GridEvent event) -> {
            if (event instanceof TxnLockLeaseEnded ended && ended.map().equals(name)) {
                leasesEnded.add(ended);
            }
        });
    }

    @AfterEach
    void cleanUp() throws Exception {
        subscription.close();
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS), "test threads did not end");
        outside.destroy();
    }

    /** Asks the key's owner for the key's transactional lock on behalf of a transaction of its own, with no lease. */
    private TxnLockResult probe(String key) {
        return probe(key, UUID.randomUUID());
    }

    private TxnLockResult probe(String key, UUID transaction) {
        NodeEngine nodeEngine = EmbeddedGrid.nodeEngine(member().hazelcast());
        Data keyData = new MapSerialization(name, nodeEngine.getSerializationService()).key(key);
        int partition = nodeEngine.getPartitionService().getPartitionId(keyData);
        TxnLockAndGetOperation lock = new TxnLockAndGetOperation(name, keyData, transaction, 0);
        return nodeEngine.getOperationService().<TxnLockResult>invokeOnPartition(GridMapService.SERVICE_NAME, lock, partition).joinInternal();
    }


    @Test
    void aLockLeaseEndsExactlyAtItsTransactionsTimeout() {
        TxnKind.Txn holder = TxnKind.ONE_PHASE.begin(member().hazelcast(), TIMEOUT_SECONDS);
        try {
            holder.<String, String>map(name).getForUpdate("k");
            long lockedAt = CLOCK.millis();
            TxnLockResult atStart = probe("k");
            assertFalse(atStart.isAcquired(), "held by the transaction");
            assertEquals(LEASE.toMillis(), atStart.holderLeaseMillis(), "the lease is the transaction's timeout");

            CLOCK.advance(LEASE.minusMillis(1));
            TxnLockResult lastMillisecond = probe("k");
            assertFalse(lastMillisecond.isAcquired(), "still held one millisecond before the lease ends");
            assertEquals(1, lastMillisecond.holderLeaseMillis());

            CLOCK.advance(Duration.ofMillis(1));
            assertTrue(leasesEnded.isEmpty());
            UUID next = UUID.randomUUID();
            assertTrue(probe("k", next).isAcquired(), "the lease ended: another transaction takes the key");
            TxnLockLeaseEnded ended = leasesEnded.get(0);
            assertEquals(holder.context().getTxnId(), ended.transaction());
            assertEquals(lockedAt + LEASE.toMillis(), ended.leaseEndedAtMillis());
            assertEquals(CLOCK.millis(), ended.timeMillis());
            assertEquals(next, ended.nextTransaction());
            assertEquals(GridEvent.Severity.WARN, ended.severity());
        } finally {
            holder.rollback();
        }
    }

    @Test
    void aPlainWriteWaitsForTheLockAndProceedsWhenTheLeaseEnds() throws Exception {
        outside.set("k", "before");
        TxnKind.Txn holder = TxnKind.ONE_PHASE.begin(member().hazelcast(), TIMEOUT_SECONDS);
        try {
            holder.<String, String>map(name).set("k", "transactional");
            AtomicReference<Thread> writer = new AtomicReference<>();
            CompletableFuture<Void> plain = CompletableFuture.runAsync(() -> {
                writer.set(Thread.currentThread());
                outside.set("k", "plain");
            }, threads);
            await().atMost(WAIT).until(() -> Threads.isWaitingIn(writer.get(), "set", "dev.grid.core.impl"));
            assertFalse(plain.isDone(), "a plain write waits while the lease runs");

            CLOCK.advance(LEASE);
            plain.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertEquals("plain", outside.get("k"), "the plain write ran once the lease ended, without the transaction ending");
            assertEquals(1, leasesEnded.size(), "published once, when the plain write took the key");
            assertTrue(leasesEnded.get(0).takenByPlainWrite());
            assertEquals(holder.context().getTxnId(), leasesEnded.get(0).transaction());
        } finally {
            holder.rollback();
        }
    }

    @Test
    void aTransactionWhoseLeaseEndedCannotCommitOverTheKeysNextHolder() throws Exception {
        TxnKind.Txn late = TxnKind.ONE_PHASE.begin(member().hazelcast(), TIMEOUT_SECONDS);
        late.<String, String>map(name).set("k", "late");
        CLOCK.advance(LEASE);
        // transactions are per thread: the next one runs on another, and holds the key until this one has tried
        CompletableFuture<Void> lateTried = new CompletableFuture<>();
        Future<?> next = threads.submit(() -> {
            TxnKind.Txn txn = TxnKind.ONE_PHASE.begin(member().hazelcast(), TIMEOUT_SECONDS);
            txn.<String, String>map(name).set("k", "next");
            lateTried.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            txn.commit();
            return null;
        });
        await().atMost(WAIT).until(() -> !probe("k").isAcquired());

        TransactionException refused = assertThrows(TransactionException.class, late::commit);
        lateTried.complete(null);
        assertTrue(refused.getMessage().contains("lease ended"), refused.getMessage());
        next.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("next", outside.get("k"));
    }

    @Test
    void aTransactionWaitingForALockedKeyGivesUpExactlyAtItsOwnTimeout() throws Exception {
        TxnKind.Txn holder = TxnKind.ONE_PHASE.begin(member().hazelcast(), 4 * TIMEOUT_SECONDS);
        try {
            holder.<String, String>map(name).set("busy", "mine");
            AtomicReference<Thread> waiter = new AtomicReference<>();
            Future<Throwable> waiting = threads.submit(() -> {
                waiter.set(Thread.currentThread());
                TxnKind.Txn txn = TxnKind.ONE_PHASE.begin(member().hazelcast(), TIMEOUT_SECONDS);
                try {
                    txn.<String, String>map(name).put("busy", "theirs");
                    return null;
                } catch (RuntimeException e) {
                    return e;
                } finally {
                    txn.rollback();
                }
            });
            await().atMost(WAIT).until(() -> Threads.isWaitingIn(waiter.get(), "put", "dev.grid.core.impl"));
            assertFalse(waiting.isDone(), "waits while the holder's lease runs");

            CLOCK.advance(LEASE);
            Throwable failure = waiting.get(WAIT.toSeconds(), TimeUnit.SECONDS);
            assertTrue(failure instanceof TransactionTimedOutException, "got " + failure);
            assertTrue(failure.getMessage().contains("waited " + LEASE.toMillis() + " ms, its timeout"), failure.getMessage());
        } finally {
            holder.rollback();
        }
    }
}
