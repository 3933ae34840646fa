package dev.grid.perf.bench.load;

import dev.grid.perf.bench.targets.BenchTarget;
import dev.grid.perf.bench.ycsb.AcknowledgedCounter;
import dev.grid.perf.bench.ycsb.KeyChooser;
import dev.grid.perf.bench.ycsb.Operation;
import dev.grid.perf.bench.ycsb.OperationChooser;
import dev.grid.perf.bench.ycsb.Records;
import dev.grid.perf.bench.ycsb.Workload;
import org.HdrHistogram.Histogram;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Runs one workload against one target: load, then {@code threads} threads for warm-up plus
 * duration, with a progress tick every second on the calling thread.
 *
 * <p><b>Max throughput</b> ({@code targetOps} 0): each thread issues its next operation as soon as
 * the previous one returns; an operation's latency is its own service time.
 *
 * <p><b>Fixed rate</b>: each thread owns an equal share of the rate and a schedule of intended start
 * times, one every {@code threads / targetOps} seconds (threads offset from each other). A thread
 * waits for its next intended start if it is early and starts at once if it is late; latency is
 * measured from the intended start, not from the moment the operation was actually sent. So a
 * stall delays every operation that should have started during it, and all of them record it
 * (coordinated omission corrected, as in HdrHistogram's and wrk2's load generators); measuring from
 * the actual send would record the stall once and report a misleadingly small tail.
 */
public final class LoadRunner {
    private static final long TICK_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final long BEHIND_LIMIT_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final BenchTarget target;
    private final LoadSpec spec;
    private final Progress.Listener listener;
    private final BooleanSupplier stop;
    private final String label;

    /**
     * @param target   the target, empty
     * @param spec     the run's settings
     * @param listener receives a progress tick every second
     * @param stop     true once the run must end early (Ctrl-C); checked by every thread
     * @param label    names the run in log lines
     */
    public LoadRunner(BenchTarget target, LoadSpec spec, Progress.Listener listener, BooleanSupplier stop, String label) {
        this.target = target;
        this.spec = spec;
        this.listener = listener;
        this.stop = stop;
        this.label = label;
    }

    /** @return what was measured (partial if stopped early) */
    public Measurement run() {
        Records records = new Records(spec.fieldCount(), spec.fieldLength(), spec.seed());
        double loadSeconds = Loader.load(target, spec.records(), records, spec.threads(), spec.seed(), stop, label);
        AcknowledgedCounter inserted = new AcknowledgedCounter(spec.records());
        Workload workload = spec.workload();
        KeyChooser keys = new KeyChooser(spec.distribution(), spec.records(), workload, spec.zipfConstant(), inserted);
        OperationStats stats = new OperationStats();

        long start = System.nanoTime();
        long warmupEnd = start + spec.warmup().toNanos();
        long end = warmupEnd + spec.duration().toNanos();
        Worker[] workers = new Worker[spec.threads()];
        List<Thread> threads = new ArrayList<>();
        double perThreadInterval = spec.fixedRate() ? TimeUnit.SECONDS.toNanos(1) * spec.threads() / spec.targetOps() : 0;
        for (int t = 0; t < workers.length; t++) {
            long firstStart = start + (long) (perThreadInterval * t / workers.length);
            workers[t] = new Worker(workload.chooser(), keys, inserted, records, stats, new SplittableRandom(spec.seed() * 31 + t),
                    firstStart, perThreadInterval);
            Thread thread = new Thread(workers[t], "bench-" + label + "-" + t);
            thread.setDaemon(true);
            threads.add(thread);
        }
        threads.forEach(Thread::start);

        Map<Operation, Histogram> measured = new EnumMap<>(Operation.class);
        Histogram warmupAll = OperationStats.newHistogram();
        Histogram measuredAll = OperationStats.newHistogram();
        List<Progress> timeline = new ArrayList<>();
        Map<Operation, Long> errorsAtWarmupEnd = null;
        long lastTick = start;
        boolean interrupted = false;
        while (true) {
            long now = System.nanoTime();
            long nextTick = lastTick + TICK_NANOS;
            if (errorsAtWarmupEnd == null && warmupEnd < nextTick) {
                nextTick = warmupEnd;
            }
            nextTick = Math.min(nextTick, end);
            while (now < nextTick && !stop.getAsBoolean()) {
                LockSupport.parkNanos(Math.min(nextTick - now, TimeUnit.MILLISECONDS.toNanos(50)));
                now = System.nanoTime();
            }
            boolean stopping = stop.getAsBoolean() || now >= end;
            if (stopping) {
                for (Worker w : workers) {
                    w.running = false;
                }
                interrupted = now < end;
                joinAll(threads);
                now = System.nanoTime();
            }
            boolean inWarmup = errorsAtWarmupEnd == null;
            Map<Operation, Histogram> interval = stats.interval();
            long ops = 0;
            for (Map.Entry<Operation, Histogram> e : interval.entrySet()) {
                Histogram h = e.getValue();
                ops += h.getTotalCount();
                if (h.getTotalCount() == 0) {
                    continue;
                }
                if (inWarmup) {
                    warmupAll.add(h);
                } else {
                    measured.computeIfAbsent(e.getKey(), op -> OperationStats.newHistogram()).add(h);
                    measuredAll.add(h);
                }
            }
            long errors = stats.errors().values().stream().mapToLong(Long::longValue).sum();
            Histogram sofar = inWarmup ? warmupAll : measuredAll;
            Progress progress = new Progress((now - start) / 1e9, inWarmup, ops / (Math.max(1, now - lastTick) / 1e9),
                    sofar.getTotalCount() == 0 ? 0 : sofar.getValueAtPercentile(99) / 1000.0, errors);
            timeline.add(progress);
            listener.onProgress(progress);
            lastTick = now;
            if (inWarmup && now >= warmupEnd) {
                errorsAtWarmupEnd = stats.errors();
            }
            if (stopping) {
                break;
            }
        }
        Map<Operation, Long> errors = new EnumMap<>(Operation.class);
        Map<Operation, Long> atWarmupEnd = errorsAtWarmupEnd;
        stats.errors().forEach((op, count) -> {
            long c = count - (atWarmupEnd == null ? count : atWarmupEnd.getOrDefault(op, 0L));
            if (c > 0 || measured.containsKey(op)) {
                errors.put(op, c);
            }
        });
        double measuredSeconds = Math.max(0, (lastTick - warmupEnd) / 1e9);
        boolean behind = false;
        if (spec.fixedRate()) {
            for (Worker w : workers) {
                behind |= w.behindNanos() > BEHIND_LIMIT_NANOS;
            }
        }
        return new Measurement(loadSeconds, measuredSeconds, measured, measuredAll, errors, timeline, stats.firstError(),
                interrupted, behind);
    }

