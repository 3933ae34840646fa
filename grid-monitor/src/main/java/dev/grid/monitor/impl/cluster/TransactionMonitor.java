package dev.grid.monitor.impl.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.grid.core.GridCounter;
import dev.grid.core.GridCounters;
import dev.grid.core.GridEvent;
import dev.grid.core.GridEventListener;
import dev.grid.core.MetricsCollector;
import dev.grid.core.MetricsSource;
import dev.grid.monitor.HeuristicOutcome;
import dev.grid.monitor.MonitoredTransaction;
import dev.grid.monitor.impl.json.MonitorJson;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import java.util.stream.Collectors;

/**
 * Builds the cluster-wide transaction view from this JVM's {@code txn.*} events: each event updates
 * the transaction's record in the cluster map {@code grid.monitor.transactions} (on a worker
 * thread: the publisher is never held up), so every member's API shows every JVM's transactions.
 *
 * <p>The events and what they do: {@code txn.begin} adds an ACTIVE record; {@code txn.enlist}
 * adds resources; {@code txn.prepare} makes it PREPARED (in doubt until an outcome arrives);
 * {@code txn.commit} and {@code txn.rollback} remove it; {@code txn.timeout} marks it TIMED_OUT;
 * {@code txn.heuristic} removes it and keeps a heuristic outcome; {@code txn.recovery-completed}
 * removes every transaction its {@code committed} and {@code rolledBack} attributes list (comma-separated
 * ids, as grid-txn's recovery publishes them; a {@code txId} attribute, if present, too): recovery delivered
 * their outcome. Attributes read: {@code txId}, {@code resources} (comma-separated), {@code node},
 * {@code durationMillis}, {@code outcome}, {@code committed}, {@code rolledBack}.
 *
 * <p>Transaction ids are grid-txn's: Narayana's transaction Uid ({@code 0:ffff7f000001:...}), the same in
 * the events of the JVM that ran the transaction and, read back from the branches' Xids, in the events of
 * the JVM that recovered it.
 */
