package dev.grid.monitor.impl.cluster;

import dev.grid.core.Grid;
import dev.grid.core.GridClock;
import dev.grid.core.MetricsCollector;
import dev.grid.core.MetricsSource;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.lock.GridLocks;
import dev.grid.lock.LockInfo;
import dev.grid.lock.impl.CpService;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Every held lock cluster-wide (holder, fence, hold time, waiters) from the CP group's leader, cached
 * briefly so the API, the metrics and the alert rules share one query; and whether the CP group
 * lost its majority. The metrics read the last answer without waiting for the next one. The cache's age and
 * hold times are judged by the member's clock.
 */
public final class LockMonitor implements MetricsSource {
    private static final long QUERY_TIMEOUT_MILLIS = 3000;

    private final GridLocks locks;
    private final CpService cp;
    private final GridClock clock;
    private final long cacheNanos;
    private volatile List<LockInfo> cached = List.of();
    private volatile long cachedAt;
    private volatile String problem;
    private final AtomicReference<CompletableFuture<Void>> inFlight = new AtomicReference<>();

    public LockMonitor(Grid grid, GridClock clock, long cacheMillis) {
        this.locks = GridLocks.of(grid);
        this.cp = EmbeddedGrid.nodeEngine(grid.hazelcast()).getService(CpService.SERVICE_NAME);
        this.clock = clock;
        this.cacheNanos = TimeUnit.MILLISECONDS.toNanos(cacheMillis);
        this.cachedAt = clock.nanos() - cacheNanos;
    }

    /**
     * The held locks, as the CP group's leader last described them: a description older than {@code cacheMillis}
     * starts a new query (one at a time, given up after 3 s), whose answer this call waits for up to
     * {@code waitMillis}. The metrics pass 0 and never wait: a CP group electing a leader must not hold up the
     * member's other metrics and alert evaluation.
     *
     * @return the held locks; empty when the CP group cannot answer (see {@link #problem()})
     */
    public List<LockInfo> locks(long waitMillis) {
        CompletableFuture<Void> query = refreshIfStale();
        if (query != null && waitMillis > 0) {
            try {
                query.get(waitMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // the last answer stands; the query records its problem when it ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return cached;
    }

    /** @return the held locks, waiting for a fresh description up to the query timeout */
    public List<LockInfo> locks() {
        return locks(QUERY_TIMEOUT_MILLIS);
    }

    private CompletableFuture<Void> refreshIfStale() {
        CompletableFuture<Void> running = inFlight.get();
        if (running != null || clock.nanos() - cachedAt < cacheNanos) {
            return running;
        }
        if (cp.config().getMemberCount() == 0 || cp.group().view() == null) {
            problem = cp.config().getMemberCount() == 0 ? "the CP subsystem is off (grid.cp.memberCount: 0)"
                    : "the CP group has not formed yet (grid.cp.memberCount members needed)";
            cached = List.of();
            cachedAt = clock.nanos();
            return null;
        }
        CompletableFuture<Void> query = new CompletableFuture<>();
        if (!inFlight.compareAndSet(null, query)) {
            return inFlight.get();
        }
        try {
            locks.describeAsync().toCompletableFuture().orTimeout(QUERY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                    .whenComplete((answer, failure) -> answered(query, answer, failure));
        } catch (RuntimeException e) {
            answered(query, null, e);
        }
        return query;
    }

    private void answered(CompletableFuture<Void> query, List<LockInfo> answer, Throwable failure) {
        if (failure == null) {
            cached = answer;
            problem = null;
        } else {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            problem = "the CP group did not answer: " + (cause instanceof TimeoutException ? "no answer within " + QUERY_TIMEOUT_MILLIS
                    + " ms (electing a leader?)" : cause.toString());
        }
        cachedAt = clock.nanos();
        inFlight.set(null);
        query.complete(null);
    }

    /** @return why the last query failed, or null */
    public String problem() {
        return problem;
    }

    /** @return the member's clock, epoch ms: what hold and wait times are computed against */
    public long now() {
        return clock.millis();
    }

    @Override
    public void collectInto(MetricsCollector c) {
        Map<String, String> none = Map.of();
        boolean formed = cp.group().view() != null;
        c.gauge("grid_cp_majority_lost", "1 if the CP group has formed and a majority of its voting members is not in the cluster", none,
                formed && !cp.membership().majorityAvailable() ? 1 : 0);
        List<LockInfo> held = locks(0);
        long now = clock.millis();
        c.gauge("grid_lock_oldest_hold_seconds", "how long the longest-held lock has been held, cluster-wide", none,
                held.stream().mapToLong(l -> l.heldMillis(now)).max().orElse(0) / 1000.0);
        c.gauge("grid_lock_waiters", "calls waiting for a lock, cluster-wide", none, held.stream().mapToInt(l -> l.waiters().size()).sum());
    }
}
