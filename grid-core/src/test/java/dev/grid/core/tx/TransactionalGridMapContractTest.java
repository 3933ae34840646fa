package dev.grid.core.tx;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.transaction.TransactionNotActiveException;
import com.hazelcast.transaction.TransactionTimedOutException;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.TransactionalGridMap;
import dev.grid.core.test.Threads;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The transactional GridMap contract, written once, run for ONE_PHASE, TWO_PHASE and XA on every
 * topology: each subclass says where transactions begin (a member, a client) and where an outsider
 * looks from.
 */
public abstract class TransactionalGridMapContractTest {
    private static final Duration WAIT = Duration.ofSeconds(30);
    private static final int TIMEOUT_SECONDS = 30;

    private final ExecutorService threads = Executors.newCachedThreadPool();
    private String name;
    private GridMap<String, String> outside;

    /** @return where transactions begin */
    protected abstract Grid grid();

    /** @return another view of the cluster, to check what is visible outside the transaction */
    protected abstract Grid observer();

    private HazelcastInstance hz() {
        return grid().hazelcast();
    }

    @BeforeEach
    void newMap() {
        name = "txn-" + UUID.randomUUID().toString().substring(0, 8);
        outside = observer().map(name);
    }

    @AfterEach
    void cleanUp() throws InterruptedException {
        threads.shutdownNow();
        assertTrue(threads.awaitTermination(30, TimeUnit.SECONDS), "test threads did not end");
        outside.destroy();
    }

    private <T> Future<T> inThread(java.util.concurrent.Callable<T> task) {
        return threads.submit(task);
    }


