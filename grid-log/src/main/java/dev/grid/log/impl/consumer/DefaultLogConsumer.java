package dev.grid.log.impl.consumer;

import dev.grid.log.ConsumerConfig;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.GridLog;
import dev.grid.log.LogConsumer;
import dev.grid.log.TopicPartition;
import dev.grid.log.impl.invoke.LogInvoker;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A consumer, in a group or alone (placeholder until consumer groups land). */
public final class DefaultLogConsumer implements LogConsumer {

    public DefaultLogConsumer(GridLog log, LogInvoker invoker, ConsumerConfig config) {
        throw new UnsupportedOperationException("consumers are not built yet");
    }

    @Override
    public List<ConsumerRecord> poll(Duration timeout) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void commitSync() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void commitSync(Map<TopicPartition, Long> offsets) {
        throw new UnsupportedOperationException();
    }

    @Override
    public Set<TopicPartition> assignment() {
        throw new UnsupportedOperationException();
    }

    @Override
    public long position(TopicPartition partition) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void seek(TopicPartition partition, long offset) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void seekToBeginning() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void seekToTimestamp(long timestampMillis) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String memberId() {
        return null;
    }

    @Override
    public void close() {
    }
}
