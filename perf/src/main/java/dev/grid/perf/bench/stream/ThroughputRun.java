package dev.grid.perf.bench.stream;

import dev.grid.perf.bench.signal.StopSignal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

/**
 * The throughput run of one system: starts the job on the empty input, then appends the events as fast as the system
 * takes them (timestamps spread evenly over {@value #WINDOWS} windows, a flush event per partition after them) while a
 * poller thread reads the sink; events/s is the events over the time from the first append to the last window result
 * seen. The append rate is reported beside it: when it is close to events/s, appending was the bound, not the job.
 */
final class ThroughputRun {
    /** Windows the events' timestamps cover: the timeline's resolution. */
    static final int WINDOWS = 100;
    /** A run that shows no new result for this long once every event was appended fails. */
    private static final Duration STALL = Duration.ofSeconds(30);
    private static final long SECOND = 1_000_000_000L;

    private final Lane lane;
    private final StreamOptions options;
    private final StopSignal stop;
    private final Consumer<String> log;
    private final ExpectedResults expected = new ExpectedResults(false);
    private final List<StreamRun.Point> timeline = new ArrayList<>();
    private volatile long appendedUpTo = Long.MIN_VALUE;
    private volatile long appended;
    private volatile boolean allAppended;
    private volatile long lastSeen;
    private volatile long visibleEvents;

    private ThroughputRun(Lane lane, StreamOptions options, StopSignal stop, Consumer<String> log) {
        this.lane = lane;
        this.options = options;
        this.stop = stop;
        this.log = log;
    }

    static StreamRun measure(Lane lane, StreamOptions options, StopSignal stop, Consumer<String> log) {
        return new ThroughputRun(lane, options, stop, log).run();
    }

    private StreamRun run() {
        String name = lane.system().label();
        lane.start(options.snapshotInterval(), StreamPipelines.THROUGHPUT_LAG_MILLIS);
        log.accept(String.format(Locale.ROOT, "stream throughput %-12s job running; appending %,d events as fast as they are taken", name,
                options.records()));
        Sales sales = new Sales(options.seed(), options.products());
        Acks acks = new Acks();
        long base = StreamPipelines.windowEnd(System.currentTimeMillis());
        long span = WINDOWS * StreamPipelines.WINDOW_MILLIS;
        long start = System.nanoTime();
        Thread poller = new Thread(() -> poll(start), "grid-bench-stream-poller");
        poller.setDaemon(true);
        poller.start();
        long last = base;
        for (long i = 0; i < options.records() && !stop.stopping(); i++) {
            sales.next();
            last = base + i * span / options.records();
            expected.add(StreamPipelines.product(sales.product()), sales.amount(), last, 0);
            lane.send(sales.product(), sales.amount(), last, acks);
            appended = i + 1;
            appendedUpTo = last - StreamPipelines.WINDOW_MILLIS; // a batching system may still hold the last window's events
        }
        String reason = null;
        double appendSeconds = 0;
        try {
            acks.await(options.records(), Duration.ofMinutes(2));
            appendSeconds = (System.nanoTime() - start) / 1e9;
            lane.flushWindows(last + StreamPipelines.THROUGHPUT_LAG_MILLIS + 3 * StreamPipelines.WINDOW_MILLIS);
            if (acks.failed() > 0) {
                reason = String.format(Locale.ROOT, "%,d appends failed (first: %s)", acks.failed(), acks.firstError());
            }
        } catch (RuntimeException e) {
            reason = "appending: " + e;
        }
        log.accept(String.format(Locale.ROOT, "stream throughput %-12s appended %,d events in %.1f s (%,.0f/s)", name, options.records(),
                appendSeconds, appendSeconds > 0 ? options.records() / appendSeconds : 0));
        appendedUpTo = Long.MAX_VALUE;
        allAppended = true;
        try {
            poller.join(STALL.toMillis() + options.records() / 10 + 5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        String status = stop.stopping() ? StreamRun.INTERRUPTED : StreamRun.OK;
        if (expected.pendingCount() > 0 && !stop.stopping()) {
            reason = (reason == null ? "" : reason + "; ") + String.format(Locale.ROOT, "%,d window results not in the sink after %d s "
                    + "without a new one (first: %s; job %s)", expected.pendingCount(), STALL.toSeconds(), expected.firstPending(), lane.jobStatus());
        }
        if (reason != null && !stop.stopping()) {
            status = StreamRun.FAILED;
        }
        double seconds = (lastSeen - start) / 1e9;
        StreamRun run;
        synchronized (this) {
            run = new StreamRun(name, StreamRun.THROUGHPUT, status, reason, options.records(), expected.windows(), seconds,
                    seconds > 0 ? visibleEvents / seconds : 0, appendSeconds > 0 ? options.records() / appendSeconds : null,
                    appendSeconds, null, null, null, List.copyOf(timeline), null, null);
        }
        return Checks.apply(run, lane, expected, stop);
    }

    /** The poller thread: reads the sink until every result was seen or none came for {@link #STALL} after the last append. */
    private void poll(long start) {
        ResultPoller poller = new ResultPoller(lane, expected);
        String name = lane.system().label();
        long pointFrom = start;
        long pointEvents = 0;
        long pointAppended = 0;
        long lastProgress = System.nanoTime();
        try {
            while (!stop.stopping() && !(allAppended && expected.pendingCount() == 0)) {
                int seen = poller.poll(appendedUpTo, (cell, at) -> {
                    lastSeen = at;
                    visibleEvents += cell.events;
                });
                long now = System.nanoTime();
                if (seen > 0 || !allAppended) {
                    lastProgress = now;
                } else if (now - lastProgress > STALL.toNanos()) {
                    break;
                }
                if (now - pointFrom >= SECOND) {
                    double seconds = (now - pointFrom) / 1e9;
                    StreamRun.Point p = new StreamRun.Point(Math.round((now - start) / 1e6) / 1000.0, (appended - pointAppended) / seconds,
                            (visibleEvents - pointEvents) / seconds, null, null);
                    synchronized (this) {
                        timeline.add(p);
                    }
                    log.accept(String.format(Locale.ROOT, "stream throughput %-12s %6.1fs %,9.0f appended/s %,9.0f in results/s, %,d of "
                            + "%,d events in results, job %s", name, p.second(), p.appendedPerSecond(), p.resultsPerSecond(), visibleEvents,
                            options.records(), lane.jobStatus()));
                    pointFrom = now;
                    pointEvents = visibleEvents;
                    pointAppended = appended;
                }
            }
        } catch (RuntimeException e) {
            log.accept("stream throughput " + name + ": the poller failed: " + e);
        }
    }
}
