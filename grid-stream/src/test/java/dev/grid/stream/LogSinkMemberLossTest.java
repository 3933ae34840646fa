package dev.grid.stream;

import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.core.JobStatus;
import com.hazelcast.jet.pipeline.Pipeline;
import com.hazelcast.jet.pipeline.Sink;
import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import dev.grid.log.GridLog;
import dev.grid.log.IsolationLevel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Exactly once into the log across a member loss, embedded: a producer appends records with unique keys to a topic
 * while an EXACTLY_ONCE job copies it through {@code GridSinks.log} into another topic; a member is terminated mid-run
 * (Jet restarts the job from its last snapshot on the two left). A READ_COMMITTED reader of the output then finds every
 * input record's copy exactly once. The mutant (the sink commits each inbox at once instead of with the snapshots, the
 * at-least-once path) must make the same checker fail: what it appended after the last snapshot is appended again.
 */
@Tag("faults")
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class LogSinkMemberLossTest {
    /** Keys never repeat: {@code k<seq>}. */
    private static final int KEYS = Integer.MAX_VALUE;

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3).upTo(4).partitions(31)
            .configure(config -> config.getLog().setDirectory(GridStreamTest.tempDir()));

    @Test
    void everyRecordIsCopiedOnceWhenAMemberIsTerminatedMidRun() throws Exception {
        TopicCopies.Outcome outcome = run("loss", false);
        System.out.println("LogSinkMemberLossTest: EXACTLY_ONCE, member terminated: " + outcome.line());
        assertTrue(outcome.exactlyOnce(), outcome.line());
    }

    @Test
    void withCommitsBeforeTheSnapshotTheCheckerFails() throws Exception {
        TopicCopies.Outcome outcome;
        outcome = run("mutant", true);
        System.out.println("LogSinkMemberLossTest mutant (commits at once): " + outcome.line());
        assertFalse(outcome.exactlyOnce(), "the mutant should append records twice: " + outcome.line());
    }

    private static TopicCopies.Outcome run(String name, boolean mutant) throws Exception {
        // each test terminates a member: the next one starts with three again (as MemberLossTest)
        if (CLUSTER.members().stream().filter(Grid::isRunning).count() < 3) {
            CLUSTER.startMember();
        }
        CLUSTER.awaitSafe(3);
        Grid driver = CLUSTER.members().stream().filter(Grid::isRunning).findFirst().orElseThrow();
        GridLog log = GridLog.of(driver);
        String in = name + "-in";
        String out = name + "-out";
        log.createTopic(in, 6);
        log.createTopic(out, 6);
        Pipeline pipeline = Pipeline.create();
        Sink<LogEvent> sink = GridSinks.logRecords(out, event -> dev.grid.log.ProducerRecord.of(out, event.keyAsString(), "copy of " + event.valueAsString()),
                Duration.ofSeconds(60));
        pipeline.readFrom(GridSources.log(in, LogSourceOptions.fromLatest())).withoutTimestamps()
                .writeTo(mutant ? Mutants.committingAtOnce(sink) : sink);
        Job job = driver.hazelcast().getJet().newJob(pipeline,
                new JobConfig().setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(200));
        await().atMost(Duration.ofSeconds(60)).until(() -> job.getStatus() == JobStatus.RUNNING);
        SteadyProducer producer = new SteadyProducer(log, in, KEYS, 2_000);
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> TopicCopies.countKeys(log, out, IsolationLevel.READ_COMMITTED).size() >= 4_000);
            Grid victim = CLUSTER.members().stream().filter(Grid::isRunning).filter(m -> m != driver).findFirst().orElseThrow();
            long started = System.nanoTime();
            victim.hazelcast().getLifecycleService().terminate();
            int before = await().atMost(Duration.ofSeconds(30)).ignoreExceptions()
                    .until(() -> TopicCopies.countKeys(log, out, IsolationLevel.READ_COMMITTED).size(), size -> true);
            // reads may fail while the partitions' leadership moves
            await().atMost(Duration.ofSeconds(90)).ignoreExceptions().until(() -> job.getStatus() == JobStatus.RUNNING
                    && TopicCopies.countKeys(log, out, IsolationLevel.READ_COMMITTED).size() >= before + 4_000);
            System.out.println("LogSinkMemberLossTest: " + name + ": copies committed again " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                    + " ms after the member was terminated");
        } finally {
            producer.stop();
        }
        System.out.println("LogSinkMemberLossTest: " + name + ": " + producer.acknowledged() + " appends acknowledged, " + producer.failed() + " failed");
        Map<String, Integer> inputs = TopicCopies.countKeys(log, in, IsolationLevel.READ_UNCOMMITTED);
        try {
            AtomicReference<TopicCopies.Outcome> previous = new AtomicReference<>();
            // until every input is copied, or (the mutant) until the output stops changing
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                TopicCopies.Outcome now = TopicCopies.compare(inputs.keySet(), TopicCopies.countKeys(log, out, IsolationLevel.READ_COMMITTED));
                boolean settled = mutant && now.missing().isEmpty() && now.equals(previous.getAndSet(now));
                return now.exactlyOnce() || settled;
            });
            return TopicCopies.compare(inputs.keySet(), TopicCopies.countKeys(log, out, IsolationLevel.READ_COMMITTED));
        } finally {
            job.cancel();
        }
    }
}
