package dev.grid.txn.impl;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.ConnectionEvent;
import javax.sql.ConnectionEventListener;
import javax.sql.XAConnection;
import javax.sql.XADataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The idle XA connections of one data source, kept for the next transactions: opening a database connection
 * (PostgreSQL starts a server process for each) costs more than the rest of a small transaction. Most recently
 * used first; a connection idle for longer than {@link #VALIDATE_AFTER_NANOS} is checked before reuse, and one the
 * driver reported broken is closed. Thread-safe.
 */
final class XaConnectionPool implements AutoCloseable {
    static final long VALIDATE_AFTER_NANOS = TimeUnit.SECONDS.toNanos(10);
    private static final Logger LOG = LoggerFactory.getLogger(XaConnectionPool.class);

    private final String name;
    private final XADataSource dataSource;
    private final int maxIdle;
    private final ConcurrentLinkedDeque<Idle> idle = new ConcurrentLinkedDeque<>();
    private final AtomicInteger idleCount = new AtomicInteger();
    private final Set<XAConnection> broken = ConcurrentHashMap.newKeySet();
    private final ConnectionEventListener brokenListener = new ConnectionEventListener() {
        @Override
        public void connectionClosed(ConnectionEvent event) {
        }

        @Override
        public void connectionErrorOccurred(ConnectionEvent event) {
            if (event.getSource() instanceof XAConnection connection) {
                broken.add(connection);
            }
        }
    };
    private volatile boolean closed;

    private record Idle(XAConnection connection, long sinceNanos) {
    }

    XaConnectionPool(String name, XADataSource dataSource, int maxIdle) {
        this.name = name;
        this.dataSource = dataSource;
        this.maxIdle = maxIdle;
    }

    String name() {
        return name;
    }

    /** @return an idle connection that is still usable, or a new one */
    XAConnection borrow() throws SQLException {
        for (Idle candidate = idle.pollFirst(); candidate != null; candidate = idle.pollFirst()) {
            idleCount.decrementAndGet();
            XAConnection connection = candidate.connection();
            if (broken.remove(connection)
                    || (System.nanoTime() - candidate.sinceNanos() > VALIDATE_AFTER_NANOS && !isValid(connection))) {
                closeQuietly(connection);
                continue;
            }
            return connection;
        }
        XAConnection connection = dataSource.getXAConnection();
        connection.addConnectionEventListener(brokenListener);
        return connection;
    }

    /**
     * @param connection a connection {@link #borrow()} gave, whose transaction has completed
     * @param reusable   whether it may serve another transaction (its branch completed normally)
     */
    void release(XAConnection connection, boolean reusable) {
        if (reusable && !closed && !broken.remove(connection)) {
            if (idleCount.incrementAndGet() <= maxIdle) {
                idle.offerFirst(new Idle(connection, System.nanoTime()));
                if (closed) {
                    drain();
                }
                return;
            }
            idleCount.decrementAndGet();
        }
        closeQuietly(connection);
    }

    private static boolean isValid(XAConnection connection) {
        try {
            Connection probe = connection.getConnection();
            try {
                return probe.isValid(2);
            } finally {
                probe.close();
            }
        } catch (SQLException e) {
            return false;
        }
    }

    private void closeQuietly(XAConnection connection) {
        broken.remove(connection);
        try {
            connection.removeConnectionEventListener(brokenListener);
            connection.close();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("closing a connection to data source '{}': {}", name, e.toString());
        }
    }

    private void drain() {
        for (Idle candidate = idle.pollFirst(); candidate != null; candidate = idle.pollFirst()) {
            idleCount.decrementAndGet();
            closeQuietly(candidate.connection());
        }
    }

    /** @return how many connections wait for a transaction */
    int idleCount() {
        return Math.max(0, idleCount.get());
    }

    /** Closes the idle connections; connections in use are closed when released. */
    @Override
    public void close() {
        closed = true;
        drain();
    }
}