    @ParameterizedTest(name = "{0}")
    @EnumSource(TxnKind.class)
    void ownWritesAreVisibleInsideAndOnlyCommittedOnesOutside(TxnKind kind) {
        outside.set("updated", "old");
        outside.set("removed", "gone soon");
        TxnKind.Txn txn = kind.begin(hz(), TIMEOUT_SECONDS);
        TransactionalGridMap<String, String> map = txn.map(name);
        assertNull(map.put("new", "1"));
        assertEquals("old", map.put("updated", "2"));
        assertEquals("gone soon", map.remove("removed"));

        assertEquals("1", map.get("new"));
        assertEquals("2", map.get("updated"));
        assertNull(map.get("removed"));
        assertFalse(map.containsKey("removed"));
        assertEquals(2, map.size(), "committed 2, +1 insert, -1 removal");

        assertNull(outside.get("new"), "not visible outside before commit");
        assertEquals("old", outside.get("updated"));
        assertEquals("gone soon", outside.get("removed"));

        txn.commit();
        assertEquals("1", outside.get("new"));
        assertEquals("2", outside.get("updated"));
        assertNull(outside.get("removed"));
        assertEquals(2, outside.size());
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TxnKind.class)
    void rollbackDiscardsEveryWriteAndReleasesTheLocks(TxnKind kind) {
        outside.set("a", "committed");
        TxnKind.Txn txn = kind.begin(hz(), TIMEOUT_SECONDS);
        TransactionalGridMap<String, String> map = txn.map(name);
        map.set("a", "changed");
        map.set("b", "new");
        assertEquals("changed", map.getForUpdate("a"), "its own write");
        txn.rollback();

        assertEquals("committed", outside.get("a"));
        assertNull(outside.get("b"));
        // the locks are free: a transaction with a 1 s timeout gets both at once
        TxnKind.Txn next = TxnKind.ONE_PHASE.begin(hz(), 1);
        assertEquals("committed", next.<String, String>map(name).getForUpdate("a"));
        assertNull(next.<String, String>map(name).getForUpdate("b"));
        next.commit();
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TxnKind.class)
    void conditionalWritesSeeTheTransactionsOwnWrites(TxnKind kind) {
        outside.set("present", "p");
        TxnKind.Txn txn = kind.begin(hz(), TIMEOUT_SECONDS);
        TransactionalGridMap<String, String> map = txn.map(name);
        assertEquals("p", map.putIfAbsent("present", "x"));
        assertNull(map.putIfAbsent("absent", "a1"));
        assertEquals("a1", map.putIfAbsent("absent", "a2"));
        assertNull(map.replace("missing", "m"));
        assertFalse(map.containsKey("missing"));
        assertEquals("a1", map.replace("absent", "a3"));
        assertFalse(map.replace("absent", "a1", "a4"));
        assertTrue(map.replace("absent", "a3", "a4"));
        assertFalse(map.remove("present", "x"));
        assertTrue(map.remove("present", "p"));
        map.delete("absent");
        assertTrue(map.isEmpty());
        map.set("last", "l");
        assertEquals(1, map.size());
        txn.commit();

        assertNull(outside.get("present"));
        assertNull(outside.get("absent"));
        assertNull(outside.get("missing"));
        assertEquals("l", outside.get("last"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TxnKind.class)
    void getForUpdateMakesASecondTransactionWaitUntilTheFirstEnds(TxnKind kind) throws Exception {
        outside.set("k", "v0");
        TxnKind.Txn first = kind.begin(hz(), TIMEOUT_SECONDS);
        assertEquals("v0", first.<String, String>map(name).getForUpdate("k"));
        first.<String, String>map(name).set("k", "v1");

        AtomicReference<Thread> waiter = new AtomicReference<>();
        Future<String> second = inThread(() -> {
            waiter.set(Thread.currentThread());
            TxnKind.Txn txn = kind.begin(hz(), TIMEOUT_SECONDS);
            String seen = txn.<String, String>map(name).getForUpdate("k");
            txn.<String, String>map(name).set("k", seen + "+second");
            txn.commit();
            return seen;
        });
        // the second transaction is inside getForUpdate, waiting for the lock
        await().atMost(WAIT).until(() -> Threads.isWaitingIn(waiter.get(), "getForUpdate", "dev.grid.core.impl"));
        assertFalse(second.isDone(), "the second transaction must wait while the first holds the lock");
        first.commit();
        assertEquals("v1", second.get(WAIT.toSeconds(), TimeUnit.SECONDS), "it got the lock only after the first committed");
        assertEquals("v1+second", outside.get("k"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TxnKind.class)
    void aKeyLockedBeyondTheTimeoutFailsNamingTheMapAndTheKey(TxnKind kind) throws Exception {
        TxnKind.Txn holder = kind.begin(hz(), TIMEOUT_SECONDS);
        holder.<String, String>map(name).set("busy", "mine");
        Future<Throwable> waiter = inThread(() -> {
            TxnKind.Txn txn = kind.begin(hz(), 1);
            long start = System.nanoTime();
            try {
                txn.<String, String>map(name).put("busy", "theirs");
                return null;
            } catch (RuntimeException e) {
                long waited = System.nanoTime() - start;
                assertTrue(waited >= TimeUnit.SECONDS.toNanos(1), "gave up before its 1 s timeout, after " + waited + " ns");
                return e;
            } finally {
                txn.rollback();
            }
        });
        Throwable failure = waiter.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertTrue(failure instanceof TransactionTimedOutException, "got " + failure);
        assertTrue(failure.getMessage().contains("GridMap '" + name + "'") && failure.getMessage().contains("'busy'"),
                failure.getMessage());
        holder.commit();
        assertEquals("mine", outside.get("busy"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TxnKind.class)
    void aPlainWriteWaitsForTheTransactionsLock(TxnKind kind) throws Exception {
        outside.set("k", "before");
        TxnKind.Txn txn = kind.begin(hz(), TIMEOUT_SECONDS);
        txn.<String, String>map(name).set("k", "transactional");
        AtomicReference<Thread> writer = new AtomicReference<>();
        CompletableFuture<Void> plain = CompletableFuture.runAsync(() -> {
            writer.set(Thread.currentThread());
            outside.set("k", "plain");
        }, threads);
        await().atMost(WAIT).until(() -> Threads.isWaitingIn(writer.get(), "set", "dev.grid.core.impl"));
        assertFalse(plain.isDone(), "a plain write waits while a transaction holds the key");
        assertEquals("before", outside.get("k"), "reads do not wait");
        txn.commit();
        plain.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        assertEquals("plain", outside.get("k"), "the plain write ran after the commit");
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TxnKind.class)
    void aTransactionalMapUsedAfterCommitFailsClearly(TxnKind kind) {
        TxnKind.Txn txn = kind.begin(hz(), TIMEOUT_SECONDS);
        TransactionalGridMap<String, String> map = txn.map(name);
        map.set("k", "v");
        txn.commit();
        TransactionNotActiveException e = assertThrows(TransactionNotActiveException.class, () -> map.get("k"));
        assertTrue(e.getMessage().contains(name), e.getMessage());
        assertThrows(TransactionNotActiveException.class, () -> map.set("k", "again"));
        assertEquals("v", outside.get("k"));
    }

    @ParameterizedTest(name = "{0}")
    @EnumSource(TxnKind.class)
    void nullKeysAndValuesAreRefusedNamingTheMap(TxnKind kind) {
        TxnKind.Txn txn = kind.begin(hz(), TIMEOUT_SECONDS);
        TransactionalGridMap<String, String> map = txn.map(name);
        String mapName = "GridMap '" + name + "'";
        assertTrue(assertThrows(NullPointerException.class, () -> map.get(null)).getMessage().contains(mapName));
        assertTrue(assertThrows(NullPointerException.class, () -> map.put("k", null)).getMessage().contains(mapName));
        assertTrue(assertThrows(NullPointerException.class, () -> map.replace("k", null, "v")).getMessage().contains(mapName));
        map.set("k", "v");
        txn.commit();
        assertEquals("v", outside.get("k"));
    }
}