    private static void joinAll(List<Thread> threads) {
        for (Thread t : threads) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** One benchmark thread. */
    private final class Worker implements Runnable {
        private final OperationChooser chooser;
        private final KeyChooser keys;
        private final AcknowledgedCounter inserted;
        private final Records records;
        private final OperationStats stats;
        private final SplittableRandom random;
        private final double interval;
        private final long firstStart;
        private long count;
        private volatile long behind;
        volatile boolean running = true;

        Worker(OperationChooser chooser, KeyChooser keys, AcknowledgedCounter inserted, Records records, OperationStats stats,
               SplittableRandom random, long firstStart, double interval) {
            this.chooser = chooser;
            this.keys = keys;
            this.inserted = inserted;
            this.records = records;
            this.stats = stats;
            this.random = random;
            this.firstStart = firstStart;
            this.interval = interval;
        }

        long behindNanos() {
            return behind;
        }

        @Override
        public void run() {
            while (running) {
                long intended;
                if (interval > 0) {
                    intended = firstStart + (long) (interval * count++);
                    long now = System.nanoTime();
                    while (now < intended) {
                        if (!running) {
                            return;
                        }
                        LockSupport.parkNanos(Math.min(intended - now, TimeUnit.MILLISECONDS.toNanos(10)));
                        now = System.nanoTime();
                    }
                    behind = now - intended;
                } else {
                    intended = System.nanoTime();
                }
                Operation op = chooser.next(random);
                try {
                    execute(op);
                    stats.record(op, System.nanoTime() - intended);
                } catch (RuntimeException e) {
                    if (!running || stop.getAsBoolean()) {
                        return; // cut off by the stop (Ctrl-C closes stores and members): not the target's error
                    }
                    stats.error(op, e);
                }
            }
        }

        private void execute(Operation op) {
            switch (op) {
                case READ -> target.read(KeyChooser.key(keys.next(random)));
                case UPDATE -> target.update(KeyChooser.key(keys.next(random)), records.next(random));
                case INSERT -> {
                    long keyNumber = inserted.next();
                    try {
                        target.insert(KeyChooser.key(keyNumber), records.next(random));
                    } finally {
                        inserted.acknowledge(keyNumber);
                    }
                }
                case SCAN -> target.scan(KeyChooser.key(keys.next(random)), 1 + random.nextInt(Workload.MAX_SCAN_LENGTH));
                case READ_MODIFY_WRITE -> {
                    String key = KeyChooser.key(keys.next(random));
                    byte[] record = target.read(key);
                    target.update(key, record == null ? records.next(random) : records.withOneFieldChanged(record, random));
                }
            }
        }
    }
}
