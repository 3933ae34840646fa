package dev.grid.perf.bench.stream;

import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.jet.pipeline.Pipeline;
import dev.grid.core.Grid;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * One system's input, job and sink map for one run: created empty, fed by {@link #send}, read by {@link #results}, and
 * removed by {@link #close} (the job cancelled, the input and the sink map destroyed).
 */
abstract class Lane implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);


    private final Grid client;
    private final StreamSystem system;
    private final String name;
    private Job job;

    Lane(Grid client, StreamSystem system, String name) {
        this.client = client;
        this.system = system;
        this.name = name;
    }

    StreamSystem system() {
        return system;
    }

    /** @return the run's name: its job's, and the stem of its topic and maps' */
    String name() {
        return name;
    }

    Grid client() {
        return client;
    }

    /**
     * Appends one event; may block while too many are unacknowledged.
     *
     * @param done called once it is stored, with null, or with the error
     */
    abstract void send(int product, long amount, long timestampMillis, Consumer<Throwable> done);

    /** Appends to every partition of the input an event of {@link StreamPipelines#FLUSH_PRODUCT} at the timestamp, so that every window before it closes. */
    abstract void flushWindows(long timestampMillis);

    /** @return the sink's values of those keys that it has */
    abstract Map<String, Long> results(Set<String> keys);

    /** @return every entry of the sink */
    abstract Map<String, Long> allResults();

    /** @return the pipeline of this system, with that allowed lag */
    abstract Pipeline pipeline(long allowedLagMillis);

    /** Destroys the input and the sink (after the job was cancelled). */
    abstract void destroy();

    /**
     * Submits the job (EXACTLY_ONCE) and waits until Jet reports it running.
     *
     * @return nanoTime when it was seen running
     */
    long start(Duration snapshotInterval, long allowedLagMillis) {
        JobConfig config = new JobConfig().setName(name).setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE)
                .setSnapshotIntervalMillis(snapshotInterval.toMillis());
        job = client.hazelcast().getJet().newJob(pipeline(allowedLagMillis), config);
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (true) {
            JobStatus status = job.getStatus();
            if (status == JobStatus.RUNNING) {
                return System.nanoTime();
            }
            if (status.isTerminal()) {
                job.join(); // throws the job's failure
                throw new IllegalStateException("job " + name + " ended before it ran: " + status);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("job " + name + " not running within " + START_TIMEOUT + ": " + status);
            }
            LockSupport.parkNanos(Duration.ofMillis(2).toNanos());
        }
    }

    /** @return the job's status now, for a failure's reason */
    String jobStatus() {
        return job == null ? "not submitted" : job.getStatus().toString();
    }

    @Override
    public void close() {
        try {
            if (job != null && !job.getStatus().isTerminal()) {
                job.cancel();
                long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
                while (!job.getStatus().isTerminal() && System.nanoTime() < deadline) {
                    LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
                }
            }
        } catch (RuntimeException e) {
            // the cluster is stopped at the end anyway
        } finally {
            try {
                destroy();
            } catch (RuntimeException e) {
                // as above
            }
        }
    }
}