public final class TransactionMonitor implements GridEventListener, MetricsSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionMonitor.class);
    private static final String[] TYPES = {"begin", "enlist", "prepare", "commit", "rollback", "timeout", "heuristic", "recovery-completed"};

    private final IMap<String, String> transactions;
    private final IMap<String, String> heuristics;
    private final String publisher;
    private final Duration heuristicRetention;
    private final LongSupplier clock;
    private final ThreadPoolExecutor worker;
    private final LongAdder dropped = new LongAdder();
    private final Map<String, GridCounter> fileCounters;
    private final Map<String, Counter> meters;
    private final Timer commitTime;
    private final Timer rollbackTime;
    private final LatestRead<ClusterView> clusterView;

    /**
     * @param registry where this JVM's transaction counters and durations go (null: none)
     * @param counters hot-path counters (the member's counters file)
     */
    public TransactionMonitor(HazelcastInstance hazelcast, String publisher, Duration heuristicRetention, LongSupplier clock,
                              MeterRegistry registry, GridCounters counters) {
        this.transactions = hazelcast.getMap(Structures.TRANSACTIONS);
        this.heuristics = hazelcast.getMap(Structures.HEURISTICS);
        this.publisher = publisher;
        this.heuristicRetention = heuristicRetention;
        this.clock = clock;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(10_000), r -> {
            Thread thread = new Thread(r, "grid-monitor-txn");
            thread.setDaemon(true);
            return thread;
        }, (task, executor) -> dropped.increment());
        this.clusterView = new LatestRead<>("grid-monitor-txn-read", new ClusterView(List.of(), 0),
                () -> new ClusterView(inFlight(), heuristics.size()));
        this.fileCounters = Arrays.stream(TYPES).collect(Collectors.toMap(t -> t,
                t -> counters.counter("grid_txn_events_total", Map.of("type", t))));
        if (registry != null) {
            this.meters = Arrays.stream(TYPES).collect(Collectors.toMap(t -> t, t -> Counter.builder("grid_txn_events")
                    .description("transaction events seen in this JVM (txn.* on the grid's event bus), by type").tag("type", t).register(registry)));
            this.commitTime = durationTimer(registry, "commit");
            this.rollbackTime = durationTimer(registry, "rollback");
        } else {
            this.meters = Map.of();
            this.commitTime = null;
            this.rollbackTime = null;
        }
    }

    private static Timer durationTimer(MeterRegistry registry, String outcome) {
        return Timer.builder("grid_txn_duration").description("duration of transactions that ended in this JVM, begin to outcome")
                .tag("outcome", outcome)
                .serviceLevelObjectives(Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(50),
                        Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30))
                .register(registry);
    }

    @Override
    public void onEvent(GridEvent event) {
        if (!event.type().startsWith("txn.")) {
            return;
        }
        String type = event.type().substring(4);
        GridCounter counter = fileCounters.get(type);
        if (counter == null) {
            return;
        }
        counter.increment();
        Counter meter = meters.get(type);
        if (meter != null) {
            meter.increment();
        }
        String duration = event.attribute("durationMillis");
        if (duration != null && (type.equals("commit") || type.equals("rollback"))) {
            Timer timer = type.equals("commit") ? commitTime : rollbackTime;
            if (timer != null) {
                try {
                    timer.record(Duration.ofMillis(Long.parseLong(duration.trim())));
                } catch (NumberFormatException ignored) {
                    // a bad attribute is not worth failing over
                }
            }
        }
        if (event.attribute("txId") != null) {
            worker.execute(() -> apply(type, event));
        } else if (type.equals("recovery-completed")) {
            List<String> completed = ids(event.attribute("committed"));
            completed.addAll(ids(event.attribute("rolledBack")));
            if (!completed.isEmpty()) {
                worker.execute(() -> completed.forEach(transactions::delete));
            }
        }
    }

    /** @return the transaction ids of a comma-separated list attribute (grid-txn's {@code committed}, {@code rolledBack}) */
    private static List<String> ids(String list) {
        List<String> ids = new ArrayList<>();
        if (list != null) {
            for (String id : list.split(",")) {
                if (!id.isBlank()) {
                    ids.add(id.trim());
                }
            }
        }
        return ids;
    }

    private void apply(String type, GridEvent event) {
        String txId = event.attribute("txId");
        try {
            switch (type) {
                case "begin":
                    transactions.set(txId, MonitorJson.write(begun(event)));
                    break;
                case "enlist":
                case "prepare":
                case "timeout":
                    update(txId, event, type);
                    break;
                case "commit":
                case "rollback":
                    transactions.delete(txId);
                    break;
                case "heuristic":
                    String outcome = event.attribute("outcome") != null ? event.attribute("outcome") : event.message();
                    heuristics.set(txId, MonitorJson.write(new HeuristicOutcome(txId, outcome, nullToEmpty(event.attribute("node")),
                            resources(event), event.timeMillis(), publisher)), heuristicRetention.toMillis(), TimeUnit.MILLISECONDS);
                    transactions.delete(txId);
                    break;
                case "recovery-completed":
                    transactions.delete(txId);
                    break;
                default:
                    break;
            }
        } catch (RuntimeException e) {
            LOG.debug("transaction monitor could not record {} of {}: {}", type, txId, e.toString());
        }
    }

    private void update(String txId, GridEvent event, String type) {
        String current = transactions.get(txId);
        MonitoredTransaction record = current != null ? MonitorJson.read(current, MonitoredTransaction.class) : begun(event);
        Set<String> resources = new LinkedHashSet<>(record.resources());
        resources.addAll(resources(event));
        String state = type.equals("prepare") ? "PREPARED" : type.equals("timeout") ? "TIMED_OUT" : record.state();
        long preparedAt = type.equals("prepare") ? event.timeMillis() : record.preparedAtMillis();
        String node = event.attribute("node") != null ? event.attribute("node") : record.node();
        transactions.set(txId, MonitorJson.write(new MonitoredTransaction(record.txId(), state, node, new ArrayList<>(resources),
                record.beganAtMillis(), preparedAt, record.publisher())));
    }

    /** @return the record of a transaction that has just begun (or whose begin this JVM never saw) */
    private MonitoredTransaction begun(GridEvent event) {
        return new MonitoredTransaction(event.attribute("txId"), "ACTIVE", nullToEmpty(event.attribute("node")), resources(event),
                event.timeMillis(), 0, publisher);
    }

    private static List<String> resources(GridEvent event) {
        String resources = event.attribute("resources");
        List<String> list = new ArrayList<>();
        if (resources != null) {
            for (String r : resources.split(",")) {
                if (!r.isBlank()) {
                    list.add(r.trim());
                }
            }
        }
        return list;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    /** @return every transaction in flight in the cluster: in doubt first (longest first), then by age */
    public List<MonitoredTransaction> inFlight() {
        List<MonitoredTransaction> list = new ArrayList<>();
        for (String json : transactions.values()) {
            list.add(MonitorJson.read(json, MonitoredTransaction.class));
        }
        list.sort(Comparator.comparing((MonitoredTransaction t) -> !t.inDoubt())
                .thenComparingLong(t -> t.inDoubt() ? t.preparedAtMillis() : t.beganAtMillis()));
        return list;
    }

    /** @return the heuristic outcomes kept, newest first */
    public List<HeuristicOutcome> heuristics() {
        List<HeuristicOutcome> list = new ArrayList<>();
        for (String json : heuristics.values()) {
            list.add(MonitorJson.read(json, HeuristicOutcome.class));
        }
        list.sort(Comparator.comparingLong(HeuristicOutcome::atMillis).reversed());
        return list;
    }

    /**
     * Cluster-wide gauges (the same on every member): transactions in flight, in doubt, the oldest doubt, heuristics.
     * They come from the last read of the cluster maps (one read per collection, in the background, so the metrics
     * never wait for the cluster); the age of a doubt is computed now.
     */
    @Override
    public void collectInto(MetricsCollector c) {
        ClusterView view = clusterView.latest();
        List<MonitoredTransaction> all = view.inFlight();
        int heuristicCount = view.heuristics();
        long now = clock.getAsLong();
        long inDoubt = all.stream().filter(MonitoredTransaction::inDoubt).count();
        long oldest = all.stream().mapToLong(t -> t.inDoubtMillis(now)).max().orElse(0);
        Map<String, String> none = Map.of();
        c.gauge("grid_txn_in_flight", "transactions in flight cluster-wide (begun, no outcome yet)", none, all.size());
        c.gauge("grid_txn_in_doubt", "transactions in doubt cluster-wide (prepared, no outcome yet)", none, inDoubt);
        c.gauge("grid_txn_in_doubt_oldest_seconds", "how long the oldest transaction in doubt has been so", none, oldest / 1000.0);
        c.gauge("grid_txn_heuristic_outcomes", "heuristic outcomes kept (grid.monitor.resolvedAlertRetention)", none, heuristicCount);
        c.counter("grid_txn_events_dropped_total", "transaction events this JVM could not record (its monitor queue was full)", none,
                dropped.sum());
    }

    /** What the gauges read from the cluster maps. */
    private record ClusterView(List<MonitoredTransaction> inFlight, int heuristics) {
    }

    /** Stops the worker after it has recorded the events already queued (bounded: at most two seconds). */
    @Override
    public void close() {
        clusterView.close();
        worker.shutdown();
        try {
            if (!worker.awaitTermination(2, TimeUnit.SECONDS)) {
                LOG.debug("transaction monitor closed with {} events not recorded", worker.getQueue().size());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            worker.shutdownNow();
        }
    }
}
