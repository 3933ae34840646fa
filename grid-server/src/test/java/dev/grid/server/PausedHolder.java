package dev.grid.server;

import com.hazelcast.cp.lock.FencedLock;
import dev.grid.core.FencedWriteRejectedException;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.config.GridClientConfig;
import dev.grid.lock.GridLocks;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The lock holder of {@link PausedHolderProcessTest}, in its own JVM (so it can be frozen with
 * SIGSTOP): takes the lock, writes with its fence, prints {@code LOCKED <fence>}, then waits for a
 * line on stdin and writes again with the same (by then stale) fence, printing {@code REJECTED
 * <message>} or {@code WRITTEN}.
 * <p>
 * Arguments: {@code <clusterName> <address,address...> <mapName> <lockName> [fenced|mutant]}; in
 * {@code mutant} mode the second write is a plain {@code set}, i.e. the storage fence check is off.
 */
public final class PausedHolder {
    private PausedHolder() {
    }

    public static void main(String[] args) throws Exception {
        String clusterName = args[0];
        String addresses = args[1];
        String mapName = args[2];
        String lockName = args[3];
        boolean mutant = args.length > 4 && "mutant".equals(args[4]);
        int exit = 0;
        Grid client = Grid.client(new GridClientConfig().setClusterName(clusterName)
                .setAddresses(Arrays.asList(addresses.split(","))));
        try {
            FencedLock lock = GridLocks.of(client).get(lockName);
            GridMap<String, String> map = client.map(mapName);
            long fence = lock.lockAndGetFence();
            map.setFenced("account", "holder-1", fence);
            System.out.println("LOCKED " + fence);
            System.out.flush();
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            String line = in.readLine(); // the test sends a line after SIGCONT
            System.out.println("RESUMED " + line);
            try {
                if (mutant) {
                    map.set("account", "stale write");
                } else {
                    map.setFenced("account", "stale write", fence);
                }
                System.out.println("WRITTEN");
            } catch (FencedWriteRejectedException e) {
                System.out.println("REJECTED " + e.getMessage());
            }
            System.out.flush();
        } catch (RuntimeException e) {
            e.printStackTrace();
            exit = 1;
        } finally {
            try {
                client.close();
            } catch (RuntimeException e) {
                e.printStackTrace();
            }
        }
        System.exit(exit);
    }
}
