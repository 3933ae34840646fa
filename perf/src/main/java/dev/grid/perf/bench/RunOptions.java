package dev.grid.perf.bench;

import dev.grid.perf.bench.targets.Mode;
import dev.grid.perf.bench.targets.TargetKind;
import dev.grid.perf.bench.ycsb.Distribution;
import dev.grid.perf.bench.ycsb.Workload;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The options of {@code grid bench run}, checked ({@link RunArguments} reads them from the command line).
 *
 * @param workloads    {@code --workload A[,B...]} (default A)
 * @param targets      {@code --target gridmap,imap,chm[,redis]} (default gridmap,imap,chm)
 * @param modes        {@code --mode embedded|client} (a list runs each; default embedded); grid targets only
 * @param members      {@code --members N} (default 1)
 * @param threads      {@code --threads N} (default 8)
 * @param records      {@code --records N} (default 100000)
 * @param fields       {@code --fields N} (default 10)
 * @param fieldLength  {@code --field-length N} bytes (default 100)
 * @param duration     {@code --duration} (default 30s)
 * @param warmup       {@code --warmup} (default 5s; 0 allowed)
 * @param targetOps    {@code --target-ops N}: fixed rate, total ops/s (default: none, max throughput)
 * @param distribution {@code --distribution zipfian|uniform|latest} (default: the workload's own)
 * @param zipfConstant {@code --zipfian-constant} (default 0.99)
 * @param partitions   {@code --partitions} (default 271)
 * @param memberHeap   {@code --member-heap} of member JVMs (default 1g)
 * @param addresses    {@code --address host:port[,...]}: an existing cluster, client mode only
 * @param clusterName  {@code --cluster-name} of that cluster
 * @param connectTimeout {@code --connect-timeout} (default 10s)
 * @param out          {@code --out DIR} (default bench-results/TIMESTAMP)
 * @param seed         {@code --seed} (default 42)
 */
public record RunOptions(List<Workload> workloads, List<TargetKind> targets, List<Mode> modes, int members, int threads,
                         long records, int fields, int fieldLength, Duration duration, Duration warmup, double targetOps,
                         Distribution distribution, double zipfConstant, int partitions, String memberHeap,
                         List<String> addresses, String clusterName, Duration connectTimeout, Path out, long seed) {

    /** @return a copy writing to another directory */
    public RunOptions withOut(Path directory) {
        return new RunOptions(workloads, targets, modes, members, threads, records, fields, fieldLength, duration, warmup,
                targetOps, distribution, zipfConstant, partitions, memberHeap, addresses, clusterName, connectTimeout,
                directory, seed);
    }
}
