package dev.grid.log.impl.consumer;

import dev.grid.core.config.GridClock;
import dev.grid.log.ConsumerConfig;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.FetchResult;
import dev.grid.log.GridLog;
import dev.grid.log.LogConsumer;
import dev.grid.log.LogException;
import dev.grid.log.NotAssignedException;
import dev.grid.log.OffsetOutOfRangeException;
import dev.grid.log.ReadOptions;
import dev.grid.log.TopicPartition;
import dev.grid.log.impl.group.GroupClient;
import dev.grid.log.impl.group.InvokerGroupClient;
import dev.grid.log.impl.invoke.LogInvoker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A consumer, in a group or alone. Alone, it reads every partition of its topics, from where
 * {@link ConsumerConfig#getStartFrom()} says. In a group, a {@link GroupMembership} thread joins and heartbeats; each
 * poll first applies the coordinator's latest answer: revoked partitions are committed (with automatic commit) and
 * reported released, new ones start at the group's committed offset (or where {@code startFrom} says).
 *
 * <p>Reads are long polls: each assigned partition has at most one read outstanding, waiting on its owner until a
 * record is there (up to {@value #LONG_POLL_MILLIS} ms), so a poll returns as soon as any partition has records and never
 * spins. Records read beyond what one poll returns wait in the consumer for the next.
 */
public final class DefaultLogConsumer implements LogConsumer {
    private static final Logger LOG = LoggerFactory.getLogger(DefaultLogConsumer.class);
    /** How long one outstanding read waits on the partition's owner for records. */
    static final long LONG_POLL_MILLIS = 5_000;
    /** How long after a failed read a partition is read again. */
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final GridLog log;
    private final ConsumerConfig config;
    private final GridClock clock;
    private final GroupMembership membership;
    private final GroupClient group;
    private final long callTimeoutNanos;
    /** The partitions this consumer reads, in order. Confined to the polling thread. */
    private final Map<TopicPartition, PartitionFetch> fetches = new TreeMap<>();
    private volatile CompletableFuture<Void> wakeup = new CompletableFuture<>();
    private long lastAutoCommit;
    private int cursor;
    private boolean closed;

    /**
     * @param log     the log to read
     * @param invoker how to reach the group's coordinator (used only in a group)
     * @param config  the consumer's settings, validated here
     */
    public DefaultLogConsumer(GridLog log, LogInvoker invoker, ConsumerConfig config) {
        this(log, config.getGroup() == null ? null : new InvokerGroupClient(invoker, config.getGroup()),
                label(invoker.isClient()), config, GridClock.SYSTEM);
    }

    /**
     * @param group how to reach the group's coordinator, or null outside a group
     * @param label what the group's coordinator shows for this consumer
     */
    DefaultLogConsumer(GridLog log, GroupClient group, String label, ConsumerConfig config, GridClock clock) {
        this.log = log;
        this.config = config.validate();
        this.clock = clock;
        this.group = group;
        this.callTimeoutNanos = config.getSessionTimeout().toNanos();
        Map<String, Integer> partitionCounts = new LinkedHashMap<>();
        for (String topic : config.getTopics()) {
            partitionCounts.put(topic, log.describeTopic(topic).config().getPartitions());
        }
        this.lastAutoCommit = clock.nanos();
        if (group == null) {
            membership = null;
            partitionCounts.forEach((topic, count) -> {
                for (int p = 0; p < count; p++) {
                    TopicPartition partition = new TopicPartition(topic, p);
                    fetches.put(partition, new PartitionFetch(partition, startOffset(partition)));
                }
            });
        } else {
            membership = new GroupMembership(group, label, config.getTopics(), partitionCounts, config.getSessionTimeout(),
                    config.getHeartbeatInterval(), clock, this::wake);
            membership.join();
            reconcile();
            membership.start();
        }
    }

    // ---- polling ----

    @Override
    public List<ConsumerRecord> poll(Duration timeout) {
        ensureOpen();
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("poll timeout must be >= 0, was " + timeout);
        }
        long deadline = clock.nanos() + timeout.toNanos();
        if (membership != null) {
            membership.pollStarted();
        }
        try {
            maybeAutoCommit();
            while (true) {
                CompletableFuture<Void> woken = new CompletableFuture<>();
                wakeup = woken;
                reconcile();
                List<ConsumerRecord> records = drain();
                long now = clock.nanos();
                long nextRetry = issueReads(now);
                if (!records.isEmpty()) {
                    return records;
                }
                long remaining = deadline - now;
                if (remaining <= 0) {
                    return List.of();
                }
                await(woken, Math.min(remaining, nextRetry - now));
            }
        } finally {
            if (membership != null) {
                membership.pollEnded();
            }
        }
    }

    /** Wakes a waiting poll: a read completed, or the group's answer changed the assignment. */
    private void wake() {
        wakeup.complete(null);
    }

    /** Waits until a read completes (each wakes the poll), the assignment changes, or the time is up. */
    private void await(CompletableFuture<Void> woken, long nanos) {
        try {
            woken.get(Math.max(0, nanos), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogException("interrupted while polling");
        } catch (ExecutionException | TimeoutException e) {
            // a timeout ends the wait
        }
    }

    /** Takes the answers of completed reads into the buffers, then returns up to maxPollRecords, partition by partition in turn. */
    private List<ConsumerRecord> drain() {
        List<PartitionFetch> all = new ArrayList<>(fetches.values());
        for (PartitionFetch fetch : all) {
            if (fetch.inflight != null && fetch.inflight.isDone()) {
                collect(fetch);
            }
        }
        List<ConsumerRecord> records = new ArrayList<>();
        int max = config.getMaxPollRecords();
        for (int i = 0; i < all.size() && records.size() < max; i++) {
            PartitionFetch fetch = all.get((cursor + i) % all.size());
            while (!fetch.buffered.isEmpty() && records.size() < max) {
                ConsumerRecord record = fetch.buffered.poll();
                records.add(record);
                fetch.position = record.offset() + 1;
            }
            fetch.passSkipped();
        }
        if (!all.isEmpty()) {
            cursor = (cursor + 1) % all.size();
        }
        return records;
    }

    private void collect(PartitionFetch fetch) {
        CompletableFuture<FetchResult> done = fetch.inflight;
        fetch.inflight = null;
        FetchResult result;
        try {
            result = done.join();
        } catch (CompletionException | java.util.concurrent.CancellationException e) {
            readFailed(fetch, e.getCause() != null ? e.getCause() : e);
            return;
        }
        if (fetch.inflightFrom != fetch.fetchFrom()) {
            return; // answered for a position the consumer has since left (a seek)
        }
        long next = fetch.fetchFrom();
        for (ConsumerRecord record : result.records()) {
            if (record.offset() >= next) {
                fetch.buffered.add(record);
                next = record.offset() + 1;
            }
        }
        if (result.skippedTo() > next) {
            fetch.skipTo = result.skippedTo();
            fetch.passSkipped();
        }
    }

    private void readFailed(PartitionFetch fetch, Throwable failure) {
        if (failure instanceof OffsetOutOfRangeException) {
            TopicPartition partition = fetch.partition;
            long start = log.startOffset(partition.topic(), partition.partition());
            long end = log.endOffset(partition.topic(), partition.partition());
            long from = fetch.fetchFrom();
            long reset = from < start ? start : Math.min(from, end);
            LOG.warn("Consumer {}: offset {} of {} is out of range ({} to {}): reading from {}", memberId(), from, partition, start, end, reset);
            fetch.seek(reset);
            return;
        }
        LOG.debug("Consumer {}: read of {} failed; retrying", memberId(), fetch.partition, failure);
        fetch.retryAt = clock.nanos() + RETRY_NANOS;
        fetch.retryPending = true;
    }

    /**
     * Sends a read for every partition that has none outstanding and nothing buffered.
     *
     * @return when a partition waiting after a failed read may be read again (far in the future if none waits)
     */
    private long issueReads(long now) {
        long nextRetry = now + TimeUnit.DAYS.toNanos(1);
        for (PartitionFetch fetch : fetches.values()) {
            if (fetch.inflight != null || !fetch.buffered.isEmpty()) {
                continue;
            }
            if (fetch.retryPending && fetch.retryAt - now > 0) {
                nextRetry = Math.min(nextRetry, fetch.retryAt);
                continue;
            }
            fetch.retryPending = false;
            TopicPartition partition = fetch.partition;
            fetch.inflightFrom = fetch.fetchFrom();
            try {
                fetch.inflight = log.readAsync(partition.topic(), partition.partition(), fetch.inflightFrom, config.getMaxPollRecords(),
                        ReadOptions.DEFAULT_MAX_BYTES, Duration.ofMillis(LONG_POLL_MILLIS), config.getIsolation());
            } catch (RuntimeException e) {
                fetch.inflight = CompletableFuture.failedFuture(e);
            }
            fetch.inflight.whenComplete((answer, failure) -> wake());
        }
        return nextRetry;
    }

    // ---- the group's assignment ----

    /** Applies the coordinator's latest answer: commits and releases revoked partitions, starts granted ones. */
    private void reconcile() {
        if (membership == null) {
            return;
        }
        GroupMembership.Assignment assignment = membership.assignment();
        List<TopicPartition> revoked = new ArrayList<>();
        for (TopicPartition partition : fetches.keySet()) {
            if (!assignment.granted().contains(partition)) {
                revoked.add(partition);
            }
        }
        if (!revoked.isEmpty()) {
            if (config.isAutoCommit() && !assignment.fenced()) {
                try {
                    commit(positions(revoked), false);
                } catch (RuntimeException e) {
                    LOG.info("Consumer {} of group '{}' could not commit revoked partitions {} ({}): another member reads them from "
                            + "the last committed offsets", memberId(), membership.group(), revoked, e.toString());
                }
            }
            revoked.forEach(fetches::remove);
            membership.released(revoked);
            LOG.debug("Consumer {} of group '{}' released {}", memberId(), membership.group(), revoked);
        }
        List<TopicPartition> added = new ArrayList<>();
        for (TopicPartition partition : assignment.granted()) {
            if (!fetches.containsKey(partition)) {
                added.add(partition);
            }
        }
        if (!added.isEmpty()) {
            start(added);
        }
    }

    /** Starts reading granted partitions at the group's committed offsets, or where startFrom says for those without one. */
    private void start(List<TopicPartition> partitions) {
        Map<String, List<TopicPartition>> byTopic = new TreeMap<>();
        partitions.forEach(p -> byTopic.computeIfAbsent(p.topic(), t -> new ArrayList<>()).add(p));
        Map<String, CompletableFuture<Map<Integer, Long>>> asked = new HashMap<>();
        byTopic.keySet().forEach(topic -> asked.put(topic, group.committedOffsets(topic)));
        for (Map.Entry<String, List<TopicPartition>> entry : byTopic.entrySet()) {
            Map<Integer, Long> committed;
            try {
                committed = GroupMembership.await(asked.get(entry.getKey()), callTimeoutNanos,
                        "read the committed offsets of group " + group.group() + " for topic " + entry.getKey());
            } catch (LogException e) {
                if (Thread.currentThread().isInterrupted()) {
                    throw e;
                }
                LOG.warn("Consumer {}: {}; {} start on the next poll", memberId(), e.getMessage(), entry.getValue());
                continue;
            }
            for (TopicPartition partition : entry.getValue()) {
                Long offset = committed.get(partition.partition());
                PartitionFetch fetch = new PartitionFetch(partition, offset != null ? offset : startOffset(partition));
                fetch.committed = offset != null ? offset : -1;
                fetches.put(partition, fetch);
            }
        }
    }

    private long startOffset(TopicPartition partition) {
        return config.getStartFrom() == ConsumerConfig.StartFrom.EARLIEST
                ? log.startOffset(partition.topic(), partition.partition())
                : log.endOffset(partition.topic(), partition.partition());
    }

    // ---- commits ----

    private void maybeAutoCommit() {
        if (membership == null || !config.isAutoCommit()) {
            return;
        }
        long now = clock.nanos();
        if (now - lastAutoCommit < config.getAutoCommitInterval().toNanos()) {
            return;
        }
        lastAutoCommit = now;
        try {
            commit(positions(fetches.keySet()), false);
        } catch (RuntimeException e) {
            LOG.info("Consumer {} of group '{}': automatic commit failed ({}); it is retried with the next", memberId(), membership.group(),
                    e.toString());
        }
    }

    private Map<TopicPartition, Long> positions(Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> positions = new TreeMap<>();
        for (TopicPartition partition : partitions) {
            PartitionFetch fetch = fetches.get(partition);
            if (fetch != null) {
                positions.put(partition, fetch.position);
            }
        }
        return positions;
    }

    /** Commits offsets and waits; with {@code always} false, only those that changed since this consumer last committed them. */
    private void commit(Map<TopicPartition, Long> offsets, boolean always) {
        Map<TopicPartition, Long> changed = new TreeMap<>();
        offsets.forEach((partition, offset) -> {
            PartitionFetch fetch = fetches.get(partition);
            if (always || fetch == null || fetch.committed != offset) {
                changed.put(partition, offset);
            }
        });
        if (changed.isEmpty()) {
            return;
        }
        String what = "commit offsets to group " + group.group();
        try {
            GroupMembership.await(group.commit(membership.memberId(), changed), callTimeoutNanos, what);
        } catch (NotAssignedException refused) {
            // The coordinator may have moved (with its cluster partition) and not know us yet: rejoin, reporting the
            // partitions we own, and try once more. If they were given away meanwhile, the second refusal stands.
            membership.beatNow();
            GroupMembership.await(group.commit(membership.memberId(), changed), callTimeoutNanos, what);
        }
        changed.forEach((partition, offset) -> {
            PartitionFetch fetch = fetches.get(partition);
            if (fetch != null) {
                fetch.committed = offset;
            }
        });
    }

    @Override
    public void commitSync() {
        ensureOpen();
        requireGroup("commit");
        commit(positions(fetches.keySet()), true);
    }

    @Override
    public void commitSync(Map<TopicPartition, Long> offsets) {
        ensureOpen();
        requireGroup("commit");
        for (Map.Entry<TopicPartition, Long> entry : offsets.entrySet()) {
            if (!fetches.containsKey(entry.getKey())) {
                throw new NotAssignedException("partition " + entry.getKey() + " is not assigned to member " + memberId() + " of consumer group "
                        + group.group() + " (assigned: " + new TreeSet<>(fetches.keySet()) + "): no offset was committed");
            }
            if (entry.getValue() == null || entry.getValue() < 0) {
                throw new IllegalArgumentException("offset " + entry.getValue() + " to commit for " + entry.getKey() + " must be >= 0");
            }
        }
        commit(offsets, true);
    }

    // ---- positions ----

    /** @return the partitions this consumer reads; in a group, without those the coordinator has revoked or the consumer's lease has lost */
    @Override
    public Set<TopicPartition> assignment() {
        ensureOpen();
        if (membership == null) {
            return Set.copyOf(fetches.keySet());
        }
        Set<TopicPartition> granted = membership.assignment().granted();
        Set<TopicPartition> assigned = new TreeSet<>(fetches.keySet());
        assigned.retainAll(granted);
        return Set.copyOf(assigned);
    }

    @Override
    public long position(TopicPartition partition) {
        return assigned(partition).position;
    }

    @Override
    public void seek(TopicPartition partition, long offset) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset " + offset + " to seek " + partition + " to must be >= 0");
        }
        assigned(partition).seek(offset);
    }

    @Override
    public void seekToBeginning() {
        ensureOpen();
        for (PartitionFetch fetch : fetches.values()) {
            fetch.seek(log.startOffset(fetch.partition.topic(), fetch.partition.partition()));
        }
    }

    @Override
    public void seekToTimestamp(long timestampMillis) {
        ensureOpen();
        for (PartitionFetch fetch : fetches.values()) {
            TopicPartition partition = fetch.partition;
            fetch.seek(log.offsetForTimestamp(partition.topic(), partition.partition(), timestampMillis)
                    .orElseGet(() -> log.endOffset(partition.topic(), partition.partition())));
        }
    }

    private PartitionFetch assigned(TopicPartition partition) {
        ensureOpen();
        PartitionFetch fetch = fetches.get(partition);
        if (fetch == null) {
            throw new IllegalStateException("partition " + partition + " is not assigned to this consumer (assigned: "
                    + new TreeSet<>(fetches.keySet()) + ")");
        }
        return fetch;
    }

    @Override
    public String memberId() {
        return membership == null ? null : membership.memberId();
    }

    // ---- lifecycle ----

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (membership == null) {
            fetches.clear();
            return;
        }
        membership.stop();
        if (config.isAutoCommit() && !membership.assignment().fenced()) {
            try {
                commit(positions(fetches.keySet()), false);
            } catch (RuntimeException e) {
                LOG.warn("Consumer {} of group '{}' could not commit on close ({}): the group reads on from the last committed offsets",
                        memberId(), membership.group(), e.toString());
            }
        }
        fetches.clear();
        membership.leave();
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("this consumer is closed");
        }
    }

    private void requireGroup(String what) {
        if (membership == null) {
            throw new IllegalStateException("cannot " + what + ": this consumer is not in a group (ConsumerConfig.setGroup)");
        }
    }

    private static String label(boolean client) {
        return (client ? "client" : "member") + " pid " + ProcessHandle.current().pid() + " on " + Host.NAME;
    }

    /** This machine's name, looked up once (it may ask DNS). */
    private static final class Host {
        static final String NAME = lookUp();

        private static String lookUp() {
            try {
                return InetAddress.getLocalHost().getHostName();
            } catch (Exception e) {
                return "unknown host";
            }
        }
    }
}
