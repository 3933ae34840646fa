package dev.grid.stream;

import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfig;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.pipeline.Pipeline;
import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import dev.grid.log.GridLog;
import dev.grid.log.IsolationLevel;
import dev.grid.log.LogProducer;
import dev.grid.log.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code GridSinks.log} on three embedded members: a job copying a topic into another with EXACTLY_ONCE leaves each
 * input record's copy exactly once for a READ_COMMITTED reader; with NONE the copies are there too, committed at once;
 * a missing output topic fails the job naming it. Member loss: {@code LogSinkMemberLossTest} (fault step).
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class LogSinkTest {
    private static final int RECORDS = 3_000;

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3).partitions(31).configure(config -> config.getLog().setDirectory(GridStreamTest.tempDir()));

    @Test
    void anExactlyOnceCopyHoldsEveryInputRecordOnceForReadCommittedReaders() {
        TopicCopies.Outcome outcome = copy("eo", ProcessingGuarantee.EXACTLY_ONCE);
        System.out.println("LogSinkTest: EXACTLY_ONCE copy: " + outcome.line());
        assertTrue(outcome.exactlyOnce(), outcome.line());
    }

    @Test
    void withoutAGuaranteeEachBatchIsCommittedAtOnce() {
        TopicCopies.Outcome outcome = copy("none", ProcessingGuarantee.NONE);
        System.out.println("LogSinkTest: NONE copy: " + outcome.line());
        assertTrue(outcome.exactlyOnce(), outcome.line());
    }

    private static TopicCopies.Outcome copy(String name, ProcessingGuarantee guarantee) {
        Grid member = CLUSTER.member(0);
        GridLog log = GridLog.of(member);
        String in = name + "-in";
        String out = name + "-out";
        log.createTopic(in, 6);
        log.createTopic(out, 4);
        try (LogProducer producer = log.producer()) {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int i = 0; i < RECORDS; i++) {
                sent.add(producer.send(ProducerRecord.of(in, "r" + i, Integer.toString(i))));
            }
            sent.forEach(CompletableFuture::join);
        }
        Pipeline pipeline = Pipeline.create();
        pipeline.readFrom(GridSources.log(in, LogSourceOptions.fromEarliest())).withoutTimestamps()
                .writeTo(GridSinks.log(out, LogEvent::keyAsString, event -> "copy of " + event.valueAsString()));
        Job job = CLUSTER.client().hazelcast().getJet().newJob(pipeline,
                new JobConfig().setProcessingGuarantee(guarantee).setSnapshotIntervalMillis(200));
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> TopicCopies.countKeys(log, out, IsolationLevel.READ_COMMITTED).size() >= RECORDS);
            Map<String, Integer> inputs = TopicCopies.countKeys(log, in, IsolationLevel.READ_UNCOMMITTED);
            assertEquals(RECORDS, inputs.size());
            return TopicCopies.compare(inputs.keySet(), TopicCopies.countKeys(log, out, IsolationLevel.READ_COMMITTED));
        } finally {
            job.cancel();
        }
    }

    @Test
    void aMissingOutputTopicFailsTheJobNamingIt() {
        GridLog.of(CLUSTER.member(0)).createTopic("sink-source", 2);
        Pipeline pipeline = Pipeline.create();
        pipeline.readFrom(GridSources.log("sink-source", LogSourceOptions.fromEarliest())).withoutTimestamps()
                .writeTo(GridSinks.log("no-such-output", LogEvent::keyAsString, LogEvent::valueAsString));
        Job job = CLUSTER.client().hazelcast().getJet().newJob(pipeline, new JobConfig().setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE));
        Exception e = assertThrows(Exception.class, job::join);
        assertTrue(GridStreamTest.messages(e).contains("log sink: topic 'no-such-output' does not exist"), GridStreamTest.messages(e));
        assertTrue(CLUSTER.members().stream().allMatch(Grid::isRunning), "a failed job must not stop a member");
    }
}
