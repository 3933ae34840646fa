package dev.grid.perf.bench;

import dev.grid.perf.BenchmarkMain;
import dev.grid.perf.bench.lock.LockArguments;
import dev.grid.perf.bench.log.LogArguments;
import dev.grid.perf.bench.log.LogCommand;
import dev.grid.perf.bench.lock.LockCommand;
import dev.grid.perf.bench.lock.LockResult;
import dev.grid.perf.bench.report.Results;
import dev.grid.perf.bench.signal.StopSignal;
import dev.grid.perf.heap.HeapScenarioRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code grid bench all --out DIR}: a reduced but meaningful set of every scenario (YCSB, lock, log, heap, JMH, txn), within 20
 * minutes on a 2-core machine, into one results.json and report.html (plus lock.json, heap.md and
 * jmh.json). Each step prints the equivalent stand-alone command.
 */
@Command(name = "all", mixinStandardHelpOptions = true,
        header = "a reduced but meaningful set of everything (under 20 minutes), into one report",
        description = {
                "Runs YCSB (every workload embedded; A and C client-server; A at a fixed rate), the lock benchmark, the log "
                        + "benchmark (--quick: grid, Kafka and Redis Streams), the heap scenario, a JMH map benchmark and the transaction benchmark, each shortened, into one results.json and "
                        + "report.html (plus lock.json, heap.md, jmh.json, txn.json). Each step prints the equivalent stand-alone "
                        + "command."})
final class AllCommand implements Callable<Integer> {
    private final StopSignal stop;
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "perf/results", description = "where everything goes (default ${DEFAULT-VALUE})")
    private Path out;

    /** @param stop the stop signal (Ctrl-C) */
    AllCommand(StopSignal stop) {
        this.stop = stop;
    }

    /** The YCSB steps, as {@code grid bench run} arguments (without {@code --out}). */
    static final List<List<String>> RUNS = List.of(
            // every workload, embedded, 3 members: the harness is one of them
            List.of("--workload", "A,B,C,D,E,F", "--target", "gridmap,imap,chm,redis", "--mode", "embedded", "--members", "3",
                    "--threads", "8", "--records", "100000", "--warmup", "5s", "--duration", "10s"),
            // client-server: every member a separate JVM
            List.of("--workload", "A,C", "--target", "gridmap,imap", "--mode", "client", "--members", "3",
                    "--threads", "8", "--records", "100000", "--warmup", "5s", "--duration", "10s"),
            // fixed rate, latency from the intended start
            List.of("--workload", "A", "--target", "gridmap,imap", "--mode", "embedded", "--members", "3",
                    "--threads", "8", "--records", "100000", "--warmup", "5s", "--duration", "10s", "--target-ops", "4000"));

    @Override
    public Integer call() {
        Results results = new Results("grid bench all --out " + out, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        long start = System.nanoTime();
        boolean ok = true;
        try {
            for (List<String> run : RUNS) {
                if (stop.stopping()) {
                    break;
                }
                List<String> withOut = new ArrayList<>(run);
                withOut.addAll(List.of("--out", out.toString()));
                RunCommand.log("step: grid bench run " + String.join(" ", withOut));
                ok &= new RunCommand(RunArguments.parse(withOut), stop, results).execute();
                results.write(out); // after every step: whatever happens later, these figures are kept
            }
            if (!stop.stopping()) {
                List<String> lock = List.of("--threads", "4", "--warmup", "2s", "--duration", "5s", "--out", out.toString());
                RunCommand.log("step: grid bench lock " + String.join(" ", lock));
                List<LockResult> locks = LockCommand.measure(LockArguments.parse(lock), stop);
                results.addExtra("lock", locks, "grid bench lock " + String.join(" ", lock), LockResult.table(locks));
                System.out.print(LockResult.table(locks));
                ok &= locks.stream().noneMatch(l -> l.status().equals("failed"));
                results.write(out);
            }
            if (!stop.stopping()) {
                List<String> log = List.of("--quick", "--out", out.toString());
                RunCommand.log("step: grid bench log " + String.join(" ", log));
                ok &= new LogCommand(LogArguments.parse(log), stop, results).run() == 0;
                results.write(out);
            }
            if (!stop.stopping()) {
                ok &= heap(out, stop, results);
                results.write(out);
            }
            if (!stop.stopping()) {
                List<String> jmh = List.of("LocalGetBenchmark", "-p", "keys=100000", "-p", "distribution=zipf", "-bm", "thrpt",
                        "-f", "1", "-wi", "1", "-w", "2s", "-i", "2", "-r", "2s", "-rf", "json", "-rff", out.resolve("jmh.json").toString());
                RunCommand.log("step: grid bench jmh " + String.join(" ", jmh));
                int code = BenchmarkMain.run(jmh.toArray(new String[0]));
                String outcome = code == 0 ? "ok: figures in jmh.json" : "failed (exit code " + code + "; see the output above, "
                        + "e.g. another JMH run holding /tmp/jmh.lock)";
                results.addStep("jmh", "grid bench jmh " + String.join(" ", jmh), outcome);
                ok &= code == 0;
            }
            if (!stop.stopping()) {
                List<String> txn = List.of("-f", "1", "-wi", "1", "-w", "3s", "-i", "2", "-r", "4s",
                        "-rf", "json", "-rff", out.resolve("txn.json").toString());
                RunCommand.log("step: grid bench txn " + String.join(" ", txn));
                int code = TxnCommand.run(txn);
                String outcome = code == 0 ? "ok: figures in txn.json" : "failed (exit code " + code + "; see the output above)";
                results.addStep("txn", "grid bench txn " + String.join(" ", txn), outcome);
                ok &= code == 0;
            }
        } catch (ParameterException e) {
            throw e;
        } catch (Exception e) {
            RunCommand.log("a step failed: " + e);
            ok = false;
        } finally {
            try {
                RunCommand.report(results, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            RunCommand.log(String.format("bench all took %.1f min", (System.nanoTime() - start) / 60e9));
        }
        return ok ? 0 : 1;
    }

    private static boolean heap(Path out, StopSignal stop, Results results) throws Exception {
        Files.createDirectories(out);
        Path md = out.resolve("heap.md");
        List<String> heap = List.of("-Xmx512m", "gridEntries=3000000", "imapStep=1000000", "out=" + md);
        RunCommand.log("step: grid bench heap " + String.join(" ", heap) + " --ycsb-records 1000000 --ycsb-duration 10s");
        HeapScenarioRunner.main(heap.toArray(new String[0]));
        if (Files.exists(md)) {
            results.addExtra("heap_markdown", Files.readString(md), "grid bench heap " + String.join(" ", heap), Files.readString(md));
        }
        return HeapCommand.loadedLatency("512m", 1_000_000, Duration.ofSeconds(10), out, stop, results);
    }
}
