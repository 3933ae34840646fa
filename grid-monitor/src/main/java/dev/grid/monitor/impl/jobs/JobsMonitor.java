package dev.grid.monitor.impl.jobs;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.JetService;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import dev.grid.core.MetricsCollector;
import dev.grid.core.MetricsSource;
import dev.grid.monitor.JobFigures;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * The cluster's Jet jobs as this member's monitor sees them: their {@link JobFigures}, read on the monitor's own
 * thread every refresh interval (Jet collects the metrics behind them every 5 s by default) and cached, so that
 * {@code /metrics} and the dashboard never wait on the cluster. Restarts are counted here, as new execution start
 * times seen since the monitor started; an ended job is read once. The jobs are the cluster's, not this member's: only the oldest member reports
 * them as metrics, so that a sum over members counts each job once. Light jobs (SQL queries) are left out.
 */
public final class JobsMonitor implements MetricsSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(JobsMonitor.class);

    private final HazelcastInstance hazelcast;
    private final BooleanSupplier reports;
    private final ScheduledExecutorService reader;
    private final Map<String, long[]> executions = new ConcurrentHashMap<>();
    /** Jobs that ended (completed, failed, cancelled) do not change: read once, kept while Jet lists them. */
    private final Map<String, JobFigures> ended = new HashMap<>();
    private volatile List<JobFigures> cached = List.of();
    private volatile String problem;

    /**
     * @param hazelcast     the member
     * @param refreshMillis how often the jobs are read
     * @param threadName    the reading thread's name
     * @param reports       whether this member reports the jobs as metrics now (the oldest member)
     */
    public JobsMonitor(HazelcastInstance hazelcast, long refreshMillis, String threadName, BooleanSupplier reports) {
        this.hazelcast = hazelcast;
        this.reports = reports;
        this.reader = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
        if (hazelcast.getConfig().getJetConfig().isEnabled()) {
            reader.scheduleWithFixedDelay(this::refresh, 0, refreshMillis, TimeUnit.MILLISECONDS);
        } else {
            problem = "Jet is off on this member (grid.jetEnabled): no jobs";
        }
    }

    /** @return the jobs as last read, newest first */
    public List<JobFigures> jobs() {
        return cached;
    }

    /** @return why the jobs could not be read, or null */
    public String problem() {
        return problem;
    }

    /** @return how many times the job's execution restarted since this monitor first saw it running */
    public long restarts(String jobId) {
        long[] seen = executions.get(jobId);
        return seen == null ? 0 : seen[1];
    }

    /**
     * @param idOrName a job's id or name
     * @return the job, or null
     */
    public Job job(String idOrName) {
        JetService jet = hazelcast.getJet();
        for (Job job : jet.getJobs()) {
            if (!job.isLightJob() && (job.getIdString().equals(idOrName) || idOrName.equals(job.getName()))) {
                return job;
            }
        }
        return null;
    }

    /** Reads the jobs again now (the dashboard does after it changed one). */
    public void refreshSoon() {
        reader.execute(this::refresh);
    }

    private void refresh() {
        try {
            List<JobFigures> jobs = new ArrayList<>();
            Map<String, JobFigures> stillEnded = new HashMap<>();
            for (Job job : hazelcast.getJet().getJobs()) {
                if (job.isLightJob()) {
                    continue;
                }
                JobFigures figures = ended.get(job.getIdString());
                if (figures == null) {
                    figures = JobFiguresReader.read(hazelcast, job);
                    countExecution(figures);
                }
                if (isEnded(figures)) {
                    stillEnded.put(figures.id(), figures);
                }
                jobs.add(figures);
            }
            ended.clear();
            ended.putAll(stillEnded);
            jobs.sort(Comparator.comparingLong(JobFigures::submissionTime).reversed());
            cached = List.copyOf(jobs);
            executions.keySet().retainAll(jobs.stream().map(JobFigures::id).toList());
            problem = null;
        } catch (RuntimeException e) {
            problem = "the jobs could not be read: " + e;
            LOG.debug("reading Jet's jobs failed: {}", e.toString());
        }
    }

    private static boolean isEnded(JobFigures job) {
        return JobStatus.valueOf(job.status()).isTerminal();
    }

    private void countExecution(JobFigures job) {
        if (job.executionStartTime() <= 0) {
            return;
        }
        long[] seen = executions.computeIfAbsent(job.id(), id -> new long[] {job.executionStartTime(), 0});
        if (seen[0] != job.executionStartTime()) {
            seen[0] = job.executionStartTime();
            seen[1]++;
        }
    }

    @Override
    public void collectInto(MetricsCollector c) {
        if (!reports.getAsBoolean()) {
            return;
        }
        for (JobFigures job : cached) {
            Map<String, String> labels = Map.of("job", job.name(), "id", job.id());
            c.gauge("grid_job_status", "1 for the job's current Jet status (label status), reported by the oldest member",
                    Map.of("job", job.name(), "id", job.id(), "status", job.status()), 1);
            c.counter("grid_job_restarts_total", "new executions of the job (restarts, resumes) the oldest member's monitor saw", labels,
                    restarts(job.id()));
            c.counter("grid_job_source_items_total", "items the job's source vertices emitted (Jet's emittedCount)", labels, job.itemsIn());
            c.counter("grid_job_sink_items_total", "items the job's sink vertices received (Jet's receivedCount)", labels, job.itemsOut());
            if (isEnded(job)) {
                continue; // an ended job (Jet keeps up to 1000 for 7 days) reports its status and totals only
            }
            for (JobFigures.VertexFigures v : job.vertices()) {
                Map<String, String> vertex = Map.of("job", job.name(), "id", job.id(), "vertex", v.name());
                c.counter("grid_job_vertex_received_items_total", "items a vertex's processors received on their input edges", vertex, v.received());
                c.counter("grid_job_vertex_emitted_items_total", "items a vertex's processors emitted, snapshot items not counted", vertex,
                        v.emitted());
            }
            if (job.watermarkLatencyMillis() >= 0) {
                c.gauge("grid_job_watermark_latency_seconds", "the largest lag of the job's forwarded watermarks behind the wall clock", labels,
                        job.watermarkLatencyMillis() / 1000.0);
            }
            c.gauge("grid_job_snapshot_bytes", "bytes of the job's last snapshot (Jet's snapshotBytes)", labels, job.snapshotBytes());
            c.gauge("grid_job_snapshot_keys", "keys of the job's last snapshot (Jet's snapshotKeys)", labels, job.snapshotKeys());
            if (job.lastSnapshotMillis() >= 0) {
                c.gauge("grid_job_snapshot_duration_seconds", "how long the job's last successful snapshot took", labels,
                        job.lastSnapshotMillis() / 1000.0);
            }
        }
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
