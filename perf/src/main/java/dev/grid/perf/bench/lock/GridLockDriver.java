package dev.grid.perf.bench.lock;

import com.hazelcast.cp.lock.FencedLock;
import dev.grid.core.Grid;
import dev.grid.core.config.GridClientConfig;
import dev.grid.lock.GridLocks;

import java.util.Arrays;

/**
 * grid's side of {@code grid bench lock}: a client of the three grid members (child JVMs) that
 * measures FencedLock pairs with {@link LockLoop}, exactly as {@link Hz54LockNode} does for
 * Hazelcast 5.4.
 *
 * <pre>GridLockDriver CLUSTER ADDR,ADDR,ADDR WARMUP_MS DURATION_MS THREADS</pre>
 */
public final class GridLockDriver {
    private static final long GROUP_TIMEOUT_SECONDS = 120;

    private GridLockDriver() {
    }

    public static void main(String[] args) throws InterruptedException {
        if (args.length != 5) {
            System.err.println("usage: GridLockDriver CLUSTER ADDRESSES WARMUP_MS DURATION_MS THREADS");
            System.exit(2);
        }
        Grid client = Grid.client(new GridClientConfig().setClusterName(args[0]).setAddresses(Arrays.asList(args[1].split(","))));
        try {
            FencedLock lock = GridLocks.of(client).get("bench");
            LockLoop.awaitUsable(lock, GROUP_TIMEOUT_SECONDS);
            long warmup = Long.parseLong(args[2]);
            long duration = Long.parseLong(args[3]);
            LockLoop.phase("uncontended", lock, 1, warmup, duration);
            LockLoop.phase("contended", lock, Integer.parseInt(args[4]), warmup, duration);
        } finally {
            client.close();
        }
        System.exit(0);
    }
}
