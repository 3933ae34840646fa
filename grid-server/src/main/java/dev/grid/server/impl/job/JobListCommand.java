package dev.grid.server.impl.job;

import com.hazelcast.jet.JetService;
import com.hazelcast.jet.Job;
import dev.grid.core.Grid;
import dev.grid.monitor.JobFigures;
import dev.grid.server.impl.GridCommand;
import dev.grid.server.impl.log.Table;
import picocli.CommandLine.Command;

import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;

/** {@code grid job list}: the cluster's Jet jobs with their status and figures, newest first. */
@Command(name = "list", mixinStandardHelpOptions = true, header = "list the cluster's jobs with their status, throughput and snapshots",
        description = {"Prints a line per Jet job the cluster knows (running, suspended, and those ended that Jet still keeps), newest first: "
                + "its id, name, status and submission time (UTC); the items its sources emitted and its sinks received; the largest "
                + "watermark latency of its processors (ms, '-' without watermarks); the bytes and keys of its last snapshot and how long "
                + "that snapshot took (ms, '-' without one). Jet collects job metrics every 5 s, so a new job shows 0 items at first. "
                + "SQL queries (Jet's light jobs) are not listed; 'grid sql' shows them. A failed or suspended job's reason follows its line."})
final class JobListCommand extends JobClientCommand {
    JobListCommand(PrintStream out, PrintStream err) {
        super(out, err);
    }

    @Override
    int run(Grid grid, JetService jet) {
        List<JobFigures> jobs = jet.getJobs().stream().filter(job -> !job.isLightJob())
                .sorted(Comparator.comparingLong(Job::getSubmissionTime).reversed())
                .map(job -> JobFigures.of(grid.hazelcast(), job)).toList();
        out.print(format(jobs));
        out.flush();
        return GridCommand.OK;
    }

    static String format(List<JobFigures> jobs) {
        if (jobs.isEmpty()) {
            return "no jobs\n";
        }
        Table table = new Table("id", "name", "status", "submitted", "items in", "items out", "watermark latency ms", "snapshot bytes",
                "snapshot keys", "snapshot ms");
        StringBuilder reasons = new StringBuilder();
        for (JobFigures job : jobs) {
            table.row(job.id(), job.name(), job.status(), Instant.ofEpochMilli(job.submissionTime()).truncatedTo(ChronoUnit.SECONDS),
                    job.itemsIn(), job.itemsOut(), dash(job.watermarkLatencyMillis()), job.snapshotBytes(), job.snapshotKeys(),
                    dash(job.lastSnapshotMillis()));
            if (job.reason() != null) {
                reasons.append(job.id()).append(' ').append(job.status()).append(": ").append(job.reason()).append('\n');
            }
        }
        return table.format("") + reasons;
    }

    private static String dash(long value) {
        return value < 0 ? "-" : String.valueOf(value);
    }
}
