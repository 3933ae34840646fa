package dev.grid.perf.bench;

import dev.grid.perf.bench.targets.Mode;
import dev.grid.perf.bench.targets.TargetKind;
import dev.grid.perf.bench.ycsb.Distribution;
import dev.grid.perf.bench.ycsb.Workload;
import dev.grid.perf.bench.ycsb.ZipfianGenerator;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The options of {@code grid bench run}, validated: every error names the option and the value.
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

    static final Set<String> KNOWN = Set.of("workload", "target", "mode", "members", "threads", "records", "fields",
            "field-length", "duration", "warmup", "target-ops", "distribution", "zipfian-constant", "partitions", "member-heap",
            "address", "cluster-name", "connect-timeout", "out", "seed");

    /**
     * @param args the arguments after {@code run}
     * @return the options
     * @throws UsageException naming the first bad option
     */
    public static RunOptions parse(List<String> args) {
        Options o = new Options(args, KNOWN, Set.of());
        if (!o.positional().isEmpty()) {
            throw new UsageException("unexpected argument '" + o.positional().get(0) + "' (options start with --)");
        }
        List<Workload> workloads = new ArrayList<>();
        for (String w : o.list("workload", "A")) {
            try {
                workloads.add(Workload.parse(w));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--workload " + e.getMessage());
            }
        }
        List<TargetKind> targets = new ArrayList<>();
        for (String t : o.list("target", "gridmap,imap,chm")) {
            try {
                targets.add(TargetKind.parse(t));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--target " + e.getMessage());
            }
        }
        List<Mode> modes = new ArrayList<>();
        for (String m : o.list("mode", "embedded")) {
            try {
                modes.add(Mode.parse(m));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--mode " + e.getMessage());
            }
        }
        Distribution distribution = null;
        if (o.has("distribution")) {
            try {
                distribution = Distribution.parse(o.string("distribution", null));
            } catch (IllegalArgumentException e) {
                throw new UsageException("--distribution " + e.getMessage());
            }
        }
        double zipf = o.positiveDouble("zipfian-constant", ZipfianGenerator.DEFAULT_CONSTANT);
        if (zipf >= 1) {
            throw new UsageException("--zipfian-constant must be in (0, 1), was " + zipf);
        }
        String heap = o.string("member-heap", "1g");
        if (!heap.matches("[0-9]+[kKmMgG]?")) {
            throw new UsageException("--member-heap must be a JVM heap size such as 512m or 2g, was '" + heap + "'");
        }
        List<String> addresses = o.has("address") ? o.list("address", "") : List.of();
        for (String a : addresses) {
            if (!a.matches("[^:\\s]+:[0-9]{1,5}")) {
                throw new UsageException("--address must be host:port[,host:port...], was '" + a + "'");
            }
        }
        if (!addresses.isEmpty() && !modes.equals(List.of(Mode.CLIENT))) {
            throw new UsageException("--address connects to an existing cluster as a client: it needs --mode client");
        }
        if (!addresses.isEmpty() && o.has("members")) {
            throw new UsageException("--members starts members; with --address the existing cluster is used: give one, not both");
        }
        Path out = o.has("out") ? Path.of(o.string("out", null))
                : Path.of("bench-results", LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        return new RunOptions(workloads, targets, modes, o.positiveInt("members", 1), o.positiveInt("threads", 8),
                o.positiveLong("records", 100_000), o.positiveInt("fields", 10), o.positiveInt("field-length", 100),
                o.duration("duration", Duration.ofSeconds(30), false), o.duration("warmup", Duration.ofSeconds(5), true),
                o.has("target-ops") ? o.positiveDouble("target-ops", 0) : 0, distribution, zipf,
                o.positiveInt("partitions", 271), heap, addresses, o.string("cluster-name", null),
                o.duration("connect-timeout", Duration.ofSeconds(10), false), out, o.positiveLong("seed", 42));
    }

    /** @return a copy writing to another directory */
    public RunOptions withOut(Path directory) {
        return new RunOptions(workloads, targets, modes, members, threads, records, fields, fieldLength, duration, warmup,
                targetOps, distribution, zipfConstant, partitions, memberHeap, addresses, clusterName, connectTimeout,
                directory, seed);
    }
}
