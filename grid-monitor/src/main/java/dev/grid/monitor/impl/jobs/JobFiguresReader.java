package dev.grid.monitor.impl.jobs;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.jet.core.JobSuspensionCause;
import com.hazelcast.jet.core.metrics.JobMetrics;
import com.hazelcast.jet.core.metrics.Measurement;
import com.hazelcast.jet.core.metrics.MetricNames;
import com.hazelcast.jet.core.metrics.MetricTags;
import com.hazelcast.jet.impl.JobExecutionRecord;
import com.hazelcast.jet.impl.JobRepository;
import dev.grid.monitor.JobFigures;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Reads a job's {@link JobFigures} from Jet's public job metrics and, for the last snapshot's duration, which Jet's
 * public API does not give, from Jet's internal job execution record (the {@code __jet.executionRecords} map).
 */
public final class JobFiguresReader {
    private static final String SNAPSHOT_ORDINAL = "snapshot";

    private JobFiguresReader() {
    }

    /** @see JobFigures#of(HazelcastInstance, Job) */
    public static JobFigures read(HazelcastInstance hazelcast, Job job) {
        JobStatus status = job.getStatus();
        JobMetrics metrics = status == JobStatus.NOT_RUNNING ? JobMetrics.empty() : job.getMetrics();
        Map<String, long[]> vertices = new LinkedHashMap<>();
        long in = 0;
        long out = 0;
        for (Measurement m : metrics.get(MetricNames.RECEIVED_COUNT)) {
            vertex(vertices, m)[0] += m.value();
            if ("true".equals(m.tag(MetricTags.SINK))) {
                out += m.value();
            }
        }
        for (Measurement m : metrics.get(MetricNames.EMITTED_COUNT)) {
            if (SNAPSHOT_ORDINAL.equals(m.tag(MetricTags.ORDINAL))) {
                continue;
            }
            vertex(vertices, m)[1] += m.value();
            if ("true".equals(m.tag(MetricTags.SOURCE))) {
                in += m.value();
            }
        }
        long latency = -1;
        for (Measurement m : metrics.get(MetricNames.LAST_FORWARDED_WM_LATENCY)) {
            if (m.value() >= 0 && m.value() != Long.MIN_VALUE) {
                latency = Math.max(latency, m.value());
            }
        }
        long bytes = sum(metrics.get(MetricNames.SNAPSHOT_BYTES));
        long keys = sum(metrics.get(MetricNames.SNAPSHOT_KEYS));
        JobExecutionRecord.SnapshotStats snapshot = lastSnapshot(hazelcast, job.getId());
        List<JobFigures.VertexFigures> perVertex = vertices.entrySet().stream()
                .map(e -> new JobFigures.VertexFigures(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        String name = job.getName() == null ? job.getIdString() : job.getName();
        return new JobFigures(job.getIdString(), name, status.name(), job.getSubmissionTime(), in, out, latency, bytes, keys,
                snapshot == null ? -1 : snapshot.duration(), snapshot == null ? 0 : snapshot.endTime(), reason(job, status), max(metrics.get(MetricNames.EXECUTION_START_TIME)), perVertex);
    }

    private static long[] vertex(Map<String, long[]> vertices, Measurement m) {
        String name = m.tag(MetricTags.VERTEX);
        return vertices.computeIfAbsent(name == null ? "?" : name, v -> new long[2]);
    }

    private static long max(List<Measurement> measurements) {
        long max = -1;
        for (Measurement m : measurements) {
            max = Math.max(max, m.value());
        }
        return max;
    }

    private static long sum(List<Measurement> measurements) {
        long total = 0;
        for (Measurement m : measurements) {
            total += Math.max(0, m.value());
        }
        return total;
    }

    private static JobExecutionRecord.SnapshotStats lastSnapshot(HazelcastInstance hazelcast, long jobId) {
        try {
            Object record = hazelcast.getMap(JobRepository.JOB_EXECUTION_RECORDS_MAP_NAME).get(jobId);
            return record instanceof JobExecutionRecord r ? r.snapshotStats() : null;
        } catch (RuntimeException e) {
            return null; // not readable (a client without permission, the record gone): no snapshot figures
        }
    }

    private static String reason(Job job, JobStatus status) {
        try {
            if (status == JobStatus.SUSPENDED) {
                JobSuspensionCause cause = job.getSuspensionCause();
                return cause.requestedByUser() ? "suspended by a user" : cause.description();
            }
            if (status == JobStatus.FAILED && job.isUserCancelled()) {
                return "cancelled by a user";
            }
            if (status == JobStatus.FAILED) {
                job.getFuture().get(1, TimeUnit.SECONDS);
            }
        } catch (ExecutionException | CompletionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return cause.getMessage() == null ? cause.toString() : cause.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (CancellationException e) {
            return "cancelled";
        } catch (TimeoutException | RuntimeException e) {
            return e.toString();
        }
        return null;
    }
}
