package dev.grid.monitor.impl.cluster;

import dev.grid.core.Grid;
import dev.grid.core.MetricsCollector;
import dev.grid.core.MetricsSource;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.lock.GridLocks;
import dev.grid.lock.LockInfo;
import dev.grid.lock.impl.CpService;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Every held lock cluster-wide (holder, fence, hold time, waiters) from the CP group's leader, cached
 * briefly so the API, the metrics and the alert rules share one query; and whether the CP group
 * lost its majority.
 */
public final class LockMonitor implements MetricsSource {
    private static final long QUERY_TIMEOUT_MILLIS = 3000;

    private final GridLocks locks;
    private final CpService cp;
    private final LongSupplier clock;
    private final long cacheMillis;
    private volatile List<LockInfo> cached = List.of();
    private volatile long cachedAt;
    private volatile String problem;

    public LockMonitor(Grid grid, LongSupplier clock, long cacheMillis) {
        this.locks = GridLocks.of(grid);
        this.cp = EmbeddedGrid.nodeEngine(grid.hazelcast()).getService(CpService.SERVICE_NAME);
        this.clock = clock;
        this.cacheMillis = cacheMillis;
    }

    /** @return the held locks (at most {@code cacheMillis} old), empty when the CP group cannot answer (see {@link #problem()}) */
    public List<LockInfo> locks() {
        long now = System.currentTimeMillis();
        if (now - cachedAt < cacheMillis) {
            return cached;
        }
        synchronized (this) {
            if (now - cachedAt < cacheMillis) {
                return cached;
            }
            if (cp.config().getMemberCount() == 0 || cp.group().view() == null) {
                problem = cp.config().getMemberCount() == 0 ? "the CP subsystem is off (grid.cp.memberCount: 0)"
                        : "the CP group has not formed yet (grid.cp.memberCount members needed)";
                cached = List.of();
            } else {
                try {
                    cached = locks.describeAsync().toCompletableFuture().get(QUERY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
                    problem = null;
                } catch (Exception e) {
                    problem = "the CP group did not answer: " + (e.getCause() != null ? e.getCause() : e);
                }
            }
            cachedAt = System.currentTimeMillis();
            return cached;
        }
    }

    /** @return why the last query failed, or null */
    public String problem() {
        return problem;
    }

    public long now() {
        return clock.getAsLong();
    }

    @Override
    public void collectInto(MetricsCollector c) {
        Map<String, String> none = Map.of();
        boolean formed = cp.group().view() != null;
        c.gauge("grid_cp_majority_lost", "1 if the CP group has formed and a majority of its voting members is not in the cluster", none,
                formed && !cp.membership().majorityAvailable() ? 1 : 0);
        List<LockInfo> held = locks();
        long now = clock.getAsLong();
        c.gauge("grid_lock_oldest_hold_seconds", "how long the longest-held lock has been held, cluster-wide", none,
                held.stream().mapToLong(l -> l.heldMillis(now)).max().orElse(0) / 1000.0);
        c.gauge("grid_lock_waiters", "calls waiting for a lock, cluster-wide", none, held.stream().mapToInt(l -> l.waiters().size()).sum());
    }
}
