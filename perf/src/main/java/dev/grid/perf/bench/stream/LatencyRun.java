package dev.grid.perf.bench.stream;

import dev.grid.perf.bench.log.LogRun;
import dev.grid.perf.bench.signal.StopSignal;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;

/**
 * The latency run of one system: starts the job on an empty input, then appends events at a fixed rate for the warm-up
 * and the measured time, each stamped with its due time (the schedule's, so a late append counts its delay), while a
 * poller thread reads the sink. A window result's latency is from its window's end (the due time of the last event it
 * can hold; the soonest its result can exist) to the poll that saw it; an event's is from its due time to the poll that
 * saw its window's result, so it includes the wait for the window to end (up to 1 s). Measured: the windows that end
 * within the measured time. Afterwards a flush event per partition closes the last windows and the run waits until the
 * sink shows every window result, then checks them all.
 */
final class LatencyRun {
    /** How long the sink may take to show the last results once every event was appended. */
    private static final Duration DRAIN = Duration.ofSeconds(30);
    private static final long SECOND = 1_000_000_000L;
    /** Windows ending this close to the last append may be closed by the flush events rather than the stream: not measured. */
    private static final long CLOSED_BY_FLUSH_NANOS = TimeUnit.MILLISECONDS.toNanos(100);
    private static final long HISTOGRAM_MAX = TimeUnit.MINUTES.toNanos(10);

    private final Lane lane;
    private final StreamOptions options;
    private final int rate;
    private final StopSignal stop;
    private final Consumer<String> log;
    private final EventClock clock = new EventClock();
    private final ExpectedResults expected = new ExpectedResults(true);
    private final Histogram windowLatency = new Histogram(HISTOGRAM_MAX, 3);
    private final Histogram eventLatency = new Histogram(HISTOGRAM_MAX, 3);
    private final Recorder interval = new Recorder(HISTOGRAM_MAX, 3);
    private final AtomicLong appended = new AtomicLong();
    private final AtomicLong resultEvents = new AtomicLong();
    private final List<StreamRun.Point> timeline = new ArrayList<>();
    /** Windows ending at or before this (epoch ms) have every event appended. */
    private volatile long appendedUpTo = Long.MIN_VALUE;
    private volatile boolean allAppended;
    private long measureFrom;
    private long measureTo;

    private LatencyRun(Lane lane, StreamOptions options, int rate, StopSignal stop, Consumer<String> log) {
        this.lane = lane;
        this.options = options;
        this.rate = rate;
        this.stop = stop;
        this.log = log;
    }

    static StreamRun measure(Lane lane, StreamOptions options, int rate, StopSignal stop, Consumer<String> log) {
        return new LatencyRun(lane, options, rate, stop, log).run();
    }

