package dev.grid.perf.bench.targets;

import dev.grid.core.Grid;
import dev.grid.core.config.GridConfig;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A grid member in its own JVM, started by the harness ({@link MemberProcesses}). It prints
 * {@value #READY} and its pid once it has joined the cluster, and stops when its stdin closes (the
 * harness ended, however it ended) or on SIGTERM.
 *
 * <pre>java $(grid JVM flags) -cp grid-perf.jar dev.grid.perf.bench.targets.BenchMember \
 *     cluster=NAME port=5701 members=127.0.0.1:5701,127.0.0.1:5702 partitions=271 records=100000 recordSize=1000 cp=0</pre>
 *
 * <p>Optional: {@code backups=N} (synchronous backups per partition, default grid's 1) and {@code dataDir=DIR} (the
 * member keeps its files, grid-log's segments among them, in {@code DIR/member-PORT}; default grid's {@code grid-data});
 * {@code map=NAME:ENTRIES:VALUE_BYTES} (one more GridMap, its off-heap stores sized for that many entries of that average
 * serialized value size, as {@code grid bench query} needs); {@code allow=ENTRY,ENTRY} (more entries of the members'
 * deserialization allowlist, {@code grid.security.allowedClasses}, as {@code grid bench stream}'s Jet jobs over IMaps need).
 */
public final class BenchMember {
    /** The line printed once the member has joined. */
    public static final String READY = "BENCH-MEMBER-READY";

    private BenchMember() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> options = new HashMap<>();
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq < 1) {
                throw new IllegalArgumentException("arguments are key=value, was '" + arg + "'");
            }
            options.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        GridConfig config = MemberConfigs.member(required(options, "cluster"), Integer.parseInt(required(options, "port")),
                List.of(required(options, "members").split(",")), Integer.parseInt(required(options, "partitions")),
                Long.parseLong(required(options, "records")), Integer.parseInt(required(options, "recordSize")),
                Integer.parseInt(options.getOrDefault("cp", "0")));
        if (options.containsKey("backups")) {
            config.setBackupCount(Integer.parseInt(options.get("backups")));
        }
        if (options.containsKey("dataDir")) {
            config.setDataDirectory(Path.of(options.get("dataDir"), "member-" + options.get("port")));
        }
        if (options.containsKey("allow")) {
            for (String entry : options.get("allow").split(",")) {
                config.getSecurity().allowClasses(entry);
            }
        }
        if (options.containsKey("map")) {
            config.addMap(MemberConfigs.sizedMap(options.get("map")));
        }
        Grid grid = Grid.embedded(config);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> terminate(grid), "bench-member-shutdown"));
        System.out.println(READY + " " + ProcessHandle.current().pid());
        System.out.flush();
        // the harness holds our stdin open for as long as it wants us: EOF means it is gone
        InputStream in = System.in;
        byte[] buffer = new byte[64];
        while (in.read(buffer) >= 0) {
            Arrays.fill(buffer, (byte) 0);
        }
        terminate(grid);
        System.exit(0);
    }

    private static void terminate(Grid grid) {
        if (grid.isRunning()) {
            grid.hazelcast().getLifecycleService().terminate();
        }
    }

    private static String required(Map<String, String> options, String key) {
        String value = options.get(key);
        if (value == null) {
            throw new IllegalArgumentException("missing argument " + key + "=...");
        }
        return value;
    }
}
