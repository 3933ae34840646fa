package dev.grid.monitor.impl.cluster;

import dev.grid.core.config.GridClock;
import dev.grid.log.GridLog;
import dev.grid.log.TopicDescription;
import dev.grid.log.UnknownTopicException;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The cluster's topics as {@link GridLog#describeTopic} gives them (settings, and each partition's owner and offsets),
 * described on demand and cached briefly, so the topics page polled by several dashboards costs one description per
 * cache period. A description runs on this monitor's own thread and is given up after 3 s (partitions being
 * promoted): the last one stands, and {@link #problem()} says why. The cache's age is judged by the member's clock.
 */
public final class TopicsMonitor implements AutoCloseable {
    private static final long QUERY_TIMEOUT_MILLIS = 3000;

    private final GridLog log;
    private final GridClock clock;
    private final long cacheNanos;
    private final ExecutorService reader;
    private final AtomicReference<CompletableFuture<Void>> inFlight = new AtomicReference<>();
    private volatile List<TopicDescription> cached = List.of();
    private volatile long cachedAt;
    private volatile String problem;

    public TopicsMonitor(GridLog log, GridClock clock, long cacheMillis, String threadName) {
        this.log = log;
        this.clock = clock;
        this.cacheNanos = TimeUnit.MILLISECONDS.toNanos(cacheMillis);
        this.cachedAt = clock.nanos() - cacheNanos;
        this.reader = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(), r -> {
            Thread thread = new Thread(r, threadName);
            thread.setDaemon(true);
            return thread;
        });
    }

    /** @return every topic with its partitions, sorted by name; waits up to 3 s for a description fresher than the cache period */
    public List<TopicDescription> topics() {
        CompletableFuture<Void> query = refreshIfStale();
        if (query != null) {
            try {
                query.get(QUERY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                // the last description stands; the query records its problem when it ends
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return cached;
    }

    /** @return why the last description failed, or null */
    public String problem() {
        return problem;
    }

    private CompletableFuture<Void> refreshIfStale() {
        CompletableFuture<Void> running = inFlight.get();
        if (running != null || clock.nanos() - cachedAt < cacheNanos) {
            return running;
        }
        CompletableFuture<Void> query = new CompletableFuture<>();
        if (!inFlight.compareAndSet(null, query)) {
            return inFlight.get();
        }
        try {
            CompletableFuture.supplyAsync(this::describeAll, reader).orTimeout(QUERY_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)
                    .whenComplete((answer, failure) -> answered(query, answer, failure));
        } catch (RuntimeException e) {
            answered(query, null, e);
        }
        return query;
    }

    private List<TopicDescription> describeAll() {
        List<TopicDescription> topics = new ArrayList<>();
        for (String name : log.topicNames()) {
            try {
                topics.add(log.describeTopic(name));
            } catch (UnknownTopicException deletedMeanwhile) {
                // gone since it was listed
            }
        }
        return topics;
    }

    private void answered(CompletableFuture<Void> query, List<TopicDescription> answer, Throwable failure) {
        if (failure == null) {
            cached = List.copyOf(answer);
            problem = null;
        } else {
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            problem = "the topics could not be described: " + (cause instanceof TimeoutException ? "no answer within " + QUERY_TIMEOUT_MILLIS
                    + " ms (partitions being promoted?)" : cause.toString());
        }
        cachedAt = clock.nanos();
        inFlight.set(null);
        query.complete(null);
    }

    @Override
    public void close() {
        reader.shutdownNow();
    }
}
