package dev.grid.query;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import com.hazelcast.map.listener.EntryAddedListener;
import com.hazelcast.map.listener.EntryUpdatedListener;
import com.hazelcast.core.EntryEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The cluster's list of running {@link GridSql} queries, and the way to cancel one from anywhere: two maps of the
 * cluster. {@value #RUNNING} holds each running query (id, text, start, origin, rows so far) as JSON, written by the
 * session that runs it when it starts, every {@value #REFRESH_MILLIS} ms while it runs (with a time to live of
 * {@value #TTL_SECONDS} s, so a query whose client died disappears), and removed when it ends. A cancel from another
 * session puts the query's id into {@value #CANCELS}; the session running it hears it (an entry listener, and its
 * refresh as a fallback) and cancels it itself, closing its result.
 */
final class QueryRegistry implements AutoCloseable {
    static final String RUNNING = "__grid.sql.running";
    static final String CANCELS = "__grid.sql.cancels";
    static final long REFRESH_MILLIS = 1000;
    static final int TTL_SECONDS = 10;
    static final long RETRY_MILLIS = 100;
    private static final int CANCEL_TTL_SECONDS = 60;
    private static final Logger LOG = LoggerFactory.getLogger(QueryRegistry.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ScheduledExecutorService REFRESHER = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "grid-sql-running-queries");
        thread.setDaemon(true);
        return thread;
    });

    private final IMap<String, String> running;
    private final IMap<String, String> cancels;
    private final Map<String, LiveQuery> mine = new ConcurrentHashMap<>();
    private final String origin;
    private UUID listener;
    private ScheduledFuture<?> refresh;
    private boolean closed;

    QueryRegistry(HazelcastInstance hazelcast, String origin) {
        this.running = hazelcast.getMap(RUNNING);
        this.cancels = hazelcast.getMap(CANCELS);
        this.origin = origin;
    }

    /** What the running map holds per query. */
    private record Entry(String id, String sql, long startedAt, String origin, long rows) {
    }

    /** Runs a task of a cancel on the registry's thread, {@value #RETRY_MILLIS} ms from now. */
    static void schedule(Runnable task) {
        REFRESHER.schedule(() -> {
            try {
                task.run();
            } catch (RuntimeException e) {
                LOG.warn("cancelling a query failed: {}", e.toString());
            }
        }, RETRY_MILLIS, TimeUnit.MILLISECONDS);
    }

    String origin() {
        return origin;
    }

    void register(LiveQuery query) {
        listenOnce();
        mine.put(query.id(), query);
        running.set(query.id(), json(query), TTL_SECONDS, TimeUnit.SECONDS);
    }

    void unregister(LiveQuery query) {
        mine.remove(query.id());
        try {
            running.delete(query.id());
        } catch (RuntimeException e) { // the entry's time to live removes it
            LOG.debug("query {} could not be removed from the running queries: {}", query.id(), e.toString());
        }
    }

    /** @return the queries running in the cluster, oldest first */
    List<RunningQuery> running() {
        List<Entry> entries = new ArrayList<>();
        for (String value : running.values()) {
            entries.add(parse(value));
        }
        Map<String, String> cancelled = entries.isEmpty() ? Map.of()
                : cancels.getAll(entries.stream().map(Entry::id).collect(java.util.stream.Collectors.toSet()));
        return entries.stream().sorted(Comparator.comparingLong(Entry::startedAt).thenComparing(Entry::id))
                .map(e -> new RunningQuery(e.id(), e.sql(), Instant.ofEpochMilli(e.startedAt()), e.origin(), e.rows(), cancelled.get(e.id())))
                .toList();
    }

    /** @return false if no query with this id is running */
    boolean cancel(String id, String by) {
        LiveQuery local = mine.get(id);
        if (local != null) {
            local.cancel(by);
            return true;
        }
        if (!running.containsKey(id)) {
            return false;
        }
        cancels.set(id, by, CANCEL_TTL_SECONDS, TimeUnit.SECONDS);
        return true;
    }

    private synchronized void listenOnce() {
        if (listener != null || closed) {
            return;
        }
        listener = cancels.addEntryListener(new CancelListener(), true);
        refresh = REFRESHER.scheduleWithFixedDelay(this::refresh, REFRESH_MILLIS, REFRESH_MILLIS, TimeUnit.MILLISECONDS);
    }

    private final class CancelListener implements EntryAddedListener<String, String>, EntryUpdatedListener<String, String> {
        @Override
        public void entryAdded(EntryEvent<String, String> event) {
            cancelled(event.getKey(), event.getValue());
        }

        @Override
        public void entryUpdated(EntryEvent<String, String> event) {
            cancelled(event.getKey(), event.getValue());
        }
    }

    private void cancelled(String id, String by) {
        LiveQuery query = mine.get(id);
        if (query != null) {
            query.cancel(by);
        }
    }

    /** Publishes the rows read so far of this session's queries, and cancels those a missed event asked to cancel. */
    private void refresh() {
        if (mine.isEmpty()) {
            return;
        }
        try {
            for (LiveQuery query : mine.values()) {
                running.set(query.id(), json(query), TTL_SECONDS, TimeUnit.SECONDS);
            }
            cancels.getAll(mine.keySet()).forEach(this::cancelled);
        } catch (RuntimeException e) {
            LOG.debug("the running queries could not be refreshed: {}", e.toString());
        }
    }

    private String json(LiveQuery query) {
        Instant started = query.startedAt();
        try {
            return JSON.writeValueAsString(new Entry(query.id(), query.sql(), started == null ? 0 : started.toEpochMilli(), origin, query.rowsRead()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a running query cannot be written as JSON: " + e, e);
        }
    }

    private static Entry parse(String json) {
        try {
            return JSON.readValue(json, Entry.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an entry of " + RUNNING + " is not a running query: " + json, e);
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (refresh != null) {
            refresh.cancel(false);
        }
        if (listener != null) {
            try {
                cancels.removeEntryListener(listener);
            } catch (RuntimeException e) { // the grid is shutting down: its listeners go with it
                LOG.debug("the cancel listener could not be removed: {}", e.toString());
            }
            listener = null;
        }
    }
}
