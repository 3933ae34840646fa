package dev.grid.server;

import dev.grid.core.Grid;
import dev.grid.core.TransactionalGridMap;
import dev.grid.core.config.GridClientConfig;
import dev.grid.log.ConsumerConfig;
import dev.grid.log.ConsumerRecord;
import dev.grid.log.GridLog;
import dev.grid.log.IsolationLevel;
import dev.grid.log.LogConsumer;
import dev.grid.log.LogProducer;
import dev.grid.log.PartitionLag;
import dev.grid.log.ProducerRecord;
import dev.grid.log.TopicPartition;
import dev.grid.log.TransactionalGridLog;
import dev.grid.txn.GridHeuristicException;
import dev.grid.txn.GridTransactions;
import dev.grid.txn.GridTxnConfig;
import dev.grid.txn.TransactionScope;
import dev.grid.txn.test.RecoveryScans;
import dev.grid.txn.test.StopXAResource;
import org.postgresql.xa.PGXADataSource;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

/**
 * The processing JVM of {@code XaPipelineKillProcessTest}: a grid client with its transaction manager that consumes
 * an input topic in a consumer group ({@code READ_COMMITTED}, no automatic commit) and, for each polled batch, in
 * ONE XA transaction: counts each record in a GridMap (record id → times applied), inserts a row per record into
 * PostgreSQL, appends an output record per record to the output topic, and commits the group's offsets
 * ({@link TransactionalGridLog}). A failed transaction rolls back and the batch is read again.
 *
 * <p>At start it first recovers what a killed predecessor (same node identifier and object store) left in doubt,
 * before it joins the group, as a Kafka producer with a transactional id fences its predecessor: records whose
 * transaction recovery commits are then committed in the group too, and are not processed again. It prints
 * {@code BATCH}, {@code COMMITTED} and {@code ROLLED BACK} lines, stops for good at its crash point in the first batch
 * it tries once it has committed {@code crashAfterCommits} batches (printing {@code AT <point> batch-<n>}; the test
 * kills it), and once the group has committed the whole input
 * prints {@code DONE} and exits 0.
 *
 * <p>Arguments: clusterName memberAddresses(comma-separated) jdbcUrl objectStoreDir nodeId inputTopic outputTopic
 * group gridMap table crashPoint|NONE crashAfterCommits mutant deadlineSeconds. Mutants (to show that the test's checker
 * fails): {@value #MUTANT_OFFSETS_AFTER} commits the offsets after the transaction instead of in it;
 * {@value #MUTANT_APPEND_OUTSIDE} appends with a plain producer instead of in the transaction.
 */
public final class XaPipelineApp {
    static final String NONE = "NONE";
    static final String MUTANT_OFFSETS_AFTER = "offsetsAfterTransaction";
    static final String MUTANT_APPEND_OUTSIDE = "appendOutsideTransaction";
    static final int BATCH_RECORDS = 10;
    /** Narayana's timeout for a batch's transaction. */
    static final int TRANSACTION_TIMEOUT_SECONDS = 12;
    /**
     * The grid branch's XA timeout: a prepared grid branch must be committed by the next JVM's recovery within it, and
     * a killed JVM's unprepared grid branch keeps its GridMap locks until it runs out (the next JVM's first batch waits
     * for them). The floor is 12 + 2 × 1 + 1 s (docs/transactions.md).
     */
    static final int GRID_XA_TIMEOUT_SECONDS = 16;
    private static final int MAX_RECOVERY_SCANS = 15;
    private static final long START = System.nanoTime();

    private final Grid grid;
    private final GridTransactions txns;
    private final LogConsumer consumer;
    private final LogProducer plainProducer;
    private final String output;
    private final String group;
    private final String gridMap;
    private final String table;
    private final PipelineCrashPoint crashPoint;
    private final int crashAfterCommits;
    private final String mutant;

