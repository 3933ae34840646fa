package dev.grid.server.impl.log;

import dev.grid.log.ConsumerConfig;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.GridLog;
import dev.grid.log.LogConsumer;
import dev.grid.log.NotAssignedException;
import dev.grid.log.TopicPartition;

import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a topic as a member of a consumer group: the group's coordinator assigns the partitions, and the offsets of
 * what was printed are committed. Without a limit every record polled is printed, so automatic commit is exact; with
 * {@code --max} the last poll may be printed in part, so the reader commits itself, after each poll, up to the last
 * record printed. {@link #close()} leaves the group, so its partitions move to the other members at once.
 */
final class GroupReader implements RecordSource {
    private final LogConsumer consumer;
    private final boolean commitsItself;
    private final PrintStream err;

    /**
     * @param fromBeginning read a partition the group has no committed offset for from its start, not from its end
     * @param max           the most records that will be printed, or null for no limit
     */
    GroupReader(GridLog log, String topic, String group, boolean fromBeginning, Long max, PrintStream err) {
        this.commitsItself = max != null;
        this.err = err;
        ConsumerConfig config = new ConsumerConfig(topic).setGroup(group)
                .setStartFrom(fromBeginning ? ConsumerConfig.StartFrom.EARLIEST : ConsumerConfig.StartFrom.LATEST)
                .setAutoCommit(!commitsItself);
        if (max != null) {
            config.setMaxPollRecords((int) Math.min(max, config.getMaxPollRecords()));
        }
        this.consumer = log.consumer(config.validate());
    }

    @Override
    public List<ConsumerRecord> poll(Duration timeout) {
        return consumer.poll(timeout);
    }

    @Override
    public void printed(List<ConsumerRecord> polled, int printed) {
        if (!commitsItself || printed == 0) {
            return;
        }
        Map<TopicPartition, Long> offsets = new HashMap<>();
        for (ConsumerRecord record : polled.subList(0, printed)) {
            offsets.merge(record.topicPartition(), record.offset() + 1, Math::max);
        }
        try {
            consumer.commitSync(offsets);
        } catch (NotAssignedException e) {
            // a rebalance gave the partition to another member of the group, which reads it from the last commit
            err.println("grid consume: not committed: " + e.getMessage());
        }
    }

    @Override
    public void close() {
        consumer.close();
    }
}
