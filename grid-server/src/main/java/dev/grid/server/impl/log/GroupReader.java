package dev.grid.server.impl.log;

import dev.grid.log.ConsumerConfig;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.GridLog;
import dev.grid.log.LogConsumer;
import dev.grid.log.NotAssignedException;
import dev.grid.log.TopicPartition;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a topic as a member of a consumer group: the group's coordinator assigns the partitions, and the offsets of
 * what was printed are committed, every second and when the reader closes. It commits itself rather than with the
 * consumer's automatic commit, which commits what a poll returned: with {@code --max} the last poll is printed in
 * part, and when standard output closes a poll is not printed at all. {@link #close()} leaves the group, so its
 * partitions move to the other members at once.
 */
final class GroupReader implements RecordSource {
    /** As the consumer's automatic commit does by default. */
    static final Duration COMMIT_INTERVAL = new ConsumerConfig().getAutoCommitInterval();

    private final LogConsumer consumer;
    private final PrintStream err;
    private final Clock clock;
    private final Map<TopicPartition, Long> uncommitted = new HashMap<>();
    private Instant lastCommit;

    /**
     * @param fromBeginning read a partition the group has no committed offset for from its start, not from its end
     * @param max           the most records that will be printed, or null for no limit
     */
    GroupReader(GridLog log, String topic, String group, boolean fromBeginning, Long max, LogCli cli) {
        this.err = cli.err();
        this.clock = cli.clock();
        ConsumerConfig config = new ConsumerConfig(topic).setGroup(group)
                .setStartFrom(fromBeginning ? ConsumerConfig.StartFrom.EARLIEST : ConsumerConfig.StartFrom.LATEST)
                .setAutoCommit(false);
        if (max != null) {
            config.setMaxPollRecords((int) Math.min(max, config.getMaxPollRecords()));
        }
        this.consumer = log.consumer(config.validate());
        this.lastCommit = clock.instant();
    }

    @Override
    public List<ConsumerRecord> poll(Duration timeout) {
        return consumer.poll(timeout);
    }

    @Override
    public void printed(List<ConsumerRecord> polled, int printed) {
        for (ConsumerRecord record : polled.subList(0, printed)) {
            uncommitted.merge(record.topicPartition(), record.offset() + 1, Math::max);
        }
        if (Duration.between(lastCommit, clock.instant()).compareTo(COMMIT_INTERVAL) >= 0) {
            commit();
        }
    }

    private void commit() {
        lastCommit = clock.instant();
        // a partition a rebalance gave to another member is read by it from the last commit
        uncommitted.keySet().retainAll(consumer.assignment());
        if (uncommitted.isEmpty()) {
            return;
        }
        try {
            consumer.commitSync(Map.copyOf(uncommitted));
        } catch (NotAssignedException e) {
            err.println("grid consume: not committed: " + e.getMessage());
        }
        uncommitted.clear();
    }

    @Override
    public void close() {
        try {
            commit();
        } finally {
            consumer.close();
        }
    }
}