    private StreamRun run() {
        String name = lane.system().label();
        lane.start(options.snapshotInterval(), StreamPipelines.ALLOWED_LAG_MILLIS);
        log.accept(String.format(Locale.ROOT, "stream latency %-12s job running; appending %,d events/s for %s + %s", name, rate,
                options.warmup(), options.duration()));
        Acks acks = new Acks();
        Sales sales = new Sales(options.seed(), options.products());
        double period = 1e9 / rate;
        long start = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(20);
        measureFrom = start + options.warmup().toNanos();
        measureTo = measureFrom + options.duration().toNanos();
        Thread poller = new Thread(() -> poll(start), "grid-bench-stream-poller");
        poller.setDaemon(true);
        poller.start();
        long sent = 0;
        long behind = 0;
        long lastMillis = clock.millis(start);
        while (!stop.stopping()) {
            long due = start + (long) (sent * period);
            if (due >= measureTo) {
                break;
            }
            long now = System.nanoTime();
            if (now < due) {
                LockSupport.parkNanos(Math.min(due - now, TimeUnit.MILLISECONDS.toNanos(1)));
                continue;
            }
            if (due >= measureFrom) {
                behind = Math.max(behind, now - due);
            }
            sales.next();
            lastMillis = clock.millis(due);
            expected.add(StreamPipelines.product(sales.product()), sales.amount(), lastMillis, due);
            appendedUpTo = lastMillis;
            lane.send(sales.product(), sales.amount(), lastMillis, acks);
            appended.incrementAndGet();
            sent++;
        }
        String reason = null;
        try {
            acks.await(sent, Duration.ofMinutes(2));
            lane.flushWindows(lastMillis + StreamPipelines.ALLOWED_LAG_MILLIS + 3 * StreamPipelines.WINDOW_MILLIS);
        } catch (RuntimeException e) {
            reason = "appending: " + e;
        }
        appendedUpTo = Long.MAX_VALUE;
        allAppended = true;
        try {
            poller.join(DRAIN.toMillis() + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String status = stop.stopping() ? StreamRun.INTERRUPTED : StreamRun.OK;
        if (acks.failed() > 0) {
            reason = String.format(Locale.ROOT, "%,d appends failed (first: %s)", acks.failed(), acks.firstError());
        }
        if (expected.pendingCount() > 0 && !stop.stopping()) {
            reason = (reason == null ? "" : reason + "; ") + String.format(Locale.ROOT, "%,d window results not in the sink %d s after "
                    + "the last append (first: %s; job %s)", expected.pendingCount(), DRAIN.toSeconds(), expected.firstPending(), lane.jobStatus());
        }
        if (reason != null && !stop.stopping()) {
            status = StreamRun.FAILED;
        }
        double measured = options.duration().toNanos() / 1e9;
        long measuredEvents = Math.max(0, sent - (long) Math.ceil(options.warmup().toNanos() / period));
        StreamRun run;
        synchronized (this) {
            run = new StreamRun(name, StreamRun.LATENCY, status, reason, sent, expected.windows(), measured, measuredEvents / measured,
                    (double) rate, null, behind / 1e6, LogRun.Latency.of(windowLatency), LogRun.Latency.of(eventLatency),
                    List.copyOf(timeline), LogRun.CurvePoint.of(windowLatency), LogRun.CurvePoint.of(eventLatency));
        }
        return Checks.apply(run, lane, expected, stop);
    }

    /** The poller thread: reads the sink until every result was seen (or the drain time passed), a timeline point a second. */
    private void poll(long start) {
        ResultPoller poller = new ResultPoller(lane, expected);
        long drainDeadline = Long.MAX_VALUE;
        long pointFrom = start;
        long pointAppended = 0;
        long pointResults = 0;
        String name = lane.system().label();
        try {
            while (!stop.stopping()) {
                if (allAppended) {
                    if (expected.pendingCount() == 0) {
                        break;
                    }
                    if (drainDeadline == Long.MAX_VALUE) {
                        drainDeadline = System.nanoTime() + DRAIN.toNanos();
                    } else if (System.nanoTime() > drainDeadline) {
                        break;
                    }
                }
                poller.poll(appendedUpTo, this::visible);
                long now = System.nanoTime();
                if (now - pointFrom >= SECOND) {
                    Histogram h = interval.getIntervalHistogram();
                    double seconds = (now - pointFrom) / 1e9;
                    boolean warming = now < measureFrom;
                    StreamRun.Point p = new StreamRun.Point(Math.round((now - start) / 1e6) / 1000.0,
                            (appended.get() - pointAppended) / seconds, (resultEvents.get() - pointResults) / seconds,
                            h.getTotalCount() == 0 ? null : h.getValueAtPercentile(99) / 1000.0, warming);
                    synchronized (this) {
                        timeline.add(p);
                    }
                    log.accept(String.format(Locale.ROOT, "stream latency %-12s %6.1fs %s %,9.0f appended/s %,9.0f in results/s  "
                            + "window p99 %s", name, p.second(), warming ? "warm-up" : now < measureTo ? "run    " : "drain  ",
                            p.appendedPerSecond(), p.resultsPerSecond(),
                            p.p99Micros() == null ? "-" : String.format(Locale.ROOT, "%,.1f ms", p.p99Micros() / 1000)));
                    pointFrom = now;
                    pointAppended = appended.get();
                    pointResults = resultEvents.get();
                }
            }
        } catch (RuntimeException e) {
            log.accept("stream latency " + name + ": the poller failed: " + e);
        }
    }

    private void visible(ExpectedResults.Cell cell, long seenNanos) {
        long end = clock.nanos(cell.windowEnd);
        long latency = Math.min(Math.max(0, seenNanos - end), HISTOGRAM_MAX);
        resultEvents.addAndGet(cell.events);
        if (cell.product.equals(StreamPipelines.FLUSH_KEY) || end > measureTo - CLOSED_BY_FLUSH_NANOS) {
            return; // closed by the flush events, not by the stream
        }
        interval.recordValue(latency);
        if (end >= measureFrom) {
            synchronized (this) {
                windowLatency.recordValue(latency);
                for (int i = 0; i < cell.events; i++) {
                    eventLatency.recordValue(Math.min(Math.max(0, seenNanos - cell.due[i]), HISTOGRAM_MAX));
                }
            }
        }
    }
}
