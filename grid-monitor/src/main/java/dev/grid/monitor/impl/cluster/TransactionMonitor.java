package dev.grid.monitor.impl.cluster;

import com.hazelcast.core.HazelcastInstance;
import com.hazelcast.map.IMap;
import dev.grid.core.GridClock;
import dev.grid.core.GridCounter;
import dev.grid.core.GridCounters;
import dev.grid.core.GridEvent;
import dev.grid.core.GridEventListener;
import dev.grid.core.MetricsCollector;
import dev.grid.core.MetricsSource;
import dev.grid.monitor.HeuristicOutcome;
import dev.grid.monitor.MonitoredTransaction;
import dev.grid.monitor.impl.json.MonitorJson;
import dev.grid.txn.TxnEvent;
import dev.grid.txn.TxnEvent.Began;
import dev.grid.txn.TxnEvent.Committed;
import dev.grid.txn.TxnEvent.Enlisted;
import dev.grid.txn.TxnEvent.Heuristic;
import dev.grid.txn.TxnEvent.Prepared;
import dev.grid.txn.TxnEvent.RecoveryCompleted;
import dev.grid.txn.TxnEvent.RolledBack;
import dev.grid.txn.TxnEvent.TimedOut;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Collectors;

/**
 * Builds the cluster-wide transaction view from this JVM's {@link TxnEvent}s: each event updates
 * the transaction's record in the cluster map {@code grid.monitor.transactions} (on a worker
 * thread: the publisher is never held up), so every member's API shows every JVM's transactions.
 *
 * <p>The events and what they do: {@link Began} adds an ACTIVE record; {@link Enlisted} adds
 * resources; {@link Prepared} makes it PREPARED (in doubt until an outcome arrives); {@link Committed}
 * and {@link RolledBack} remove it; {@link TimedOut} marks it TIMED_OUT; {@link Heuristic} removes it
 * and keeps a heuristic outcome; {@link RecoveryCompleted} removes every transaction it lists as
 * committed or rolled back: recovery delivered their outcome.
 *
 * <p>Transaction ids are grid-txn's: Narayana's transaction Uid ({@code 0:ffff7f000001:...}), the same in
 * the events of the JVM that ran the transaction and, read back from the branches' Xids, in the events of
 * the JVM that recovered it.
 */
public final class TransactionMonitor implements GridEventListener, MetricsSource, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(TransactionMonitor.class);
    private static final String PREFIX = "txn.";

    private final IMap<String, String> transactions;
    private final IMap<String, String> heuristics;
    private final String publisher;
    private final Duration heuristicRetention;
    private final GridClock clock;
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
    public TransactionMonitor(HazelcastInstance hazelcast, String publisher, Duration heuristicRetention, GridClock clock,
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
                () -> new ClusterView(inFlight(), heuristics().size()));
        List<String> labels = TxnEvent.TYPES.stream().map(TransactionMonitor::label).toList();
        this.fileCounters = labels.stream().collect(Collectors.toMap(t -> t,
                t -> counters.counter("grid_txn_events_total", Map.of("type", t))));
        if (registry != null) {
            this.meters = labels.stream().collect(Collectors.toMap(t -> t, t -> Counter.builder("grid_txn_events")
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

    /** @return the metrics' {@code type} label of an event type: {@code txn.commit} is {@code commit} */
    private static String label(String type) {
        return type.startsWith(PREFIX) ? type.substring(PREFIX.length()) : type;
    }

    @Override
    public void onEvent(GridEvent event) {
        if (!(event instanceof TxnEvent txn)) {
            return;
        }
        String label = label(txn.type());
        GridCounter counter = fileCounters.get(label);
        if (counter != null) {
            counter.increment();
        }
        Counter meter = meters.get(label);
        if (meter != null) {
            meter.increment();
        }
        if (txn instanceof Committed committed && commitTime != null) {
            commitTime.record(Duration.ofMillis(committed.durationMillis()));
        } else if (txn instanceof RolledBack rolledBack && rollbackTime != null) {
            rollbackTime.record(Duration.ofMillis(rolledBack.durationMillis()));
        }
        if (txn instanceof TxnEvent.OfTransaction ofTransaction) {
            worker.execute(() -> apply(ofTransaction));
        } else if (txn instanceof RecoveryCompleted recovery) {
            List<String> completed = new ArrayList<>(recovery.committed());
            completed.addAll(recovery.rolledBack());
            if (!completed.isEmpty()) {
                worker.execute(() -> completed.forEach(transactions::delete));
            }
        }
    }

    private void apply(TxnEvent.OfTransaction event) {
        String txId = event.txId();
        try {
            if (event instanceof Began) {
                transactions.set(txId, MonitorJson.write(begun(event)));
            } else if (event instanceof Enlisted) {
                update(event, null);
            } else if (event instanceof Prepared) {
                update(event, "PREPARED");
            } else if (event instanceof TimedOut) {
                update(event, "TIMED_OUT");
            } else if (event instanceof Committed || event instanceof RolledBack) {
                transactions.delete(txId);
            } else if (event instanceof Heuristic heuristic) {
                heuristics.set(txId, MonitorJson.write(new HeuristicOutcome(txId, heuristic.outcome().name(), nullToEmpty(event.node()),
                        new ArrayList<>(event.resources()), event.timeMillis(), publisher)));
                transactions.delete(txId);
            }
        } catch (RuntimeException e) {
            LOG.debug("transaction monitor could not record {} of {}: {}", event.type(), txId, e.toString());
        }
    }

    /** Adds the event's resources to the transaction's record, and moves it to {@code state} unless null. */
    private void update(TxnEvent.OfTransaction event, String state) {
        String current = transactions.get(event.txId());
        MonitoredTransaction record = current != null ? MonitorJson.read(current, MonitoredTransaction.class) : begun(event);
        Set<String> resources = new LinkedHashSet<>(record.resources());
        resources.addAll(event.resources());
        long preparedAt = event instanceof Prepared ? event.timeMillis() : record.preparedAtMillis();
        String node = event.node() != null ? event.node() : record.node();
        transactions.set(event.txId(), MonitorJson.write(new MonitoredTransaction(record.txId(), state != null ? state : record.state(), node,
                new ArrayList<>(resources), record.beganAtMillis(), preparedAt, record.publisher())));
    }

    /** @return the record of a transaction that has just begun (or whose begin this JVM never saw) */
    private MonitoredTransaction begun(TxnEvent.OfTransaction event) {
        return new MonitoredTransaction(event.txId(), "ACTIVE", nullToEmpty(event.node()), new ArrayList<>(event.resources()),
                event.timeMillis(), 0, publisher);
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

    /**
     * @return the heuristic outcomes kept, newest first: those younger than the retention on this JVM's clock (older ones
     *         are removed)
     */
    public List<HeuristicOutcome> heuristics() {
        long now = clock.millis();
        List<HeuristicOutcome> list = new ArrayList<>();
        for (Map.Entry<String, String> entry : heuristics.entrySet()) {
            HeuristicOutcome outcome = MonitorJson.read(entry.getValue(), HeuristicOutcome.class);
            if (now - outcome.atMillis() >= heuristicRetention.toMillis()) {
                heuristics.remove(entry.getKey(), entry.getValue());
                continue;
            }
            list.add(outcome);
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
        long now = clock.millis();
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
