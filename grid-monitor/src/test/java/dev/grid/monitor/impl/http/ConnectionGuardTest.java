package dev.grid.monitor.impl.http;

import dev.grid.core.GridClock;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.EventListener;
import java.util.concurrent.TimeoutException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@link ConnectionGuard} on connections whose counters the test sets, with a clock the test advances. */
@Timeout(60)
class ConnectionGuardTest {
    private static final long MS = 1_000_000L;
    private final ConnectionGuard guard = new ConnectionGuard(Duration.ofSeconds(1), 3, new GridClock() {
        @Override
        public long millis() {
            throw new AssertionError("the test passes the time to sweep");
        }

        @Override
        public long nanos() {
            throw new AssertionError("the test passes the time to sweep");
        }
    });

    private FakeConnection open() {
        FakeConnection connection = new FakeConnection();
        guard.onOpened(connection);
        return connection;
    }

    @Test
    void aRequestHeadStillComingAfterTheTimeoutIsClosed() {
        FakeConnection slow = open();
        guard.sweep(0);
        slow.bytesIn = 20;                       // "GET / HTTP/1.1\r\n" and no more
        guard.sweep(100 * MS);                   // first seen sending
        slow.bytesIn = 40;                       // a header line
        guard.sweep(1_000 * MS);
        assertFalse(slow.closed, "closed before the timeout");
        guard.sweep(1_100 * MS);
        assertTrue(slow.closed);
        assertEquals(1, guard.closedSlow());
        assertEquals(0, guard.openConnections());
    }

    @Test
    void aConnectionThatSendsNothingIsLeftToTheIdleTimeout() {
        FakeConnection silent = open();
        for (long t = 0; t <= 60_000; t += 100) {
            guard.sweep(t * MS);
        }
        assertFalse(silent.closed);
    }

    @Test
    void aConnectionBeingAnsweredOrBetweenWholeRequestsIsNotClosed() {
        FakeConnection busy = open();
        busy.bytesIn = 100;
        busy.messagesIn = 1;                     // headers complete, the handler runs for 5 s
        for (long t = 0; t <= 5_000; t += 100) {
            guard.sweep(t * MS);
        }
        assertFalse(busy.closed);
        busy.messagesOut = 1;                    // answered; kept alive
        for (long t = 5_000; t <= 10_000; t += 100) {
            guard.sweep(t * MS);
        }
        assertFalse(busy.closed);
        busy.bytesIn = 110;                      // the next request starts and never ends
        guard.sweep(10_100 * MS);
        guard.sweep(11_000 * MS);
        assertFalse(busy.closed);
        guard.sweep(11_100 * MS);
        assertTrue(busy.closed);
    }

    @Test
    void oneConnectionOverTheLimitClosesTheOldestNotBeingAnswered() {
        FakeConnection answering = open();
        answering.messagesIn = 1;
        FakeConnection idle = open();
        FakeConnection halfSent = open();
        halfSent.bytesIn = 10;
        FakeConnection fourth = open();
        assertFalse(answering.closed, "a connection being answered is never closed to make room");
        assertTrue(idle.closed);
        assertFalse(halfSent.closed);
        assertFalse(fourth.closed);
        FakeConnection fifth = open();
        assertTrue(halfSent.closed);
        assertFalse(fifth.closed);
        assertEquals(2, guard.closedOverLimit());
        assertEquals(3, guard.openConnections());
    }

    @Test
    void whenEveryOtherConnectionIsBeingAnsweredTheNewOneIsClosed() {
        for (int i = 0; i < 3; i++) {
            open().messagesIn = 1;
        }
        FakeConnection late = open();
        assertTrue(late.closed);
        assertEquals(3, guard.openConnections());
    }

    /** Only the counters and close() matter to the guard. */
    private final class FakeConnection implements Connection {
        long messagesIn;
        long messagesOut;
        long bytesIn;
        boolean closed;

        @Override
        public void close() {
            closed = true;
            guard.onClosed(this);
        }

        @Override
        public long getMessagesIn() {
            return messagesIn;
        }

        @Override
        public long getMessagesOut() {
            return messagesOut;
        }

        @Override
        public long getBytesIn() {
            return bytesIn;
        }

        @Override
        public long getBytesOut() {
            return 0;
        }

        @Override
        public void addEventListener(EventListener listener) {
        }

        @Override
        public void removeEventListener(EventListener listener) {
        }

        @Override
        public void onOpen() {
        }

        @Override
        public void onClose(Throwable cause) {
        }

        @Override
        public EndPoint getEndPoint() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean onIdleExpired(TimeoutException timeout) {
            return false;
        }

        @Override
        public long getCreatedTimeStamp() {
            return 0;
        }
    }
}
