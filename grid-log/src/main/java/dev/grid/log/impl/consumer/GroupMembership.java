package dev.grid.log.impl.consumer;

import dev.grid.core.config.GridClock;
import dev.grid.log.LogException;
import dev.grid.log.TopicPartition;
import dev.grid.log.impl.group.GroupAssignment;
import dev.grid.log.impl.group.GroupClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A consumer's membership of its group, kept by a daemon thread of its own: it joins, heartbeats every heartbeat
 * interval reporting the partitions the consumer owns, takes the coordinator's answer (the partitions the consumer may
 * own now: grants are owned at once, revocations are released by the polling thread once it has committed them), and
 * rejoins when the coordinator does not know it. Two rules keep a partition from being read by two members at once:
 * a consumer whose heartbeats have not been answered for its session timeout (counted from when the last answered one
 * was sent, so before the coordinator can expire it) gives up every partition; and one whose application has not
 * called poll for its session timeout leaves the group, and rejoins on its next poll.
 */
final class GroupMembership {
    private static final Logger LOG = LoggerFactory.getLogger(GroupMembership.class);
    private static final AtomicInteger THREADS = new AtomicInteger();
    /** The least pause between two attempts after a failed heartbeat. */
    private static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(50);

    /** The assignment as the polling thread sees it. */
    record Assignment(Set<TopicPartition> granted, boolean fenced) {
    }

    private final GroupClient client;
    private final String label;
    private final List<String> topics;
    private final Map<String, Integer> partitionCounts;
    private final long sessionNanos;
    private final long heartbeatNanos;
    /** How long before the coordinator could end its session a consumer stops reading (clocks and threads are not exact). */
    private final long fenceMarginNanos;
    private final GridClock clock;
    private final Runnable wakePoll;

    private final Object lock = new Object();
    // guarded by lock
    private String memberId;
    private Set<TopicPartition> granted = Set.of();
    private final Set<TopicPartition> owned = new TreeSet<>();
    private long leaseUntil;
    private boolean fenced;
    private boolean leftForPollTimeout;
    private boolean beatSoon;
    private boolean stopped;

    private volatile boolean inPoll;
    private volatile long lastPollEnd;
    private Thread thread;

    GroupMembership(GroupClient client, String label, List<String> topics, Map<String, Integer> partitionCounts, Duration sessionTimeout,
                    Duration heartbeatInterval, GridClock clock, Runnable wakePoll) {
        this.client = client;
        this.label = label;
        this.topics = List.copyOf(topics);
        this.partitionCounts = Map.copyOf(partitionCounts);
        this.sessionNanos = sessionTimeout.toNanos();
        this.heartbeatNanos = heartbeatInterval.toNanos();
        this.fenceMarginNanos = Math.min(sessionNanos / 10, (sessionNanos - heartbeatNanos) / 2);
        this.clock = clock;
        this.wakePoll = wakePoll;
        this.lastPollEnd = clock.nanos();
    }

    String group() {
        return client.group();
    }

    /** Joins the group, waiting up to the session timeout for the answer. */
    void join() {
        long sent = clock.nanos();
        GroupAssignment answer = await(client.join(null, label, topics, TimeUnit.NANOSECONDS.toMillis(sessionNanos), partitionCounts, Set.of()),
                sessionNanos, "join consumer group " + group());
        apply(answer, sent);
    }

