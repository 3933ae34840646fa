package dev.grid.perf.bench;

import dev.grid.perf.bench.load.LoadRunner;
import dev.grid.perf.bench.load.LoadSpec;
import dev.grid.perf.bench.load.Measurement;
import dev.grid.perf.bench.load.Progress;
import dev.grid.perf.bench.report.Results;
import dev.grid.perf.bench.report.RunResult;
import dev.grid.perf.bench.report.RunResult.Status;
import dev.grid.perf.bench.report.TerminalTable;
import dev.grid.perf.bench.targets.BenchTarget;
import dev.grid.perf.bench.targets.ClusterSettings;
import dev.grid.perf.bench.targets.ClusterUnreachableException;
import dev.grid.perf.bench.targets.Deployment;
import dev.grid.perf.bench.targets.Deployments;
import dev.grid.perf.bench.targets.Mode;
import dev.grid.perf.bench.targets.TargetKind;
import dev.grid.perf.bench.targets.TargetUnavailableException;
import dev.grid.perf.bench.ycsb.Operation;
import dev.grid.perf.bench.ycsb.Workload;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * {@code grid bench run}: for each target (and mode), start its deployment, then for each workload
 * load a fresh map and run it; targets run one after the other on the same machine, so their
 * results are comparable. A target that cannot run is recorded as skipped, with the reason.
 */
public final class RunCommand {
    private final RunOptions options;
    private final StopSignal stop;
    private final Results results;

    /**
     * @param options the validated options
     * @param stop    the stop signal (Ctrl-C)
     * @param results where runs are added (several commands may share one, as {@code bench all} does)
     */
    public RunCommand(RunOptions options, StopSignal stop, Results results) {
        this.options = options;
        this.stop = stop;
        this.results = results;
    }

    /**
     * Runs every target and workload, adding each run to the results.
     *
     * @return true if no run failed
     * @throws ClusterUnreachableException if {@code --address} does not answer (bad input, not a failed run)
     */
    public boolean execute() {
        boolean ok = true;
        for (TargetKind kind : options.targets()) {
            for (Mode mode : kind.onGridMembers() ? options.modes() : List.of(Mode.EMBEDDED)) {
                if (stop.stopping()) {
                    return ok;
                }
                ok &= runTarget(kind, mode);
            }
        }
        return ok;
    }

    private boolean runTarget(TargetKind kind, Mode mode) {
        String modeLabel = kind.onGridMembers() ? mode.label() : kind == TargetKind.CHM ? "in-process" : "server";
        int members = kind.onGridMembers() ? (options.addresses().isEmpty() ? options.members() : 0) : 1;
        ClusterSettings settings = new ClusterSettings(options.members(), options.partitions(), options.memberHeap(),
                options.records(), options.fields() * options.fieldLength(), options.addresses(), options.clusterName(),
                options.connectTimeout(), options.out().resolve("logs"), 0);
        String where = !kind.onGridMembers() ? "" : options.addresses().isEmpty() ? ", " + options.members() + " member(s)"
                : ", cluster at " + String.join(",", options.addresses());
        log("starting " + kind.label() + " (" + modeLabel + where + ")");
        Deployment deployment;
        try {
            deployment = Deployments.start(kind, mode, settings, options.threads());
        } catch (TargetUnavailableException e) {
            log(kind.label() + " skipped: " + e.getMessage());
            for (Workload w : options.workloads()) {
                results.add(new RunResult(kind.label(), modeLabel, members, spec(w), Status.SKIPPED, e.getMessage(), null));
            }
            return true;
        } catch (ClusterUnreachableException e) {
            throw e;
        } catch (RuntimeException e) {
            log(kind.label() + " failed to start: " + e);
            for (Workload w : options.workloads()) {
                results.add(new RunResult(kind.label(), modeLabel, members, spec(w), Status.FAILED, "start failed: " + e.getMessage(), null));
            }
            return false;
        }
        boolean ok = true;
        try {
            if (!deployment.childPids().isEmpty()) {
                log(kind.label() + " child processes: pids " + deployment.childPids());
            }
            for (Workload workload : options.workloads()) {
                if (stop.stopping()) {
                    break;
                }
                ok &= runWorkload(kind, deployment, workload);
            }
        } finally {
            deployment.close();
            log(kind.label() + " (" + modeLabel + ") stopped");
        }
        return ok;
    }

