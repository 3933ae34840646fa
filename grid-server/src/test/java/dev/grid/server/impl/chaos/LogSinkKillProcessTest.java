package dev.grid.server.impl.chaos;

import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sink;
import dev.grid.core.Grid;
import dev.grid.log.GridLog;
import dev.grid.log.IsolationLevel;
import dev.grid.stream.GridSinks;
import dev.grid.stream.GridSources;
import dev.grid.stream.LogEvent;
import dev.grid.stream.LogSourceOptions;
import dev.grid.stream.Mutants;
import dev.grid.stream.SteadyProducer;
import dev.grid.stream.TopicCopies;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The log sink's exactly-once promise checked from the outside: three {@code grid start} member processes, a client
 * appending records with unique keys to a topic, and an EXACTLY_ONCE job copying it into another topic through
 * {@code GridSinks.log}, submitted from the client, while a member is killed with SIGKILL twice (restarted in between).
 * Afterwards a {@code READ_COMMITTED} reader of the output finds every input key exactly once.
 *
 * <p>The checker can fail: the mutant job writes through {@code Mutants.committingAtOnce} (the sink commits each inbox
 * at once), so what it wrote after the last snapshot is written again after each restart.
 */
@Tag("faults")
class LogSinkKillProcessTest {
    private static final String IN = "chaos-copy-in";
    private static final String OUT = "chaos-copy-out";
    private static final int LOG_PARTITIONS = 8;
    private static final int RECORDS_PER_SECOND = 2_000;
    private static final int KILLS = 2;

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void everyRecordIsCopiedOnceAfterTwoKills(@TempDir Path dir) throws Exception {
        TopicCopies.Outcome outcome = run(dir, false);
        System.out.println("LogSinkKillProcessTest: EXACTLY_ONCE, " + KILLS + " kills: " + outcome.line());
        assertTrue(outcome.exactlyOnce(), outcome.line());
    }

    @Test
    @Timeout(value = 8, unit = TimeUnit.MINUTES)
    void withCommitsBeforeTheSnapshotTheCheckerFails(@TempDir Path dir) throws Exception {
        TopicCopies.Outcome outcome = run(dir, true);
        System.out.println("LogSinkKillProcessTest mutant (commits at once), " + KILLS + " kills: " + outcome.line());
        assertFalse(outcome.exactlyOnce(), "the mutant's restarts write records again: " + outcome.line());
    }

    private static TopicCopies.Outcome run(Path dir, boolean mutant) throws Exception {
        try (ThreeMemberKills members = ThreeMemberKills.start(dir, "LogSinkKillProcessTest", "384m", 13)) {
            try (Grid client = members.client()) {
                GridLog log = GridLog.of(client);
                log.createTopic(IN, LOG_PARTITIONS);
                log.createTopic(OUT, LOG_PARTITIONS);
                Job job = submit(client, mutant);
                SteadyProducer producer = new SteadyProducer(log, IN, Integer.MAX_VALUE, RECORDS_PER_SECOND);
                try {
                    awaitCopies(job, log, 2_000);
                    for (int kill = 1; kill <= KILLS; kill++) {
                        int before = copies(log);
                        long killed = System.nanoTime();
                        members.killAndRestart(kill, () -> producer.acknowledged() + " records acknowledged, " + before + " copies committed");
                        awaitCopies(job, log, before + 2_000);
                        System.out.println("LogSinkKillProcessTest: kill " + kill + ": copies committed again after "
                                + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - killed) + " ms (job " + job.getStatus() + ")");
                    }
                } finally {
                    producer.stop();
                }
                System.out.println("LogSinkKillProcessTest: producer stopped: " + producer.acknowledged() + " acknowledged, "
                        + producer.failed() + " failed");
                Map<String, Integer> inputs = TopicCopies.countKeys(log, IN, IsolationLevel.READ_UNCOMMITTED);
                try {
                    AtomicReference<TopicCopies.Outcome> previous = new AtomicReference<>();
                    // until every input is copied once, or until the output has not changed for 5 s with every input there
                    await("the job to copy the last records").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(5))
                            .ignoreExceptions().until(() -> {
                                TopicCopies.Outcome now = TopicCopies.compare(inputs.keySet(), TopicCopies.countKeys(log, OUT,
                                        IsolationLevel.READ_COMMITTED));
                                boolean settled = now.missing().isEmpty() && now.equals(previous.getAndSet(now));
                                return now.exactlyOnce() || settled;
                            });
                    return TopicCopies.compare(inputs.keySet(), TopicCopies.countKeys(log, OUT, IsolationLevel.READ_COMMITTED));
                } finally {
                    StreamKillProcessTest.cancel(job);
                }
            }
        }
    }

    private static Job submit(Grid client, boolean mutant) {
        Sink<LogEvent> sink = GridSinks.log(OUT, LogEvent::keyAsString, event -> "copy of " + event.valueAsString());
        Pipeline pipeline = Pipeline.create();
        pipeline.readFrom(GridSources.log(IN, LogSourceOptions.fromEarliest())).withoutTimestamps()
                .writeTo(mutant ? Mutants.committingAtOnce(sink) : sink);
        Job job = client.hazelcast().getJet().newJob(pipeline, new JobConfig().setName("log-sink-chaos")
                .setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(200));
        await("the job to run").atMost(Duration.ofSeconds(60)).until(() -> job.getStatus() == JobStatus.RUNNING);
        return job;
    }

    /** @return the copies a READ_COMMITTED reader of the output finds, or -1 while the output cannot be read (a member died) */
    private static int copies(GridLog log) {
        try {
            return TopicCopies.countKeys(log, OUT, IsolationLevel.READ_COMMITTED).values().stream().mapToInt(Integer::intValue).sum();
        } catch (RuntimeException unreadable) {
            return -1;
        }
    }

    /** Waits until the job runs and the output holds at least {@code count} committed copies. */
    private static void awaitCopies(Job job, GridLog log, int count) {
        await("the job to commit " + count + " copies").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> job.getStatus() == JobStatus.RUNNING && copies(log) >= count);
    }
}
