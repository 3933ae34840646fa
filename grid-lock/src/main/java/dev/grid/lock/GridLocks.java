package dev.grid.lock;

import com.hazelcast.cp.lock.FencedLock;
import dev.grid.core.Grid;
import dev.grid.core.GridMode;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.lock.impl.CpMetrics;
import dev.grid.lock.impl.CpService;
import dev.grid.lock.impl.LockService;

import java.util.Collections;
import java.util.Objects;
import java.util.Set;
import java.util.WeakHashMap;

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
    private static final int MAX_NAME_LENGTH = 1024;
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
     * @param name any non-blank string of at most 1024 characters
     * @return the lock
     * @throws IllegalArgumentException if the name is null, blank or too long
     */
    public FencedLock get(String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("lock name must not be null or blank, was " + (name == null ? "null" : "\"" + name + "\""));
        }
        if (name.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("lock name must be at most " + MAX_NAME_LENGTH + " characters, was " + name.length());
        }
        return (FencedLock) grid.hazelcast().getDistributedObject(LockService.SERVICE_NAME, name);
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
