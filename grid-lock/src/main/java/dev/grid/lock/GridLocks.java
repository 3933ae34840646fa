package dev.grid.lock;

import com.hazelcast.cp.lock.FencedLock;
import dev.grid.core.Grid;
import dev.grid.core.GridModules;

import java.util.List;
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
public interface GridLocks {

    /**
     * @param grid an embedded member or a client
     * @return the locks of that grid's cluster
     * @throws NullPointerException if {@code grid} is null
     */
    static GridLocks of(Grid grid) {
        return GridModules.provider(Provider.class).locks(grid);
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
    FencedLock get(String name);

    /**
     * Every lock held now, with its holder, fence, hold time and queue: a linearizable query on the
     * CP group's leader (no Raft log entry). For monitoring: the answer is already old when it
     * arrives.
     *
     * @return the held locks, sorted by name
     * @throws UnsupportedOperationException on a client (read a member's monitor, {@code /api/locks})
     * @throws CpUnavailableException        when the CP group cannot answer within {@code grid.cp.sessionTtl}
     */
    List<LockInfo> describe();

    /**
     * The asynchronous form of {@link #describe()}.
     *
     * @return the held locks, sorted by name
     */
    CompletionStage<List<LockInfo>> describeAsync();

    /**
     * The CP group as this member sees it, without asking the group (it answers at once, also while the
     * group has no majority).
     *
     * @return whether the CP subsystem runs here, the group has formed, a majority is reachable, this member leads
     * @throws UnsupportedOperationException on a client
     */
    CpStatus status();

    /** @return the grid these locks belong to */
    Grid grid();

    /** What {@link #of(Grid)} calls: grid-lock's implementation, found by {@link GridModules}. For grid's own modules. */
    interface Provider {
        /** @see GridLocks#of(Grid) */
        GridLocks locks(Grid grid);
    }
}
