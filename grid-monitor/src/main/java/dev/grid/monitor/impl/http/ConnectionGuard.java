package dev.grid.monitor.impl.http;

import dev.grid.core.GridClock;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.util.thread.Scheduler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Keeps the server's connections within bounds, on top of the idle timeout the connector applies:
 * <ul>
 *   <li>a connection that has started sending a request but not finished its line and headers within the
 *       request timeout (slowloris: a header line every few seconds; a stream of blank lines) is closed. It is
 *       checked every tenth of the timeout, so it is closed at most a tenth after the timeout;</li>
 *   <li>a connection beyond the limit closes the oldest connection that is not being answered (idle, or still
 *       sending its request), or itself when every other one is being answered, so a flood of idle or
 *       half-open connections cannot lock out a client that sends its request at once.</li>
 * </ul>
 * A connection counts as being answered from the end of its request's headers until its response is
 * committed (the connection's own message counters); time comes from the clock given.
 */
final class ConnectionGuard implements Connection.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(ConnectionGuard.class);
    private final long requestTimeoutNanos;
    private final int maxConnections;
    private final GridClock clock;
    /** Open connections, oldest first; guarded by this. */
    private final Map<Connection, Progress> open = new LinkedHashMap<>();
    private final AtomicLong closedSlow = new AtomicLong();
    private final AtomicLong closedOverLimit = new AtomicLong();

    ConnectionGuard(Duration requestTimeout, int maxConnections, GridClock clock) {
        this.requestTimeoutNanos = requestTimeout.toNanos();
        this.maxConnections = maxConnections;
        this.clock = clock;
    }

    /** Checks every tenth of the request timeout (20 ms to 1 s) on the scheduler until it stops. */
    void start(Scheduler scheduler) {
        long tickMillis = Math.max(20, Math.min(1000, TimeUnit.NANOSECONDS.toMillis(requestTimeoutNanos) / 10));
        scheduler.schedule(new Runnable() {
            @Override
            public void run() {
                try {
                    sweep(clock.nanos());
                } catch (RuntimeException e) {
                    LOG.warn("checking the monitor's HTTP connections failed; checking again in {} ms", tickMillis, e);
                } finally {
                    if (scheduler.isRunning()) {
                        try {
                            scheduler.schedule(this, tickMillis, TimeUnit.MILLISECONDS);
                        } catch (RejectedExecutionException stopping) {
                            // the server is stopping: its connections close with it
                        }
                    }
                }
            }
        }, tickMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public void onOpened(Connection connection) {
        Connection victim = null;
        synchronized (this) {
            open.put(connection, new Progress(connection));
            if (open.size() > maxConnections) {
                victim = connection;
                for (Connection candidate : open.keySet()) {
                    if (candidate != connection && !beingAnswered(candidate)) {
                        victim = candidate;
                        break;
                    }
                }
                open.remove(victim);
            }
        }
        if (victim != null) {
            closedOverLimit.incrementAndGet();
            victim.close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        synchronized (this) {
            open.remove(connection);
        }
    }

    /** Closes the connections whose request head has taken longer than the timeout, as of {@code now}. */
    void sweep(long now) {
        List<Connection> slow = new ArrayList<>();
        synchronized (this) {
            for (Iterator<Map.Entry<Connection, Progress>> it = open.entrySet().iterator(); it.hasNext(); ) {
                Map.Entry<Connection, Progress> entry = it.next();
                if (entry.getValue().tooSlow(entry.getKey(), now, requestTimeoutNanos)) {
                    slow.add(entry.getKey());
                    it.remove();
                }
            }
        }
        for (Connection connection : slow) {
            closedSlow.incrementAndGet();
            connection.close();
        }
    }

    synchronized int openConnections() {
        return open.size();
    }

    /** @return connections closed because their request head was too slow */
    long closedSlow() {
        return closedSlow.get();
    }

    /** @return connections closed to stay within the limit */
    long closedOverLimit() {
        return closedOverLimit.get();
    }

    private static boolean beingAnswered(Connection connection) {
        return connection.getMessagesIn() > connection.getMessagesOut();
    }

    /** What a connection had received when it was last between requests, and since when it is sending another. */
    private static final class Progress {
        private long requests;
        private long bytesBetweenRequests;
        private long sendingSince = -1;
        private boolean sending;

        Progress(Connection connection) {
            this.requests = connection.getMessagesIn();
            this.bytesBetweenRequests = connection.getBytesIn();
        }

        boolean tooSlow(Connection connection, long now, long timeoutNanos) {
            long requestsNow = connection.getMessagesIn();
            long bytesNow = connection.getBytesIn();
            if (requestsNow != requests || beingAnswered(connection)) {
                requests = requestsNow;
                bytesBetweenRequests = bytesNow;
                sending = false;
                return false;
            }
            if (bytesNow == bytesBetweenRequests) {
                return false;
            }
            if (!sending) {
                sending = true;
                sendingSince = now;
                return false;
            }
            return now - sendingSince >= timeoutNanos;
        }
    }
}
