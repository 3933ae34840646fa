package dev.grid.stream;

import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.ProcessingGuarantee;
import com.hazelcast.jet.core.JobStatus;
import dev.grid.core.Grid;
import dev.grid.core.GridMap;
import dev.grid.core.test.GridCluster;
import dev.grid.log.GridLog;
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
 * Exactly once across a member loss, embedded: a producer appends to a topic while the windowed-sums job runs with
 * EXACTLY_ONCE; a member is terminated mid-run (Jet restarts the job from its last snapshot on the two left); the
 * totals in the GridMap equal the topic's exactly. The job reads from the latest offsets and starts before the
 * producer, so it sees every record; the mutant (the source keeps no offsets in its snapshots, so the restarted job
 * starts again at the latest offsets and skips what was appended since the last snapshot) must make the same checker
 * fail.
 */
@Tag("faults")
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class MemberLossTest {
    private static final int KEYS = 20;

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(3).upTo(4).partitions(31)
            .configure(config -> config.getLog().setDirectory(GridStreamTest.tempDir()));

    @Test
    void sumsStayExactWhenAMemberIsTerminatedMidRun() throws Exception {
        WindowedSums.Outcome outcome = run("loss", false);
        System.out.println("MemberLossTest: EXACTLY_ONCE, member terminated: " + outcome.line());
        assertTrue(outcome.allExact(), outcome.line());
    }

    @Test
    @Tag("faults")
    void withoutOffsetsInTheSnapshotTheCheckerFails() throws Exception {
        WindowedSums.Outcome outcome;
        outcome = run("mutant", true);
        System.out.println("MemberLossTest mutant (no offsets in snapshots): " + outcome.line());
        assertFalse(outcome.allExact(), "the mutant should skip records: " + outcome.line());
    }

    private static WindowedSums.Outcome run(String name, boolean mutant) throws Exception {
        // each test terminates a member: the next one starts with three again (with two, a second loss before the
        // first one's backups are copied again loses the job's snapshot; that test once waited 60 s for windows)
        if (CLUSTER.members().stream().filter(Grid::isRunning).count() < 3) {
            CLUSTER.startMember();
        }
        CLUSTER.awaitSafe(3);
        Grid driver = CLUSTER.members().stream().filter(Grid::isRunning).findFirst().orElseThrow();
        GridLog log = GridLog.of(driver);
        String topic = name + "-events";
        String map = name + "-sums";
        log.createTopic(topic, 6);
        GridMap<String, Long> sums = driver.map(map);
        Job job;
        long lastTimestamp;
        job = WindowedSums.submitFromLatest(driver, topic, map, ProcessingGuarantee.EXACTLY_ONCE, mutant);
        SteadyProducer producer = new SteadyProducer(log, topic, KEYS, 2_000);
        try {
            // some windows closed and written, several snapshots taken
            await().atMost(Duration.ofSeconds(60)).until(() -> job.getStatus() == JobStatus.RUNNING && sums.size() >= KEYS);
            Grid victim = CLUSTER.members().stream().filter(Grid::isRunning).filter(m -> m != driver).findFirst().orElseThrow();
            long started = System.nanoTime();
            victim.hazelcast().getLifecycleService().terminate();
            int before = sums.size();
            // restarted on the members left and writing again
            await().atMost(Duration.ofSeconds(60)).until(() -> job.getStatus() == JobStatus.RUNNING && sums.size() >= before + KEYS);
            System.out.println("MemberLossTest: " + name + ": writing windows again " + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started)
                    + " ms after the member was terminated");
        } finally {
            producer.stop();
        }
        lastTimestamp = producer.lastTimestamp();
        WindowedSums.flush(log, topic, lastTimestamp);
        Map<String, Long> expected = WindowedSums.expected(log, topic);
        try {
            AtomicReference<Map<String, Long>> previous = new AtomicReference<>();
            // until exact, or (the mutant) until the map stops changing
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).until(() -> {
                Map<String, Long> actual = WindowedSums.actual(sums);
                boolean settled = actual.equals(previous.getAndSet(actual)) && mutant;
                return WindowedSums.compare(expected, actual).allExact() || settled;
            });
            return WindowedSums.compare(expected, WindowedSums.actual(sums));
        } finally {
            job.cancel();
        }
    }
}
