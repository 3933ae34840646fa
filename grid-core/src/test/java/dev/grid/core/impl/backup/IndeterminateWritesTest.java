package dev.grid.core.impl.backup;

import com.hazelcast.core.IndeterminateOperationStateException;
import com.hazelcast.core.MemberLeftException;
import com.hazelcast.spi.exception.TargetDisconnectedException;
import dev.grid.core.IndeterminateWriteException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class IndeterminateWritesTest {

    @Test
    void recognisesEveryOutcomeThatLeavesAWriteUnknown() {
        assertTrue(IndeterminateWrites.isIndeterminate(new IndeterminateOperationStateException("backup acks missed")));
        assertTrue(IndeterminateWrites.isIndeterminate(new TargetDisconnectedException("connection closed")));
        assertTrue(IndeterminateWrites.isIndeterminate(new CompletionException(new IndeterminateOperationStateException("x"))));
        assertFalse(IndeterminateWrites.isIndeterminate(new IllegalArgumentException("value too large")));
        assertFalse(IndeterminateWrites.isIndeterminate(new IllegalStateException("x", new IndeterminateOperationStateException("y"))));
    }

    @Test
    void repeatsAnIdempotentWriteUntilAnAttemptIsConfirmed() {
        AtomicInteger attempts = new AtomicInteger();
        String result = IndeterminateWrites.retrying(() -> {
            if (attempts.incrementAndGet() < 3) {
                throw new IndeterminateOperationStateException("backup acks missed");
            }
            return "stored";
        }, () -> "GridMap 'm': set of key 'k'");
        assertEquals("stored", result);
        assertEquals(3, attempts.get());
    }

    @Test
    void givesUpAfterEveryAttemptEndedIndeterminateNamingTheWrite() {
        AtomicInteger attempts = new AtomicInteger();
        IndeterminateWriteException e = assertThrows(IndeterminateWriteException.class, () -> IndeterminateWrites.retrying(() -> {
            attempts.incrementAndGet();
            throw new IndeterminateOperationStateException("backup acks missed");
        }, () -> "GridMap 'orders': set of key 'order-42'"));
        assertEquals(IndeterminateWrites.ATTEMPTS, attempts.get());
        assertTrue(e.getMessage().startsWith("GridMap 'orders': set of key 'order-42' may or may not have been applied"), e.getMessage());
        assertTrue(e.getMessage().contains(IndeterminateWrites.ATTEMPTS + " attempts"), e.getMessage());
        assertInstanceOf(IndeterminateOperationStateException.class, e.getCause());
    }

    @Test
    void neverRepeatsAWriteThatFailedForAnotherReason() {
        AtomicInteger attempts = new AtomicInteger();
        IllegalArgumentException refused = new IllegalArgumentException("value too large");
        IllegalArgumentException thrown = assertThrows(IllegalArgumentException.class, () -> IndeterminateWrites.retrying(() -> {
            attempts.incrementAndGet();
            throw refused;
        }, () -> "w"));
        assertSame(refused, thrown);
        assertEquals(1, attempts.get());
    }

    @Test
    void repeatsAnAsynchronousWriteAfterAnIndeterminateOutcome() {
        AtomicInteger attempts = new AtomicInteger();
        CompletableFuture<String> result = IndeterminateWrites.<String>retryingAsync(() -> attempts.incrementAndGet() == 1
                ? CompletableFuture.failedFuture(new MemberLeftException("member left"))
                : CompletableFuture.completedFuture("stored"), () -> "w").toCompletableFuture();
        assertEquals("stored", result.join());
        assertEquals(2, attempts.get());
    }

    @Test
    void anAsynchronousWriteFailsWithTheMemberExceptionUnwrapped() {
        IllegalArgumentException refused = new IllegalArgumentException("value too large");
        CompletableFuture<String> result = IndeterminateWrites.<String>retryingAsync(
                () -> CompletableFuture.failedFuture(new CompletionException(refused)), () -> "w").toCompletableFuture();
        CompletionException e = assertThrows(CompletionException.class, result::join);
        assertSame(refused, e.getCause());
    }

    @Test
    void aWriteThatIsNotRepeatedBecomesIndeterminateWriteException() {
        RuntimeException translated = IndeterminateWrites.translate(new TargetDisconnectedException("closed"),
                () -> "GridMap 'm': put of key 'k'");
        assertInstanceOf(IndeterminateWriteException.class, translated);
        assertTrue(translated.getMessage().startsWith("GridMap 'm': put of key 'k' may or may not have been applied"));
        IllegalStateException other = new IllegalStateException("x");
        assertSame(other, IndeterminateWrites.translate(other, () -> "w"));

        CompletableFuture<Object> failed = IndeterminateWrites.translating(
                CompletableFuture.failedFuture(new IndeterminateOperationStateException("acks missed")), () -> "w").toCompletableFuture();
        CompletionException e = assertThrows(CompletionException.class, failed::join);
        assertInstanceOf(IndeterminateWriteException.class, e.getCause());
    }
}