    /** Starts the heartbeat thread. */
    void start() {
        thread = new Thread(this::heartbeats, "grid-log-heartbeat-" + group() + "-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        thread.start();
    }

    String memberId() {
        synchronized (lock) {
            return memberId;
        }
    }

    /** @return the partitions the consumer may read now: none once its lease has ended, even before the heartbeat thread notices */
    Assignment assignment() {
        synchronized (lock) {
            if (!fenced && memberId != null && leaseEnded()) {
                return new Assignment(Set.of(), true);
            }
            return new Assignment(granted, fenced);
        }
    }

    /** Guarded by lock. */
    private boolean leaseEnded() {
        return clock.nanos() - (leaseUntil - fenceMarginNanos) >= 0;
    }

    /** The polling thread stopped reading these revoked partitions (and committed them): the next heartbeat, sent soon, says so. */
    void released(Collection<TopicPartition> partitions) {
        synchronized (lock) {
            for (TopicPartition partition : partitions) {
                if (!granted.contains(partition)) {
                    owned.remove(partition);
                }
            }
            beatSoon = true;
            lock.notifyAll();
        }
    }

    /**
     * Heartbeats now, on the caller's thread, rejoining (with the partitions the consumer still owns) if the coordinator
     * no longer knows it: a coordinator that moved with its cluster partition starts with no members.
     */
    void beatNow() {
        try {
            beat(clock.nanos());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogException("interrupted while heartbeating to consumer group " + group(), e);
        }
    }

    void pollStarted() {
        inPoll = true;
        synchronized (lock) {
            if (leftForPollTimeout) {
                beatSoon = true;
                lock.notifyAll();
            }
        }
    }

    void pollEnded() {
        lastPollEnd = clock.nanos();
        inPoll = false;
    }

    /** Stops heartbeating (the consumer keeps its partitions until it leaves or its session expires). */
    void stop() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(TimeUnit.NANOSECONDS.toMillis(sessionNanos));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Leaves the group, waiting up to the session timeout: the consumer's partitions are free at once. */
    void leave() {
        String id = memberId();
        if (id == null) {
            return;
        }
        try {
            await(client.leave(id), sessionNanos, "leave consumer group " + group());
        } catch (RuntimeException e) {
            LOG.warn("Consumer {} could not leave group '{}' (its partitions move when its session times out): {}", id, group(),
                    e.toString());
        }
    }

    // ---- the heartbeat thread ----

    private void heartbeats() {
        long nextBeat = clock.nanos() + heartbeatNanos;
        int failures = 0;
        while (true) {
            synchronized (lock) {
                while (!stopped && !beatSoon && nextBeat - clock.nanos() > 0 && (fenced || memberId == null || !leaseEnded())) {
                    long until = fenced || memberId == null ? nextBeat : Math.min(nextBeat, leaseUntil - fenceMarginNanos);
                    long waitMillis = Math.max(1, TimeUnit.NANOSECONDS.toMillis(until - clock.nanos()));
                    try {
                        lock.wait(waitMillis);
                    } catch (InterruptedException e) {
                        if (stopped) {
                            return;
                        }
                    }
                }
                if (stopped) {
                    return;
                }
                beatSoon = false;
            }
            fenceIfLeaseEnded();
            long sent = clock.nanos();
            if (!inPoll && sent - lastPollEnd > sessionNanos) {
                if (!isLeftForPollTimeout()) {
                    leaveForPollTimeout();
                }
                nextBeat = sent + heartbeatNanos;
                continue; // out of the group until the application polls again
            }
            try {
                beat(sent);
                if (failures > 0) {
                    LOG.info("Consumer {} of group '{}' reaches its coordinator again after {} failed heartbeats", memberId(), group(), failures);
                }
                failures = 0;
                nextBeat = sent + heartbeatNanos;
            } catch (InterruptedException e) {
                if (isStopped()) {
                    return;
                }
            } catch (RuntimeException e) {
                if (failures++ == 0) {
                    LOG.warn("Consumer {} of group '{}': heartbeat failed ({}); retrying", memberId(), group(), e.toString());
                } else {
                    LOG.debug("Consumer {} of group '{}': heartbeat failed again", memberId(), group(), e);
                }
                nextBeat = clock.nanos() + Math.max(RETRY_NANOS, heartbeatNanos / 2);
            }
            fenceIfLeaseEnded();
        }
    }

    private boolean isLeftForPollTimeout() {
        synchronized (lock) {
            return leftForPollTimeout;
        }
    }

    private boolean isStopped() {
        synchronized (lock) {
            return stopped;
        }
    }

    private void beat(long sent) throws InterruptedException {
        String id;
        Set<TopicPartition> report;
        boolean rejoin;
        long waitNanos;
        synchronized (lock) {
            id = memberId;
            report = new TreeSet<>(owned);
            rejoin = leftForPollTimeout;
            waitNanos = memberId == null ? sessionNanos : Math.max(RETRY_NANOS, Math.min(sessionNanos, leaseUntil - sent));
        }
        long sessionMillis = TimeUnit.NANOSECONDS.toMillis(sessionNanos);
        GroupAssignment answer = rejoin || id == null
                ? awaitInterruptibly(client.join(id, label, topics, sessionMillis, partitionCounts, report), waitNanos)
                : awaitInterruptibly(client.heartbeat(id, report), waitNanos);
        if (answer.isUnknownMember()) {
            LOG.info("Consumer {} is not known to the coordinator of group '{}' (its session expired or the coordinator moved): "
                    + "it rejoins, still owning {}", id, group(), report);
            sent = clock.nanos();
            answer = awaitInterruptibly(client.join(id, label, topics, sessionMillis, partitionCounts, report), sessionNanos);
        }
        apply(answer, sent);
    }

    private void apply(GroupAssignment answer, long sent) {
        if (answer.isUnknownMember()) {
            throw new LogException("the coordinator of consumer group " + group() + " did not accept consumer " + memberId + "'s join");
        }
        boolean changed;
        synchronized (lock) {
            memberId = answer.memberId();
            changed = !granted.equals(answer.partitions()) || fenced;
            granted = answer.partitions();
            owned.addAll(granted);
            leaseUntil = sent + sessionNanos;
            fenced = false;
            leftForPollTimeout = false;
        }
        if (changed) {
            wakePoll.run();
        }
    }

    /** No heartbeat answered for the session timeout: the coordinator may have given our partitions away. Stop reading them. */
    private void fenceIfLeaseEnded() {
        boolean fencedNow = false;
        Set<TopicPartition> dropped;
        synchronized (lock) {
            dropped = new TreeSet<>(owned);
            if (memberId != null && !fenced && leaseEnded()) {
                fenced = true;
                granted = Set.of();
                fencedNow = true;
            }
        }
        if (fencedNow) {
            LOG.warn("Consumer {} of group '{}' had no heartbeat answered for its session timeout: it stops reading {} (another member "
                    + "may own them now)", memberId(), group(), dropped);
            wakePoll.run();
        }
    }

    private void leaveForPollTimeout() {
        String id;
        synchronized (lock) {
            id = memberId;
            leftForPollTimeout = true;
            fenced = true;
            granted = Set.of();
        }
        LOG.warn("Consumer {} of group '{}': the application has not called poll for the session timeout; it leaves the group "
                + "(its partitions move) and rejoins on its next poll", id, group());
        try {
            awaitInterruptibly(client.leave(id), sessionNanos);
        } catch (RuntimeException | InterruptedException e) {
            LOG.debug("Consumer {} of group '{}' could not leave (its session will expire instead)", id, group(), e);
        }
        wakePoll.run();
    }

    private static <T> T awaitInterruptibly(CompletableFuture<T> future, long timeoutNanos) throws InterruptedException {
        try {
            return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (TimeoutException e) {
            throw new LogException("no answer from the group's coordinator within " + Duration.ofNanos(timeoutNanos).toMillis() + " ms");
        }
    }

    /** Waits for a group call, rethrowing its failure as the coordinator threw it. */
    static <T> T await(CompletableFuture<T> future, long timeoutNanos, String what) {
        try {
            return future.get(timeoutNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LogException("interrupted while waiting to " + what, e);
        } catch (ExecutionException e) {
            throw rethrow(e.getCause());
        } catch (TimeoutException e) {
            throw new LogException("could not " + what + ": no answer within " + Duration.ofNanos(timeoutNanos).toMillis() + " ms");
        }
    }

    private static RuntimeException rethrow(Throwable cause) {
        if (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof RuntimeException runtime) {
            runtime.addSuppressed(new LogException("waited here"));
            return runtime;
        }
        if (cause instanceof Error error) {
            throw error;
        }
        return new LogException(String.valueOf(cause), cause);
    }
}