    private boolean runWorkload(TargetKind kind, Deployment deployment, Workload workload) {
        LoadSpec spec = spec(workload);
        String label = kind.label() + " " + deployment.mode() + (deployment.members() > 1 ? " x" + deployment.members() : "")
                + " " + workload.name();
        BenchTarget target;
        try {
            target = deployment.open(workload);
        } catch (RuntimeException e) {
            results.add(new RunResult(kind.label(), deployment.mode(), deployment.members(), spec, Status.FAILED, e.toString(), null));
            return false;
        }
        try {
            if (workload.proportions().containsKey(Operation.SCAN) && target.scanSupport() != null) {
                String reason = "unsupported: " + target.scanSupport();
                log(label + " skipped: " + reason);
                results.add(new RunResult(kind.label(), deployment.mode(), deployment.members(), spec, Status.SKIPPED, reason, null));
                return true;
            }
            log(label + ": loading " + String.format(Locale.ROOT, "%,d", spec.records()) + " records of "
                    + spec.fieldCount() * spec.fieldLength() + " bytes, then " + workload + " for " + seconds(spec.warmup())
                    + " warm-up + " + seconds(spec.duration()) + (spec.fixedRate()
                    ? String.format(Locale.ROOT, " at %,.0f ops/s", spec.targetOps()) : " at max throughput")
                    + ", " + spec.threads() + " threads");
            Measurement m = new LoadRunner(target, spec, p -> progress(label, p), stop::stopping, label).run();
            Status status = m.interrupted() ? Status.INTERRUPTED : Status.OK;
            results.add(new RunResult(kind.label(), deployment.mode(), deployment.members(), spec, status,
                    m.interrupted() ? "stopped after " + String.format(Locale.ROOT, "%.1f", m.measuredSeconds()) + " s measured" : null, m));
            return true;
        } catch (RuntimeException e) {
            log(label + " failed: " + e);
            Status status = stop.stopping() ? Status.INTERRUPTED : Status.FAILED;
            results.add(new RunResult(kind.label(), deployment.mode(), deployment.members(), spec, status, e.toString(), null));
            return status != Status.FAILED;
        } finally {
            try {
                target.close();
            } catch (RuntimeException e) {
                log(label + ": freeing the map failed: " + e);
            }
        }
    }

    private LoadSpec spec(Workload workload) {
        return new LoadSpec(workload, options.distribution() != null ? options.distribution() : workload.defaultDistribution(),
                options.zipfConstant(), options.records(), options.fields(), options.fieldLength(), options.threads(),
                options.warmup(), options.duration(), options.targetOps(), options.seed());
    }

    private static String seconds(java.time.Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    private static void progress(String label, Progress p) {
        System.out.printf(Locale.ROOT, "[bench] %s %5.1fs %s ops/s %,12.0f  p99 %s µs  errors %d%n", label, p.second(),
                p.warmup() ? "warm-up" : "run    ", p.opsPerSecond(), formatMicros(p.p99Micros()), p.errors());
    }

    private static String formatMicros(double micros) {
        return micros >= 100 ? String.format(Locale.ROOT, "%,.0f", micros) : String.format(Locale.ROOT, "%.1f", micros);
    }

    static void log(String line) {
        System.out.println("[bench] " + line);
    }

    /**
     * Prints the table and writes results.json and report.html.
     *
     * @return the directory written
     */
    static Path report(Results results, Path out) throws IOException {
        System.out.println();
        System.out.print(TerminalTable.render(results.runs()));
        List<Path> files = results.write(out);
        System.out.println();
        for (Path f : files) {
            log("wrote " + f);
        }
        return out;
    }
}
