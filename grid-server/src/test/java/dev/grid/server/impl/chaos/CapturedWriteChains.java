package dev.grid.server.impl.chaos;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.transaction.HazelcastXAResource;
import dev.grid.core.GridMap;
import dev.grid.core.TransactionalGridMap;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

/**
 * The load of {@link MapChangeCaptureKillProcessTest}: one chain of asynchronous writes per key, all keys at once (so
 * as many writes are in flight as there are keys). A chain's next write starts only when its previous one has
 * completed, successfully or not, so a key's writes never overlap. Write {@code j} of a key (from 1) is a put of the
 * value {@code j} ({@code setAsync}, which grid repeats after an indeterminate outcome, or {@code putAsync}, which it
 * does not), or, right after an acknowledged put, a removal ({@code removeAsync} or {@code deleteAsync}, never
 * repeated), or, if asked for (a share of the writes), an XA transaction that puts the value (or
 * removes the key, right after an acknowledged put), prepared and committed {@value #PREPARED_MILLIS} ms later: the
 * prepared write is backed up, so a key whose owner is killed in between is committed by its promoted backup. Only a
 * write whose stage completed normally (a transaction whose {@code commit} returned) is recorded as acknowledged; a
 * failed write (an {@code IndeterminateWriteException}, an {@code XAException}, a timeout, anything) is counted by
 * its exception's class and is not.
 */
final class CapturedWriteChains {
    /**
     * @return each key's acknowledged writes' calls ({@code setAsync}, {@code putAsync}, {@code removeAsync},
     *         {@code deleteAsync}, {@code xa}), in the order of {@link #acknowledgedPerKey()}; call after {@link #stop}
     */
    List<List<String>> acknowledgedCallsPerKey() {
        List<List<String>> perKey = new ArrayList<>(chains.length);
        for (KeyChain chain : chains) {
            perKey.add(List.copyOf(chain.calls));
        }
        return perKey;
    }

    /** A removal in a key's list of acknowledged writes (puts are their value, which is at least 1). */
    static final long REMOVE = -1;
    private static final double REMOVE_SHARE = 0.2;
    private static final int TRANSACTION_THREADS = 16;
    private static final long PREPARED_MILLIS = 50;

    private final GridMap<Integer, Long> map;
    private final HazelcastInstance transactions;
    private final String mapName;
    private final int transactionPercent;
    private final ExecutorService transactionThreads = Executors.newFixedThreadPool(TRANSACTION_THREADS, r -> {
        Thread thread = new Thread(r, "captured-write-chains-transactions");
        thread.setDaemon(true);
        return thread;
    });
    private final KeyChain[] chains;
    private final AtomicBoolean stop = new AtomicBoolean();
    private final AtomicLong acknowledged = new AtomicLong();
    private final AtomicLong removesOfNothing = new AtomicLong();
    private final AtomicLong transactionsCommitted = new AtomicLong();
    private final Map<String, AtomicLong> failures = new ConcurrentHashMap<>();

    /**
     * @param map                the map, as the client that writes sees it
     * @param transactions       the same client's Hazelcast instance, for XA transactions
     * @param mapName            the map's name
     * @param transactionPercent the share of writes made by XA transactions, in per cent
     */
    CapturedWriteChains(GridMap<Integer, Long> map, HazelcastInstance transactions, String mapName, int keys, int transactionPercent) {
        this.map = map;
        this.transactions = transactions;
        this.mapName = mapName;
        this.transactionPercent = transactionPercent;
        this.chains = new KeyChain[keys];
        for (int key = 0; key < keys; key++) {
            chains[key] = new KeyChain(key);
        }
    }

    /** Starts every key's chain. */
    void start() {
        for (KeyChain chain : chains) {
            chain.next();
        }
    }

