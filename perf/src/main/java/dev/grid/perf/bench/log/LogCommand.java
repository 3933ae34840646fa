package dev.grid.perf.bench.log;

import dev.grid.perf.bench.report.Results;
import dev.grid.perf.bench.signal.StopSignal;
import dev.grid.perf.bench.targets.TargetUnavailableException;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

/**
 * {@code grid bench log}: for each topology, for each system, deploy it (its servers in child JVMs or processes), then
 * warm up, then produce to a topic of each partition count, read the 1-partition topic back from its first record, and
 * measure end-to-end latency at each rate; stop it; next. Systems run one after the other on the same machine, so their
 * figures are comparable. A system that cannot run here is reported as skipped, with the reason. The results are
 * written after every deployment (and when the run is stopped with Ctrl-C).
 */
public final class LogCommand {
    /** The measured part of the settle run: it must have one, and what it measures is dropped. */
    private static final Duration SETTLE_MEASURED = Duration.ofSeconds(1);
    private final LogOptions options;
    private final StopSignal stop;
    private final Results results;
    private final List<LogRun> runs = new ArrayList<>();
    private final Map<String, Map<String, Map<String, String>>> settings = new LinkedHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "grid-bench-log-watchdog");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param commandLine the command line, for the report
     */
    public LogCommand(LogOptions options, StopSignal stop, String commandLine) {
        this(options, stop, new Results(commandLine, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString()));
    }

    /** With the results of a larger run ({@code grid bench all}): the log section goes into them. */
    public LogCommand(LogOptions options, StopSignal stop, Results results) {
        this.options = options;
        this.stop = stop;
        this.results = results;
    }

    /**
     * Runs everything, prints the summary and writes results.json and report.html.
     *
     * @return 0 if no run failed, 1 otherwise
     */
    public int run() throws IOException {
        long started = System.nanoTime();
        try {
            for (Topology topology : options.topologies()) {
                for (LogSystem system : options.systems()) {
                    if (stop.stopping()) {
                        break;
                    }
                    if (system == LogSystem.REDIS && topology == Topology.REPLICATED) {
                        continue; // no synchronous replica to compare with: Redis is measured in the single topology
                    }
                    measure(system, topology);
                    write();
                }
            }
        } finally {
            System.out.println();
            System.out.print(LogReport.table(runs, options.systems()));
            for (Path f : write()) {
                LogRuns.log("wrote " + f);
            }
            LogRuns.log(String.format(Locale.ROOT, "log benchmark took %.0f s", (System.nanoTime() - started) / 1e9));
            watchdog.shutdownNow();
        }
        return runs.stream().anyMatch(r -> r.status().equals(LogRun.FAILED)) ? 1 : 0;
    }

    /** @return every run so far */
    public List<LogRun> runs() {
        return List.copyOf(runs);
    }

    private List<Path> write() throws IOException {
        LogReport.Document doc = LogReport.document(options, settings, runs);
        results.putSection("log", doc, LogReport.html(doc, options.systems()));
        return results.write(options.out());
    }

    private void measure(LogSystem system, Topology topology) {
        String name = system.label() + " " + topology.label();
        LogRuns.log("log: starting " + name + " (" + topology.servers() + (system == LogSystem.REDIS ? " redis-server" : system == LogSystem.GRID
                ? " member JVM(s)" : " broker JVM(s)") + ")");
        long t0 = System.nanoTime();
        LogTarget target;
        try {
            target = start(system, topology);
        } catch (TargetUnavailableException e) {
            LogRuns.log("log: " + name + " skipped: " + e.getMessage());
            unmeasured(system, topology, LogRun.SKIPPED, e.getMessage());
            return;
        } catch (RuntimeException e) {
            LogRuns.log("log: " + name + " failed to start: " + e.getMessage());
            unmeasured(system, topology, LogRun.FAILED, "start failed: " + e.getMessage());
            return;
        }
        try {
            LogRuns.log(String.format(Locale.ROOT, "log: %s started in %.1f s; child processes: pids %s", name, (System.nanoTime() - t0) / 1e9,
                    target.childPids()));
            settings.computeIfAbsent(system.label(), s -> new LinkedHashMap<>()).put(topology.label(), target.settings());
            scenarios(target, system, topology);
        } finally {
            target.close();
            LogRuns.log("log: " + name + " stopped");
        }
    }

    private LogTarget start(LogSystem system, Topology topology) {
        Path logs = options.out().resolve("logs");
        return switch (system) {
            case GRID -> GridLogTarget.start(topology, options, logs);
            case KAFKA -> KafkaLogTarget.start(topology, options, logs);
            case REDIS -> RedisStreamsTarget.start(options, logs);
        };
    }

    private void scenarios(LogTarget target, LogSystem system, Topology topology) {
        String name = "log " + system.label() + " " + topology.label();
        // warm-up: JIT, connections, files; not reported
        step(target, system, topology, LogRuns.PRODUCE, 0, null, () -> {
            target.createTopic("warmup", 1);
            LogRun w = LogRuns.produce(target, topology, name + " warm-up produce", "warmup", 1, options.warmupRecords(), options.runLimit(), stop);
            LogRuns.consume(target, topology, name + " warm-up consume", "warmup", w.records(), options.runLimit(), stop);
            return null;
        });
        long onePartition = -1;
        for (int partitions : options.partitions()) {
            String topic = "produce-" + partitions;
            LogRun r = step(target, system, topology, LogRuns.PRODUCE, partitions, null, () -> {
                target.createTopic(topic, partitions);
                return LogRuns.produce(target, topology, name + " produce " + partitions + "p", topic, partitions, options.records(),
                        options.runLimit(), stop);
            });
            if (partitions == 1 && r != null && r.records() > 0) {
                onePartition = r.records();
            }
        }
        long expected = onePartition;
        step(target, system, topology, LogRuns.CONSUME, 1, null, () -> {
            String topic = "produce-1";
            long records = expected;
            if (records < 0) { // no 1-partition produce run: fill one, unmeasured
                topic = "consume-1";
                target.createTopic(topic, 1);
                records = LogRuns.produce(target, topology, name + " fill for consume", topic, 1, options.records(), options.runLimit(), stop)
                        .records();
            }
            return LogRuns.consume(target, topology, name + " consume 1p", topic, records, options.runLimit(), stop);
        });
        settle(target, system, topology, name);
        for (int rate : options.rates()) {
            String topic = "latency-" + rate;
            step(target, system, topology, LogRuns.LATENCY, 1, (double) rate, () -> {
                target.createTopic(topic, 1);
                return LogRuns.latency(target, topology, String.format(Locale.ROOT, "%s latency %,d/s", name, rate), topic, rate,
                        options.warmup(), options.duration(), stop);
            });
        }
    }

    /**
     * Runs the latency scenario at the lowest rate for {@code --settle}, not reported, so that the measured runs start from
     * a steady state: on a 2-core machine, grid's and Kafka's per-second p99 kept falling for 1-2 minutes of that load while
     * their JVMs compiled (the first latency run of a deployment measured 11.4 ms at 50,000/s, where the same run after
     * another 65 s of load measured 5.5 ms). The lowest rate, because 90 s at 50,000/s left 600 MB of files behind, whose
     * background work (grid's check of rolled segments, the kernel writing the pages back) went on into the first measured
     * run of both systems.
     */
    private void settle(LogTarget target, LogSystem system, Topology topology, String name) {
        if (options.settle().isZero()) {
            return;
        }
        int rate = options.rates().stream().min(Integer::compare).orElseThrow();
        step(target, system, topology, LogRuns.LATENCY, 0, (double) rate, () -> {
            target.createTopic("settle", 1);
            LogRuns.latency(target, topology, String.format(Locale.ROOT, "%s settle %,d/s", name, rate), "settle", rate, options.settle(),
                    SETTLE_MEASURED, stop);
            return null;
        });
    }

    /**
     * A step that returns a run to report (or null for the warm-up); a failure is reported as the run's and the next step
     * goes on. A step that outlives twice its planned time plus a minute (a call that never answers) has its servers
     * stopped by a watchdog, which makes the blocked client calls fail.
     */
    private LogRun step(LogTarget target, LogSystem system, Topology topology, String scenario, int partitions, Double rate,
                        Supplier<LogRun> body) {
        if (stop.stopping()) {
            return null;
        }
        Duration limit = options.runLimit().plus(options.warmup()).plus(options.settle()).plus(options.duration()).multipliedBy(2)
                .plusMinutes(1);
        AtomicBoolean hung = new AtomicBoolean();
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            hung.set(true);
            LogRuns.log("log: " + system.label() + " " + topology.label() + " " + scenario + " did not finish within " + limit.toSeconds()
                    + " s: stopping its servers");
            target.close();
        }, limit.toMillis(), TimeUnit.MILLISECONDS);
        try {
            LogRun run = body.get();
            if (run != null) {
                runs.add(run);
                LogRuns.log("log: " + system.label() + " " + topology.label() + " " + summary(run));
            }
            return run;
        } catch (RuntimeException e) {
            String status = stop.stopping() ? LogRun.INTERRUPTED : LogRun.FAILED;
            String reason = hung.get() ? "did not finish within " + limit.toSeconds() + " s (its servers were stopped): " + e : e.toString();
            LogRuns.log("log: " + system.label() + " " + topology.label() + " " + scenario + " " + status + ": " + reason);
            LogRun failed = LogRun.unmeasured(system, topology, partitions == 0 ? "warm-up" : scenario, Math.max(1, partitions), rate, status,
                    reason);
            runs.add(failed);
            return failed;
        } finally {
            alarm.cancel(false);
        }
    }

    private static String summary(LogRun r) {
        if (r.latency() != null) {
            return String.format(Locale.ROOT, "latency at %,.0f/s: p50 %,.0f µs, p99 %,.0f µs, p99.9 %,.0f µs, max %,.0f µs (%,d records)%s",
                    r.rate(), r.latency().p50(), r.latency().p99(), r.latency().p999(), r.latency().max(), r.latency().count(),
                    r.reason() == null ? "" : "; " + r.reason());
        }
        return String.format(Locale.ROOT, "%s %d partition(s): %,.0f records/s (%,d records in %.2f s)%s", r.scenario(), r.partitions(),
                r.recordsPerSecond(), r.records(), r.seconds(), r.reason() == null ? "" : "; " + r.reason());
    }

    private void unmeasured(LogSystem system, Topology topology, String status, String reason) {
        for (int partitions : options.partitions()) {
            runs.add(LogRun.unmeasured(system, topology, LogRuns.PRODUCE, partitions, null, status, reason));
        }
        runs.add(LogRun.unmeasured(system, topology, LogRuns.CONSUME, 1, null, status, reason));
        for (int rate : options.rates()) {
            runs.add(LogRun.unmeasured(system, topology, LogRuns.LATENCY, 1, (double) rate, status, reason));
        }
    }
}