    private XaPipelineApp(Grid grid, GridTransactions txns, LogConsumer consumer, String[] args) {
        this.grid = grid;
        this.txns = txns;
        this.consumer = consumer;
        this.output = args[6];
        this.group = args[7];
        this.gridMap = args[8];
        this.table = args[9];
        this.crashPoint = NONE.equals(args[10]) ? null : PipelineCrashPoint.valueOf(args[10]);
        this.crashAfterCommits = Integer.parseInt(args[11]);
        this.mutant = args[12];
        this.plainProducer = MUTANT_APPEND_OUTSIDE.equals(mutant) ? GridLog.of(grid).producer() : null;
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 14) {
            throw new IllegalArgumentException("expected 14 arguments, got " + Arrays.toString(args));
        }
        PGXADataSource pg = new PGXADataSource();
        pg.setUrl(args[2]);
        pg.setUser("postgres");
        GridTxnConfig config = new GridTxnConfig()
                .setObjectStoreDirectory(Path.of(args[3]))
                .setNodeIdentifier(args[4])
                .setDefaultTimeout(Duration.ofSeconds(TRANSACTION_TIMEOUT_SECONDS))
                .setRecoveryPeriod(Duration.ofSeconds(1))
                .setRecoveryBackoff(Duration.ofSeconds(1))
                .setOrphanSafetyInterval(Duration.ofSeconds(1))
                .setGridXaTimeout(Duration.ofSeconds(GRID_XA_TIMEOUT_SECONDS))
                // recovery is driven below, before the first batch
                .setRecoveryEnabled(false)
                .addDataSource("pg", pg);
        GridClientConfig clientConfig = new GridClientConfig().setClusterName(args[0]).setAddresses(List.of(args[1].split(",")));
        long deadline = START + TimeUnit.SECONDS.toNanos(Long.parseLong(args[13]));
        int exit;
        try (Grid grid = Grid.client(clientConfig); GridTransactions txns = GridTransactions.start(grid, config)) {
            System.out.println("UP after " + millis() + " ms; in doubt in the log: " + txns.inDoubt().size());
            RecoveryScans.untilNothingInDoubt(grid, txns, pg, MAX_RECOVERY_SCANS, System.out);
            ConsumerConfig consumerConfig = new ConsumerConfig(args[5]).setGroup(args[7]).setAutoCommit(false)
                    .setIsolation(IsolationLevel.READ_COMMITTED).setStartFrom(ConsumerConfig.StartFrom.EARLIEST)
                    .setSessionTimeout(Duration.ofSeconds(2)).setHeartbeatInterval(Duration.ofMillis(200))
                    .setMaxPollRecords(BATCH_RECORDS);
            try (LogConsumer consumer = GridLog.of(grid).consumer(consumerConfig)) {
                exit = new XaPipelineApp(grid, txns, consumer, args).run(args[5], deadline);
            }
            if (exit == 0) {
                // nothing this JVM began may stay in doubt
                RecoveryScans.untilNothingInDoubt(grid, txns, pg, MAX_RECOVERY_SCANS, System.out);
                System.out.println("DONE after " + millis() + " ms");
            }
        }
        System.out.flush();
        System.exit(exit);
    }

    private int run(String input, long deadline) throws Exception {
        int batch = 0;
        int committed = 0;
        while (System.nanoTime() < deadline) {
            List<ConsumerRecord> records = consumer.poll(Duration.ofMillis(200));
            if (records.isEmpty()) {
                if (everythingCommitted(input)) {
                    return 0;
                }
                continue;
            }
            batch++;
            System.out.println("BATCH " + batch + " at " + millis() + " ms ids=" + records.stream().map(ConsumerRecord::keyAsString)
                    .collect(Collectors.joining(",")));
            // the crash batch: the first one tried once this JVM has committed crashAfterCommits batches
            boolean crashBatchNow = crashPoint != null && committed == crashAfterCommits;
            if (crashBatchNow && crashPoint == PipelineCrashPoint.AFTER_POLL) {
                stopHere(crashPoint, batch);
            }
            Map<TopicPartition, Long> first = new HashMap<>();
            Map<TopicPartition, Long> next = new HashMap<>();
            for (ConsumerRecord record : records) {
                first.merge(record.topicPartition(), record.offset(), Math::min);
                next.merge(record.topicPartition(), record.offset() + 1, Math::max);
            }
            List<PipelineCrashPoint.Step> steps = crashBatchNow ? crashPoint.steps() : PipelineCrashPoint.work();
            PipelineCrashPoint stop = crashBatchNow ? crashPoint : null;
            int number = batch;
            try {
                String txId = txns.required(scope -> work(scope, records, next, steps, stop, number));
                if (MUTANT_OFFSETS_AFTER.equals(mutant)) {
                    if (crashBatchNow && crashPoint == PipelineCrashPoint.AFTER_COMMIT) {
                        stopHere(crashPoint, batch);
                    }
                    consumer.commitSync(next);
                }
                committed++;
                System.out.println("COMMITTED " + batch + " at " + millis() + " ms " + txId);
            } catch (GridHeuristicException e) {
                System.out.println("HEURISTIC " + batch + ": " + e);
                e.printStackTrace();
                return 2;
            } catch (Exception e) {
                System.out.println("ROLLED BACK " + batch + " at " + millis() + " ms: " + e);
                first.forEach(consumer::seek); // read the batch again
                continue;
            }
            if (crashBatchNow && crashPoint == PipelineCrashPoint.AFTER_COMMIT) {
                stopHere(crashPoint, batch);
            }
        }
        System.out.println("GAVE UP at the deadline after " + batch + " batches");
        return 3;
    }

    private String work(TransactionScope scope, List<ConsumerRecord> records, Map<TopicPartition, Long> next,
                        List<PipelineCrashPoint.Step> steps, PipelineCrashPoint stop, int batch) throws Exception {
        for (PipelineCrashPoint.Step step : steps) {
            switch (step) {
                case GRID_MAP -> {
                    TransactionalGridMap<String, Integer> applied = scope.gridMap(gridMap);
                    for (ConsumerRecord record : records) {
                        Integer times = applied.getForUpdate(record.keyAsString());
                        applied.put(record.keyAsString(), times == null ? 1 : times + 1);
                    }
                }
                case SQL -> {
                    try (PreparedStatement insert = scope.connection("pg").prepareStatement("insert into " + table
                            + "(record_id, input_partition, input_offset, amount) values (?, ?, ?, ?)")) {
                        for (ConsumerRecord record : records) {
                            insert.setString(1, record.keyAsString());
                            insert.setInt(2, record.partition());
                            insert.setLong(3, record.offset());
                            insert.setInt(4, Integer.parseInt(record.valueAsString()));
                            insert.addBatch();
                        }
                        insert.executeBatch();
                    }
                }
                case APPEND -> {
                    for (ConsumerRecord record : records) {
                        ProducerRecord out = ProducerRecord.of(output, record.keyAsString(), transform(record));
                        if (plainProducer != null) {
                            plainProducer.send(out).join();
                        } else {
                            TransactionalGridLog.in(scope.transactionContext()).send(out);
                        }
                    }
                }
                case OFFSETS -> {
                    if (!MUTANT_OFFSETS_AFTER.equals(mutant)) {
                        TransactionalGridLog.in(scope.transactionContext()).commitOffsets(group, consumer.memberId(), next);
                    }
                }
                case STOP -> scope.enlist("stop", new StopXAResource(stop.twoPhase(), "batch-" + batch));
                default -> throw new IllegalStateException("unknown step " + step);
            }
            if (stop != null && stop.stopAfter() == step) {
                stopHere(stop, batch);
            }
        }
        return scope.txId();
    }

    /** The transformation: the amount doubled, with where the record came from. */
    static String transform(ConsumerRecord record) {
        return record.keyAsString() + "=" + 2 * Integer.parseInt(record.valueAsString()) + "@" + record.partition() + ":" + record.offset();
    }

    private boolean everythingCommitted(String input) {
        for (PartitionLag lag : GridLog.of(grid).lag(group, input)) {
            if (lag.committedOffset() < 0 || lag.lag() > 0) {
                return false;
            }
        }
        return true;
    }

    private static void stopHere(PipelineCrashPoint point, int batch) {
        System.out.println("AT " + point + " batch-" + batch);
        System.out.flush();
        while (true) { // until SIGKILL
            LockSupport.parkNanos(1_000_000_000L);
        }
    }

    private static long millis() {
        return (System.nanoTime() - START) / 1_000_000;
    }
}
