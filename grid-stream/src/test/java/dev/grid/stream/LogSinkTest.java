package dev.grid.stream;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
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

import javax.transaction.xa.XAException;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.nio.ByteBuffer;
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
 * a missing output topic fails the job naming it; a cancelled job leaves no transaction prepared. Member loss: {@code LogSinkMemberLossTest} (fault step).
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

    /**
     * An EXACTLY_ONCE job whose sink prepared transactions early (over 4 MiB each, with no snapshot for an hour to commit
     * them) is cancelled: nothing of the job's can commit or roll them back any more, so the cancel rolls them back.
     * Without that they stay listed by the cluster's XA service for good, their records prepared until the timeout.
     */
    @Test
    void aCancelledJobLeavesNoTransactionPrepared() throws Exception {
        Grid member = CLUSTER.member(0);
        GridLog log = GridLog.of(member);
        log.createTopic("cancelled-in", 3);
        log.createTopic("cancelled-out", 4);
        try (LogProducer producer = log.producer()) {
            List<CompletableFuture<?>> sent = new ArrayList<>();
            for (int i = 0; i < 150; i++) {
                sent.add(producer.send(ProducerRecord.of("cancelled-in", "r" + i, Integer.toString(i))));
            }
            sent.forEach(CompletableFuture::join);
        }
        String large = "x".repeat(100_000);
        Pipeline pipeline = Pipeline.create();
        pipeline.readFrom(GridSources.log("cancelled-in", LogSourceOptions.fromEarliest())).withoutTimestamps()
                .writeTo(GridSinks.log("cancelled-out", LogEvent::keyAsString, event -> large));
        Job job = CLUSTER.client().hazelcast().getJet().newJob(pipeline,
                new JobConfig().setProcessingGuarantee(ProcessingGuarantee.EXACTLY_ONCE).setSnapshotIntervalMillis(3_600_000));
        HazelcastInstance hazelcast = member.hazelcast();
        try {
            await().atMost(Duration.ofSeconds(60)).until(() -> !preparedOf(hazelcast, job.getId()).isEmpty());
            System.out.println("LogSinkTest: prepared before the cancel: " + preparedOf(hazelcast, job.getId()).size());
        } finally {
            job.cancel();
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> job.getStatus() == JobStatus.FAILED);
        await().atMost(Duration.ofSeconds(30)).until(() -> preparedOf(hazelcast, job.getId()).isEmpty());
        assertEquals(0, TopicCopies.countKeys(log, "cancelled-out", IsolationLevel.READ_COMMITTED).size(), "nothing of it committed");
    }

    /** @return the XA branches of the cluster that the log sink of this job prepared (their global id starts with the job id) */
    private static List<Xid> preparedOf(HazelcastInstance hazelcast, long jobId) throws XAException {
        List<Xid> found = new ArrayList<>();
        for (Xid xid : hazelcast.getXAResource().recover(XAResource.TMSTARTRSCAN | XAResource.TMENDRSCAN)) {
            if (xid.getGlobalTransactionId().length >= 8 && ByteBuffer.wrap(xid.getGlobalTransactionId()).getLong() == jobId) {
                found.add(xid);
            }
        }
        return found;
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