    /** Asks the chains to stop and waits until each one's last write has completed. */
    void stop(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, java.util.concurrent.TimeoutException {
        stop.set(true);
        List<CompletableFuture<Void>> done = new ArrayList<>();
        for (KeyChain chain : chains) {
            done.add(chain.done);
        }
        try {
            CompletableFuture.allOf(done.toArray(new CompletableFuture<?>[0])).get(timeout, unit);
        } finally {
            transactionThreads.shutdownNow();
        }
    }

    long acknowledged() {
        return acknowledged.get();
    }

    /** @return acknowledged removals that answered that nothing was there (right after an acknowledged put of the key) */
    long removesOfNothing() {
        return removesOfNothing.get();
    }

    /** @return transactions whose commit returned */
    long transactionsCommitted() {
        return transactionsCommitted.get();
    }

    /** @return failed writes by their exception's class */
    Map<String, Long> failures() {
        Map<String, Long> counts = new TreeMap<>();
        failures.forEach((type, count) -> counts.put(type, count.get()));
        return counts;
    }

    /**
     * @return each key's acknowledged writes in the order they were acknowledged (a put as its value, a removal as
     *         {@link #REMOVE}); call after {@link #stop}
     */
    List<List<Long>> acknowledgedPerKey() {
        List<List<Long>> perKey = new ArrayList<>(chains.length);
        for (KeyChain chain : chains) {
            perKey.add(List.copyOf(chain.acknowledged));
        }
        return perKey;
    }

    /**
     * Puts {@code value} to the key (or removes it if null) in one XA transaction, waiting {@value #PREPARED_MILLIS} ms
     * between prepare and commit (so that a member killed meanwhile leaves prepared writes for its promoted backups to
     * commit); @return whether the key was removed (null for a put)
     */
    private Boolean transaction(int key, Long value) {
        HazelcastXAResource xa = transactions.getXAResource();
        Xid xid = BranchXid.random();
        try {
            xa.setTransactionTimeout(30);
            xa.start(xid, XAResource.TMNOFLAGS);
            Boolean removed = null;
            try {
                TransactionalGridMap<Integer, Long> view = TransactionalGridMap.in(xa.getTransactionContext(), mapName);
                if (value == null) {
                    removed = view.remove(key) != null;
                } else {
                    view.set(key, value);
                }
            } catch (RuntimeException e) {
                xa.end(xid, XAResource.TMFAIL);
                xa.rollback(xid);
                throw e;
            }
            xa.end(xid, XAResource.TMSUCCESS);
            xa.prepare(xid);
            Thread.sleep(PREPARED_MILLIS); // the load's shape, not a wait: a prepared branch held open, so kills land between prepare and commit
            xa.commit(xid, false);
            transactionsCommitted.incrementAndGet();
            return removed;
        } catch (XAException e) {
            throw new IllegalStateException("XA transaction of key " + key + " failed: error code " + e.errorCode, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted before committing the XA transaction of key " + key, e);
        }
    }

    /** An XA transaction branch's id: a random global id, one branch. */
    private record BranchXid(byte[] getGlobalTransactionId) implements Xid {
        static BranchXid random() {
            byte[] global = new byte[16];
            ThreadLocalRandom.current().nextBytes(global);
            return new BranchXid(global);
        }

        @Override
        public int getFormatId() {
            return 4243;
        }

        @Override
        public byte[] getBranchQualifier() {
            return new byte[] {1};
        }
    }

    /** One key's writes, one at a time; each write is issued from the completion of the previous one. */
    private final class KeyChain {
        private final int key;
        private final List<Long> acknowledged = new ArrayList<>();
        private final List<String> calls = new ArrayList<>();
        private final CompletableFuture<Void> done = new CompletableFuture<>();
        private long index;
        private boolean lastAcknowledgedPut;

        KeyChain(int key) {
            this.key = key;
        }

        void next() {
            if (stop.get()) {
                done.complete(null);
                return;
            }
            long value = ++index;
            ThreadLocalRandom random = ThreadLocalRandom.current();
            CompletionStage<?> write;
            boolean removal = lastAcknowledgedPut && random.nextDouble() < REMOVE_SHARE;
            boolean transaction = random.nextInt(100) < transactionPercent;
            boolean first = random.nextBoolean();
            String call = transaction ? "xa" : removal ? (first ? "removeAsync" : "deleteAsync") : first ? "setAsync" : "putAsync";
            try {
                if (transaction) {
                    write = CompletableFuture.supplyAsync(() -> transaction(key, removal ? null : value), transactionThreads);
                } else if (removal) {
                    write = first ? map.removeAsync(key).thenApply(previous -> previous != null) : map.deleteAsync(key);
                } else {
                    write = first ? map.setAsync(key, value) : map.putAsync(key, value);
                }
            } catch (RuntimeException e) {
                write = CompletableFuture.failedFuture(e);
            }
            write.whenComplete((result, failure) -> {
                if (failure == null) {
                    acknowledged.add(removal ? REMOVE : value);
                    calls.add(call);
                    CapturedWriteChains.this.acknowledged.incrementAndGet();
                    if (removal && Boolean.FALSE.equals(result)) {
                        removesOfNothing.incrementAndGet();
                    }
                    lastAcknowledgedPut = !removal;
                } else {
                    Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
                    failures.computeIfAbsent(cause.getClass().getSimpleName(), type -> new AtomicLong()).incrementAndGet();
                    lastAcknowledgedPut = false;
                }
                if (failure == null) {
                    next();
                } else {
                    // a short pause, as an application would make, and no recursion should writes fail at once
                    CompletableFuture.delayedExecutor(10, TimeUnit.MILLISECONDS).execute(this::next);
                }
            });
        }
    }
}
