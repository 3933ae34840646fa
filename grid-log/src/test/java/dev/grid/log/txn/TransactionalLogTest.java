package dev.grid.log.txn;

import com.hazelcast.transaction.HazelcastXAResource;
import com.hazelcast.transaction.TransactionContext;
import com.hazelcast.transaction.TransactionNotActiveException;
import dev.grid.core.Grid;
import dev.grid.core.test.GridCluster;
import dev.grid.log.ConsumerConfig;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.IsolationLevel;
import dev.grid.log.LogConsumer;
import dev.grid.log.LogProducer;
import dev.grid.log.PartitionLag;
import dev.grid.log.ProducerRecord;
import dev.grid.log.ReadOptions;
import dev.grid.log.TopicPartition;
import dev.grid.log.TransactionalGridLog;
import dev.grid.log.spi.MemberLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static dev.grid.log.txn.TxnClusters.values;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Transactional appends on 3 members (one synchronous backup), read by members and a client: commit shows every
 * partition's records, abort hides them for ever, read_committed stops at an open transaction, offsets commit with the
 * transaction or not at all, appends after the end are refused, and an open transaction past its timeout is aborted.
 */
@Timeout(value = 120, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class TransactionalLogTest {
    @RegisterExtension
    static final GridCluster CLUSTER = TxnClusters.members(3).withClient();

    private static String topic(int partitions) {
        String name = "txn-" + UUID.randomUUID().toString().substring(0, 8);
        GridLog.of(CLUSTER.member(0)).createTopic(name, partitions);
        return name;
    }

    private static ProducerRecord record(String topic, int partition, String value) {
        return new ProducerRecord(topic, partition, null, value.getBytes(StandardCharsets.UTF_8), List.of(), -1);
    }

    @Test
    void commitShowsEveryPartitionsRecordsAndMarkersAreHidden() {
        String topic = topic(4);
        TransactionContext tx = CLUSTER.member(1).hazelcast().newTransactionContext();
        tx.beginTransaction();
        TransactionalGridLog log = TransactionalGridLog.in(tx);
        for (int p = 0; p < 4; p++) {
            log.send(record(topic, p, "a" + p));
            log.send(record(topic, p, "b" + p));
        }
        for (int p = 0; p < 4; p++) {
            assertEquals(List.of(), values(CLUSTER.client(), topic, p, IsolationLevel.READ_UNCOMMITTED), "nothing is stored before commit");
        }
        tx.commitTransaction();
        for (int p = 0; p < 4; p++) {
            assertEquals(List.of("a" + p, "b" + p), values(CLUSTER.client(), topic, p, IsolationLevel.READ_COMMITTED));
            assertEquals(List.of("a" + p, "b" + p), values(CLUSTER.member(2), topic, p, IsolationLevel.READ_UNCOMMITTED),
                    "the commit marker is never returned");
            assertEquals(3, GridLog.of(CLUSTER.client()).endOffset(topic, p), "two records and the marker, which takes an offset");
        }
        assertThrows(TransactionNotActiveException.class, () -> log.send(record(topic, 0, "late")),
                "an append after the transaction committed is refused");
        TransactionNotActiveException refused = assertThrows(TransactionNotActiveException.class,
                () -> log.commitOffsets("g", "m", Map.of()));
        assertTrue(refused.getMessage().contains("COMMITTED"), refused.getMessage());
    }

    @Test
    void abortedRecordsAreNeverVisibleToReadCommittedReaders() throws Exception {
        String topic = topic(2);
        HazelcastXAResource xa = TxnClusters.xa(CLUSTER.member(0));
        Xid aborted = TxnClusters.xid();
        xa.start(aborted, XAResource.TMNOFLAGS);
        TransactionalGridLog log = TransactionalGridLog.in(xa.getTransactionContext());
        log.send(record(topic, 0, "gone-1"));
        log.send(record(topic, 1, "gone-2"));
        xa.end(aborted, XAResource.TMSUCCESS);
        assertEquals(XAResource.XA_OK, xa.prepare(aborted));
        assertEquals(List.of("gone-1"), values(CLUSTER.member(0), topic, 0, IsolationLevel.READ_UNCOMMITTED), "stored at prepare");
        xa.rollback(aborted);

        TransactionContext tx = CLUSTER.member(2).hazelcast().newTransactionContext();
        tx.beginTransaction();
        TransactionalGridLog.in(tx).send(record(topic, 0, "kept"));
        tx.commitTransaction();
        try (LogProducer producer = GridLog.of(CLUSTER.member(1)).producer()) {
            producer.send(record(topic, 1, "plain")).join();
        }
        assertEquals(List.of("kept"), values(CLUSTER.client(), topic, 0, IsolationLevel.READ_COMMITTED));
        assertEquals(List.of("plain"), values(CLUSTER.client(), topic, 1, IsolationLevel.READ_COMMITTED));
        assertEquals(List.of("gone-1", "kept"), values(CLUSTER.client(), topic, 0, IsolationLevel.READ_UNCOMMITTED),
                "read_uncommitted sees aborted records, as in Kafka");

        // a read_committed consumer moves past the aborted records and the markers
        try (LogConsumer consumer = GridLog.of(CLUSTER.member(1)).consumer(new ConsumerConfig(topic)
                .setIsolation(IsolationLevel.READ_COMMITTED).setStartFrom(ConsumerConfig.StartFrom.EARLIEST))) {
            List<String> seen = new ArrayList<>();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                for (ConsumerRecord r : consumer.poll(Duration.ofMillis(200))) {
                    seen.add(new String(r.value(), StandardCharsets.UTF_8));
                }
                return seen.size() >= 2;
            });
            assertEquals(List.of("kept", "plain"), seen.stream().sorted().toList());
            assertEquals(4, consumer.position(new TopicPartition(topic, 0)), "past the aborted record, both markers and the kept record");
        }
    }

    @Test
    void readCommittedStopsAtAnOpenTransactionUntilItCommits() throws Exception {
        String topic = topic(1);
        try (LogProducer producer = GridLog.of(CLUSTER.member(1)).producer()) {
            producer.send(record(topic, 0, "before")).join();
            HazelcastXAResource xa = TxnClusters.xa(CLUSTER.member(2));
            Xid open = TxnClusters.xid();
            xa.start(open, XAResource.TMNOFLAGS);
            TransactionalGridLog.in(xa.getTransactionContext()).send(record(topic, 0, "in-txn"));
            xa.end(open, XAResource.TMSUCCESS);
            xa.prepare(open);
            producer.send(record(topic, 0, "after")).join();

            assertEquals(List.of("before", "in-txn", "after"), values(CLUSTER.client(), topic, 0, IsolationLevel.READ_UNCOMMITTED));
            assertEquals(List.of("before"), values(CLUSTER.client(), topic, 0, IsolationLevel.READ_COMMITTED),
                    "stops at the open transaction, though a later record is stored");
            FetchResult page = GridLog.of(CLUSTER.client()).readAsync(topic, 0, 0, 100, ReadOptions.DEFAULT_MAX_BYTES, Duration.ZERO,
                    IsolationLevel.READ_COMMITTED).join();
            assertEquals(1, page.highWatermark(), "the last stable offset: the open transaction's first offset");
            FetchResult spi = MemberLog.of(CLUSTER.member(0).hazelcast()).read(topic, 0, 0, 100, ReadOptions.DEFAULT_MAX_BYTES,
                    Duration.ZERO, IsolationLevel.READ_COMMITTED).join();
            assertEquals(1, spi.records().size(), "the members' SPI (grid-query, grid-stream) reads read_committed too");

            xa.commit(open, false);
            assertEquals(List.of("before", "in-txn", "after"), values(CLUSTER.client(), topic, 0, IsolationLevel.READ_COMMITTED));
        }
    }

    @Test
    void offsetsCommitWithTheTransactionOrNotAtAll() {
        String topic = topic(2);
        String out = topic(1);
        String group = "g-" + UUID.randomUUID().toString().substring(0, 6);
        Grid member = CLUSTER.member(0);
        try (LogConsumer consumer = GridLog.of(member).consumer(new ConsumerConfig(topic).setGroup(group).setAutoCommit(false))) {
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                consumer.poll(Duration.ofMillis(100));
                return consumer.assignment().size() == 2;
            });
            Map<TopicPartition, Long> offsets = Map.of(new TopicPartition(topic, 0), 5L, new TopicPartition(topic, 1), 7L);

            TransactionContext rolledBack = member.hazelcast().newTransactionContext();
            rolledBack.beginTransaction();
            TransactionalGridLog.in(rolledBack).send(record(out, 0, "x"));
            TransactionalGridLog.in(rolledBack).commitOffsets(group, consumer.memberId(), offsets);
            rolledBack.rollbackTransaction();
            assertEquals(List.of(-1L, -1L), committed(member, group, topic), "a rolled back transaction commits no offset");

            TransactionContext refused = member.hazelcast().newTransactionContext();
            refused.beginTransaction();
            TransactionalGridLog.in(refused).send(record(out, 0, "y"));
            TransactionalGridLog.in(refused).commitOffsets(group, "not-a-member", offsets);
            RuntimeException refusal = assertThrows(RuntimeException.class, refused::commitTransaction,
                    "a member that does not hold the partitions cannot commit");
            assertTrue(String.valueOf(refusal.getMessage()).contains("not-a-member") || String.valueOf(refusal.getCause()).contains("not-a-member"),
                    String.valueOf(refusal));
            refused.rollbackTransaction();
            assertEquals(List.of(-1L, -1L), committed(member, group, topic));
            assertEquals(List.of(), values(member, out, 0, IsolationLevel.READ_COMMITTED), "nor are its records committed");

            TransactionContext committed = member.hazelcast().newTransactionContext();
            committed.beginTransaction();
            TransactionalGridLog.in(committed).send(record(out, 0, "z"));
            TransactionalGridLog.in(committed).commitOffsets(group, consumer.memberId(), offsets);
            committed.commitTransaction();
            assertEquals(List.of(5L, 7L), committed(member, group, topic));
            assertEquals(List.of("z"), values(member, out, 0, IsolationLevel.READ_COMMITTED));
        }
    }

    private static List<Long> committed(Grid grid, String group, String topic) {
        return GridLog.of(grid).lag(group, topic).stream().map(PartitionLag::committedOffset).toList();
    }

    @Test
    void anOpenTransactionPastItsTimeoutIsAbortedSoReadersMoveOn() throws Exception {
        String topic = topic(1);
        HazelcastXAResource xa = TxnClusters.xa(CLUSTER.member(1));
        Xid forgotten = TxnClusters.xid();
        xa.setTransactionTimeout(1);
        try {
            xa.start(forgotten, XAResource.TMNOFLAGS);
            TransactionalGridLog.in(xa.getTransactionContext()).send(record(topic, 0, "forgotten"));
            xa.end(forgotten, XAResource.TMSUCCESS);
            xa.prepare(forgotten);            // and its coordinator never comes back
        } finally {
            xa.setTransactionTimeout(0);
        }
        try (LogProducer producer = GridLog.of(CLUSTER.member(1)).producer()) {
            producer.send(record(topic, 0, "after")).join();
        }
        assertEquals(List.of(), values(CLUSTER.client(), topic, 0, IsolationLevel.READ_COMMITTED));
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertEquals(List.of("after"), values(CLUSTER.client(), topic, 0, IsolationLevel.READ_COMMITTED)));
    }

    @Test
    void aClientsTransactionRunsOnItsMemberAndCommitsOrRollsBackAsOne() {
        String topic = topic(2);
        Grid client = CLUSTER.client();

        TransactionContext rolledBack = client.hazelcast().newTransactionContext();
        rolledBack.beginTransaction();
        TransactionalGridLog.in(rolledBack).send(record(topic, 0, "never"));
        rolledBack.rollbackTransaction();

        TransactionContext tx = client.hazelcast().newTransactionContext();
        tx.beginTransaction();
        TransactionalGridLog log = TransactionalGridLog.in(tx);
        assertEquals(new TopicPartition(topic, 1), log.send(record(topic, 1, "c1")));
        log.send(record(topic, 0, "c0"));
        assertEquals(List.of(), values(client, topic, 0, IsolationLevel.READ_UNCOMMITTED), "nothing is stored before commit");
        tx.commitTransaction();
        assertEquals(List.of("c0"), values(CLUSTER.member(1), topic, 0, IsolationLevel.READ_COMMITTED));
        assertEquals(List.of("c1"), values(client, topic, 1, IsolationLevel.READ_COMMITTED));
        TransactionNotActiveException refused = assertThrows(TransactionNotActiveException.class, () -> log.send(record(topic, 0, "late")),
                "a client's append after its transaction ended is refused");
        assertTrue(refused.getMessage().contains(tx.getTxnId().toString()), refused.getMessage());
    }
}
