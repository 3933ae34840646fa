package dev.grid.perf.bench.log;

import dev.grid.perf.bench.signal.StopSignal;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * The three runs of {@code grid bench log}, the same code for every system:
 * <ul>
 * <li>{@link #produce}: records sent as fast as the client takes them; records/s acknowledged, from the first send to
 * the last acknowledgement;</li>
 * <li>{@link #consume}: one partition read from its first record to its last; records/s read;</li>
 * <li>{@link #latency}: records sent at a fixed rate, each carrying its intended send time; a consumer thread records,
 * for each record delivered, the time from that intended send time (not from the actual send: coordinated omission
 * is corrected, a producer held up by the system is not forgiven) in an HdrHistogram.</li>
 * </ul>
 * Each prints a progress line every second and keeps a timeline for the report.
 */
final class LogRuns {
    static final String PRODUCE = "produce";
    static final String CONSUME = "consume";
    static final String LATENCY = "latency";

    private static final long SAMPLE_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final Duration READ_WAIT = Duration.ofMillis(500);
    private static final Duration LATENCY_READ_WAIT = Duration.ofMillis(100);
    private static final Duration DRAIN = Duration.ofSeconds(10);
    private static final long HISTOGRAM_MAX = TimeUnit.SECONDS.toNanos(120);

    private LogRuns() {
    }

    /** Counts outcomes; the time of the latest acknowledgement. */
    private static final class Counts implements LogTarget.Acks {
        final AtomicLong acknowledged = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicReference<Throwable> firstError = new AtomicReference<>();
        volatile long lastAck;

        @Override
        public void acknowledged() {
            acknowledged.incrementAndGet();
            lastAck = System.nanoTime();
        }

        @Override
        public void failed(Throwable error) {
            failed.incrementAndGet();
            firstError.compareAndSet(null, error);
        }

        String firstErrorText() {
            Throwable e = firstError.get();
            return e == null ? null : e.toString();
        }
    }

    /**
     * Sends {@code records} records (or fewer, if {@code limit} passes first) and waits for every acknowledgement.
     *
     * @param partitions the topic's partitions: with one, every record goes to partition 0; with more, the client spreads them
     */
    static LogRun produce(LogTarget target, Topology topology, String label, String topic, int partitions, long records, Duration limit,
                          StopSignal stop) {
        Counts counts = new Counts();
        Sampler sampler = new Sampler(label, counts.acknowledged, "acknowledged", records);
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        long sent = 0;
        boolean timedOut = false;
        sampler.start(start);
        try (LogTarget.Writer writer = target.writer()) {
            while (sent < records) {
                if ((sent & 1023) == 0 && (stop.stopping() || System.nanoTime() > deadline)) {
                    timedOut = !stop.stopping();
                    break;
                }
                writer.send(topic, partitions == 1 ? 0 : -1, sent, counts);
                sent++;
            }
            writer.flush();
        } finally {
            sampler.stop();
        }
        long acknowledged = counts.acknowledged.get();
        double seconds = Math.max(1, counts.lastAck - start) / 1e9;
        String status = stop.stopping() ? LogRun.INTERRUPTED : counts.failed.get() > 0 ? LogRun.FAILED : LogRun.OK;
        String reason = timedOut ? String.format(Locale.ROOT, "stopped at the run limit (%d s): %,d of %,d records sent", limit.toSeconds(),
                sent, records) : null;
        if (counts.failed.get() > 0) {
            reason = String.format(Locale.ROOT, "%,d of %,d sends failed (first: %s)%s", counts.failed.get(), sent, counts.firstErrorText(),
                    reason == null ? "" : "; " + reason);
        }
        return new LogRun(target.system().label(), topology.label(), PRODUCE, partitions, null, status, reason, acknowledged, seconds,
                acknowledged / seconds, counts.failed.get(), counts.firstErrorText(), null, null, null, sampler.timeline(), null);
    }

    /** Reads partition 0 of the topic from its first record until {@code expected} records are read (or {@code limit} passes). */
    static LogRun consume(LogTarget target, Topology topology, String label, String topic, long expected, Duration limit, StopSignal stop) {
        AtomicLong read = new AtomicLong();
        Sampler sampler = new Sampler(label, read, "read", expected);
        long start = System.nanoTime();
        long deadline = start + limit.toNanos();
        long last = start;
        sampler.start(start);
        try (LogTarget.Reader reader = target.reader(topic, 0)) {
            while (read.get() < expected && !stop.stopping() && System.nanoTime() < deadline) {
                int n = reader.poll(READ_WAIT, stamp -> { });
                if (n > 0) {
                    read.addAndGet(n);
                    last = System.nanoTime();
                }
            }
        } finally {
            sampler.stop();
        }
        double seconds = Math.max(1, last - start) / 1e9;
        String status = stop.stopping() ? LogRun.INTERRUPTED : read.get() < expected ? LogRun.FAILED : LogRun.OK;
        String reason = read.get() < expected ? String.format(Locale.ROOT, "%,d of %,d records read within the run limit (%d s)", read.get(),
                expected, limit.toSeconds()) : null;
        return new LogRun(target.system().label(), topology.label(), CONSUME, 1, null, status, reason, read.get(), seconds,
                read.get() / seconds, 0, null, null, null, null, sampler.timeline(), null);
    }

    /**
     * Sends records to partition 0 of an empty topic at {@code rate} per second for {@code warmup} plus {@code duration},
     * while a consumer reads them; the latency of a record is its delivery time minus its intended send time.
     */
    static LogRun latency(LogTarget target, Topology topology, String label, String topic, int rate, Duration warmup, Duration duration,
                          StopSignal stop) {
        Counts counts = new Counts();
        Recorder interval = new Recorder(3);
        Histogram total = new Histogram(HISTOGRAM_MAX, 3);
        AtomicLong delivered = new AtomicLong();
        AtomicLong expected = new AtomicLong(Long.MAX_VALUE);
        AtomicReference<Throwable> readerError = new AtomicReference<>();
        CountDownLatch readerReady = new CountDownLatch(1);
        double periodNanos = 1e9 / rate;
        AtomicLong measureFrom = new AtomicLong(Long.MAX_VALUE); // in RecordCodec.now() units: set before the first send
        Thread consumer = new Thread(() -> {
            try (LogTarget.Reader reader = target.reader(topic, 0)) {
                reader.poll(LATENCY_READ_WAIT, stamp -> delivered.incrementAndGet());
                readerReady.countDown();
                long drainDeadline = Long.MAX_VALUE;
                while (delivered.get() < expected.get()) {
                    if (expected.get() != Long.MAX_VALUE && drainDeadline == Long.MAX_VALUE) {
                        drainDeadline = System.nanoTime() + DRAIN.toNanos();
                    }
                    if (System.nanoTime() > drainDeadline || (stop.stopping() && expected.get() == Long.MAX_VALUE)) {
                        break;
                    }
                    reader.poll(LATENCY_READ_WAIT, stamp -> {
                        long latency = Math.min(Math.max(0, RecordCodec.now() - stamp), HISTOGRAM_MAX);
                        delivered.incrementAndGet();
                        interval.recordValue(latency); // the per-second p99, warm-up included
                        if (stamp >= measureFrom.get()) {
                            total.recordValue(latency);
                        }
                    });
                }
            } catch (RuntimeException | Error e) {
                readerError.set(e);
            } finally {
                readerReady.countDown();
            }
        }, "grid-bench-log-consumer");
        consumer.setDaemon(true);
        consumer.start();
        awaitQuietly(readerReady);
        if (readerError.get() != null) {
            throw new IllegalStateException("the consumer failed before the run: " + readerError.get(), readerError.get());
        }
        LatencySampler sampler = new LatencySampler(label, delivered, interval, rate, warmup);
        long start = RecordCodec.now() + TimeUnit.MILLISECONDS.toNanos(20);
        long end = start + warmup.toNanos() + duration.toNanos();
        measureFrom.set(start + warmup.toNanos());
        long sent = 0;
        long behind = 0;
        sampler.start(System.nanoTime() + (start - RecordCodec.now()));
        try (LogTarget.Writer writer = target.writer()) {
            while (!stop.stopping() && readerError.get() == null) {
                long intended = start + (long) (sent * periodNanos);
                if (intended >= end) {
                    break;
                }
                long now = RecordCodec.now();
                if (now < intended) {
                    writer.idle();
                    now = RecordCodec.now();
                    if (now < intended) {
                        LockSupport.parkNanos(Math.min(intended - now, TimeUnit.MILLISECONDS.toNanos(1)));
                    }
                    continue;
                }
                if (intended >= measureFrom.get()) {
                    behind = Math.max(behind, now - intended);
                }
                writer.send(topic, 0, intended, counts);
                sent++;
            }
            writer.flush();
        } finally {
            expected.set(counts.acknowledged.get());
            joinQuietly(consumer, DRAIN.plusSeconds(5));
            sampler.stop();
        }
        if (readerError.get() != null) {
            throw new IllegalStateException("the consumer failed: " + readerError.get(), readerError.get());
        }
        long undelivered = Math.max(0, counts.acknowledged.get() - delivered.get());
        double measured = duration.toNanos() / 1e9;
        String status = stop.stopping() ? LogRun.INTERRUPTED : counts.failed.get() > 0 || undelivered > 0 ? LogRun.FAILED : LogRun.OK;
        String reason = undelivered > 0 ? String.format(Locale.ROOT, "%,d acknowledged records not delivered %d s after the last send",
                undelivered, DRAIN.toSeconds()) : null;
        if (counts.failed.get() > 0) {
            reason = String.format(Locale.ROOT, "%,d sends failed (first: %s)%s", counts.failed.get(), counts.firstErrorText(),
                    reason == null ? "" : "; " + reason);
        }
        return new LogRun(target.system().label(), topology.label(), LATENCY, 1, (double) rate, status, reason, total.getTotalCount(), measured,
                total.getTotalCount() / measured, counts.failed.get(), counts.firstErrorText(), LogRun.Latency.of(total), undelivered,
                behind / 1e6, sampler.timeline(), LogRun.CurvePoint.of(total));
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void joinQuietly(Thread thread, Duration timeout) {
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static void log(String line) {
        System.out.println("[bench] " + line);
    }

    /** Samples a counter every 100 ms for the timeline (and once more at the end), and prints a progress line every second. */
    private static class Sampler {
        final String label;
        final AtomicLong counter;
        final String what;
        final long total;
        final List<LogRun.Point> points = new ArrayList<>();
        private Thread thread;
        private volatile boolean running;
        long start;

        Sampler(String label, AtomicLong counter, String what, long total) {
            this.label = label;
            this.counter = counter;
            this.what = what;
            this.total = total;
        }

        void start(long startNanos) {
            start = startNanos;
            running = true;
            thread = new Thread(this::loop, "grid-bench-log-sampler");
            thread.setDaemon(true);
            thread.start();
        }

        long periodNanos() {
            return SAMPLE_NANOS;
        }

        private long previous;
        private long previousTime;

        private void loop() {
            previous = counter.get();
            previousTime = start;
            long next = start + periodNanos();
            long nextPrint = start + TimeUnit.SECONDS.toNanos(1);
            long printedCount = previous;
            long printedTime = start;
            while (running) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    LockSupport.parkNanos(wait);
                    continue;
                }
                long now = System.nanoTime();
                sample(now);
                next += periodNanos();
                if (now >= nextPrint) {
                    long count = previous;
                    print((now - start) / 1e9, (count - printedCount) * 1e9 / Math.max(1, now - printedTime), count);
                    printedCount = count;
                    printedTime = now;
                    nextPrint += TimeUnit.SECONDS.toNanos(1);
                }
            }
        }

        private void sample(long now) {
            long count = counter.get();
            synchronized (points) {
                points.add(point((now - start) / 1e9, (count - previous) * 1e9 / Math.max(1, now - previousTime)));
            }
            previous = count;
            previousTime = now;
        }

        LogRun.Point point(double second, double perSecond) {
            return new LogRun.Point(round(second), Math.round(perSecond), null, null);
        }

        void print(double second, double perSecond, long count) {
            log(String.format(Locale.ROOT, "%s %5.1fs %,12.0f records/s  %,d of %,d %s", label, second, perSecond, count, total, what));
        }

        void stop() {
            running = false;
            if (thread != null) {
                joinQuietly(thread, Duration.ofSeconds(5));
                long now = System.nanoTime();
                if (finalSample() && counter.get() > previous && now - previousTime > periodNanos() / 10) {
                    sample(now); // the last, partial interval
                }
            }
        }

        boolean finalSample() {
            return true;
        }

        List<LogRun.Point> timeline() {
            synchronized (points) {
                return List.copyOf(points);
            }
        }
    }

    /** Samples every second: records/s delivered and the interval's p99 latency. */
    private static final class LatencySampler extends Sampler {
        private final Recorder recorder;
        private final int rate;
        private final double warmupSeconds;
        private Histogram recycled;
        private Double lastP99;

        LatencySampler(String label, AtomicLong delivered, Recorder recorder, int rate, Duration warmup) {
            super(label, delivered, "delivered", 0);
            this.recorder = recorder;
            this.rate = rate;
            this.warmupSeconds = warmup.toMillis() / 1000.0;
        }

        @Override
        long periodNanos() {
            return TimeUnit.SECONDS.toNanos(1);
        }

        @Override
        boolean finalSample() {
            return false; // the drain after the last send is not part of the run
        }

        /** @return whether the second ending at {@code second} began during the warm-up */
        private boolean inWarmup(double second) {
            return second - 1 < warmupSeconds - 0.01;
        }

        @Override
        LogRun.Point point(double second, double perSecond) {
            recycled = recorder.getIntervalHistogram(recycled);
            Double p99 = recycled.getTotalCount() == 0 ? null : LogRun.micros(recycled.getValueAtPercentile(99));
            lastP99 = p99;
            return new LogRun.Point(round(second), Math.round(perSecond), p99, inWarmup(second));
        }

        @Override
        void print(double second, double perSecond, long count) {
            log(String.format(Locale.ROOT, "%s %5.1fs %s %,10.0f records/s delivered (offered %,d/s)  p99 %s", label, second,
                    inWarmup(second) ? "warm-up" : "run    ", perSecond, rate,
                    lastP99 == null ? "-" : String.format(Locale.ROOT, "%,.0f µs", lastP99)));
        }
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
