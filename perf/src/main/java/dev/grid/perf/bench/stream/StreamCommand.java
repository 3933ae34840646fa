package dev.grid.perf.bench.stream;

import dev.grid.perf.bench.report.Results;
import dev.grid.perf.bench.signal.StopSignal;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * {@code grid bench stream}: start the cluster; the throughput run of grid, then of the IMap journal; the latency run of
 * each at the given rate or half the slower one's throughput; stop the cluster. Each run has its own input, job and sink,
 * removed after it. Results are written after every run (and when the run is stopped with Ctrl-C).
 */
public final class StreamCommand {
    private static final List<StreamSystem> SYSTEMS = List.of(StreamSystem.GRID, StreamSystem.IMAP_JOURNAL);

    private final StreamOptions options;
    private final StopSignal stop;
    private final Results results;
    private final List<StreamRun> runs = new ArrayList<>();
    private final Map<String, String> settings = new LinkedHashMap<>();
    private String rateSource;

    /** @param commandLine the command line, for the report */
    public StreamCommand(StreamOptions options, StopSignal stop, String commandLine) {
        this.options = options;
        this.stop = stop;
        this.results = new Results(commandLine, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    /**
     * Runs everything, prints the summary and writes results.json and report.html.
     *
     * @return 0 if every run measured and every result was right, 1 otherwise
     */
    public int run() throws IOException {
        long started = System.nanoTime();
        try {
            log("stream: starting " + options.members() + " member JVM(s)");
            StreamCluster cluster;
            try {
                cluster = StreamCluster.start(options, options.out().resolve("logs"));
            } catch (RuntimeException e) {
                log("stream: the cluster failed to start: " + e.getMessage());
                for (StreamSystem system : SYSTEMS) {
                    runs.add(StreamRun.unmeasured(system, StreamRun.THROUGHPUT, StreamRun.FAILED, "start failed: " + e.getMessage()));
                }
                return 1;
            }
            try (cluster) {
                log("stream: cluster up; member pids " + cluster.childPids());
                settings.putAll(cluster.settings());
                measure(cluster);
            }
        } finally {
            System.out.println();
            System.out.print(StreamReport.table(runs, StreamReport.goals(runs, options.rate() == 0)));
            for (Path f : write()) {
                log("wrote " + f);
            }
            log(String.format(Locale.ROOT, "stream benchmark took %.0f s", (System.nanoTime() - started) / 1e9));
        }
        return runs.size() == 2 * SYSTEMS.size() && runs.stream().allMatch(StreamRun::ok) ? 0 : 1;
    }

    /** @return every run so far */
    public List<StreamRun> runs() {
        return List.copyOf(runs);
    }

    private void measure(StreamCluster cluster) {
        double slowest = Double.MAX_VALUE;
        for (StreamSystem system : SYSTEMS) {
            StreamRun run = step(system, StreamRun.THROUGHPUT, cluster.lane(system, StreamRun.THROUGHPUT, options.records()),
                    lane -> ThroughputRun.measure(lane, options, stop, StreamCommand::log));
            if (run != null && run.ok()) {
                slowest = Math.min(slowest, run.eventsPerSecond());
            }
        }
        int rate;
        if (options.rate() > 0) {
            rate = options.rate();
            rateSource = String.format(Locale.ROOT, "%,d events/s (--rate)", rate);
        } else if (slowest < Double.MAX_VALUE) {
            rate = (int) Math.max(1, Math.round(slowest / 2));
            rateSource = String.format(Locale.ROOT, "%,d events/s (half the slower system's %,.0f events/s)", rate, slowest);
        } else {
            for (StreamSystem system : SYSTEMS) {
                runs.add(StreamRun.unmeasured(system, StreamRun.LATENCY, StreamRun.FAILED, "no throughput measured to take half of; give --rate"));
            }
            return;
        }
        log("stream: latency runs at " + rateSource);
        long events = rate * (options.warmup().toSeconds() + options.duration().toSeconds() + 2);
        for (StreamSystem system : SYSTEMS) {
            step(system, StreamRun.LATENCY, cluster.lane(system, StreamRun.LATENCY, events),
                    lane -> LatencyRun.measure(lane, options, rate, stop, StreamCommand::log));
        }
    }

    /** Runs one system's run on its lane, then removes the lane; a failure, a wrong sum included, is the run's, and the next one goes on. */
    private StreamRun step(StreamSystem system, String scenario, Lane lane, Function<Lane, StreamRun> measure) {
        if (stop.stopping()) {
            lane.close();
            return null;
        }
        log("stream: " + scenario + " run of " + system.label() + ": " + system.description());
        StreamRun run;
        try (lane) {
            run = measure.apply(lane);
        } catch (RuntimeException e) {
            String status = stop.stopping() ? StreamRun.INTERRUPTED : StreamRun.FAILED;
            log("stream: " + scenario + " " + system.label() + " " + status + ": " + e);
            run = StreamRun.unmeasured(system, scenario, status, e.toString());
        }
        if (run.ok()) {
            log(String.format(Locale.ROOT, "stream: %s %s: %,.0f events/s%s; %,d window results, every one checked", scenario, system.label(),
                    run.eventsPerSecond(), run.windowLatency() == null ? "" : String.format(Locale.ROOT, ", window p50 %.1f ms p99 %.1f ms",
                            run.windowLatency().p50() / 1000, run.windowLatency().p99() / 1000), run.windows()));
        } else {
            log("stream: " + scenario + " " + system.label() + " " + run.status().toUpperCase(Locale.ROOT) + ": " + run.reason());
        }
        runs.add(run);
        try {
            write();
        } catch (IOException e) {
            log("stream: cannot write the results yet: " + e.getMessage());
        }
        return run;
    }

    private List<Path> write() throws IOException {
        StreamReport.Document doc = StreamReport.document(options, settings, rateSource, runs);
        results.putSection("stream", doc, StreamReport.html(doc));
        return results.write(options.out());
    }

    static void log(String line) {
        System.out.println("[bench] " + line);
    }
}
