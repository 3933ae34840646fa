package dev.grid.lock;

import com.hazelcast.cp.lock.FencedLock;
import dev.grid.core.Grid;
import dev.grid.core.GridMode;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.core.config.StructureNames;
import dev.grid.lock.impl.CpMetrics;
import dev.grid.lock.impl.CpService;
import dev.grid.lock.impl.LockService;

import dev.grid.lock.impl.commands.DescribeLocksQuery;
import dev.grid.lock.impl.statemachine.LocksDescription;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * Distributed locks with fencing tokens, replicated by grid's CP group (Raft, on the
 * {@code grid.cp.memberCount} oldest members). Works the same embedded and as a client.
 *
 * <pre>{@code
 * FencedLock lock = GridLocks.of(grid).get("orders");
 * long fence = lock.lockAndGetFence();
 * try {
 *     // pass the fence to whatever the lock guards, which must reject a lower fence than the highest it saw
 *     db.update("UPDATE orders SET status = ?, last_fence = ? WHERE id = ? AND last_fence <= ?", ..., fence, id, fence);
 * } finally {
 *     lock.unlock();
 * }
 * }</pre>
 *
 * <p>Guarantees and limits are in {@code docs/locks.md}: a lock's fences strictly increase; a
 * holder whose session expired learns it from {@code LockOwnershipLostException} on its next call
 * on the lock, by which time another holder may have a higher fence; CP state is kept in memory only.
 *
 * <p>{@link #of(Grid)} registers the CP group's metrics ({@code grid_cp_*}, {@code grid_lock_*}) with
 * an embedded grid's {@link Grid#metrics()}, once per grid.
 *
 * @since 0.1
 */
public final class GridLocks {
    private static final Set<Grid> WITH_METRICS = Collections.newSetFromMap(Collections.synchronizedMap(new WeakHashMap<>()));

    private final Grid grid;

    private GridLocks(Grid grid) {
        this.grid = grid;
    }

    /**
     * @param grid an embedded member or a client
     * @return the locks of that grid's cluster
     * @throws NullPointerException if {@code grid} is null
     */
    public static GridLocks of(Grid grid) {
        Objects.requireNonNull(grid, "grid must not be null");
        if (grid.mode() == GridMode.EMBEDDED && WITH_METRICS.add(grid)) {
            CpService cp = EmbeddedGrid.nodeEngine(grid.hazelcast()).getService(CpService.SERVICE_NAME);
            grid.metrics().register(new CpMetrics(cp));
        }
        return new GridLocks(grid);
    }

    /**
     * The lock of that name, created on first use; every call with the same name, on any member or
     * client of the cluster, reaches the same lock. Cheap: no call to the CP group until the lock
     * is used.
     *
     * @param name 1 to 256 characters, each a letter, digit, '.', '_' or '-' (the rule of every grid structure's name)
     * @return the lock
     * @throws IllegalArgumentException naming the (truncated) name and the rule it breaks
     */
    public FencedLock get(String name) {
        StructureNames.check(LockService.NAME_KIND, name);
        return (FencedLock) grid.hazelcast().getDistributedObject(LockService.SERVICE_NAME, name);
    }

    /**
     * Every lock held now, with its holder, fence, hold time and queue: a linearizable query on the
     * CP group's leader (no Raft log entry). For monitoring: the answer is already old when it
     * arrives.
     *
     * @return the held locks, sorted by name
     * @throws UnsupportedOperationException on a client (read a member's monitor, {@code /api/locks})
     * @throws CpUnavailableException        when the CP group cannot answer within {@code grid.cp.sessionTtl}
     */
    public List<LockInfo> describe() {
        try {
            return describeAsync().toCompletableFuture().join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException) {
                throw (RuntimeException) e.getCause();
            }
            throw e;
        }
    }

    /**
     * The asynchronous form of {@link #describe()}.
     *
     * @return the held locks, sorted by name
     */
    public CompletionStage<List<LockInfo>> describeAsync() {
        if (grid.mode() != GridMode.EMBEDDED) {
            throw new UnsupportedOperationException("GridLocks.describe() runs on members; on a client, read a member's monitor "
                    + "(GET /api/locks)");
        }
        CpService cp = EmbeddedGrid.nodeEngine(grid.hazelcast()).getService(CpService.SERVICE_NAME);
        return cp.invoker().invoke(new DescribeLocksQuery()).thenApply(answer -> toInfos((LocksDescription) answer));
    }

    private static List<LockInfo> toInfos(LocksDescription description) {
        List<LockInfo> infos = new ArrayList<>();
        for (LocksDescription.Entry entry : description.entries()) {
            List<LockWaiter> waiters = new ArrayList<>();
            for (int i = 0; i < entry.waiters.size(); i++) {
                waiters.add(new LockWaiter(owner(entry.waiters.get(i)), entry.waitingSince.get(i)));
            }
            infos.add(new LockInfo(entry.name, entry.fence, entry.count, owner(entry.holder), entry.acquiredAt, waiters));
        }
        return infos;
    }

    private static LockOwner owner(LocksDescription.Owner owner) {
        return new LockOwner(owner.sessionId(), owner.owner(), owner.ownerName(), owner.threadId());
    }

    /** @return the grid these locks belong to */
    public Grid grid() {
        return grid;
    }

    @Override
    public String toString() {
        return "GridLocks[" + grid + "]";
    }
}
