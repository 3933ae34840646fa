package dev.grid.core.impl.map.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A query answer as the bytes of one client message frame: every field and every key and value back as they were; bad bytes refused. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class QueryResultBytesTest {

    @Test
    void entriesShouldComeBackKeyForKeyAndValueForValue() {
        QueryResult result = new QueryResult();
        result.values = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            result.keys.add(bytes("key-" + i));
            result.values.add(i == 7 ? new byte[0] : bytes("value-" + i + "-".repeat(i)));
        }
        result.indexed = true;
        byte[] encoded = QueryResultBytes.encode(result, extreme -> {
            throw new AssertionError("no extreme to write");
        });

        QueryResult back = QueryResultBytes.decode(encoded, extreme -> {
            throw new AssertionError("no extreme to read");
        });

        assertEquals(300, back.keys().size());
        for (int i = 0; i < 300; i++) {
            assertArrayEquals(result.keys.get(i), back.keys().get(i), "key " + i);
            assertArrayEquals(result.values.get(i), back.values().get(i), "value " + i);
        }
        assertTrue(back.indexed());
        assertFalse(back.fractional());
        assertNull(back.extreme());
    }

    @Test
    void keysOnlyAndAggregatesShouldKeepEveryField() {
        QueryResult result = new QueryResult();
        result.keys.add(bytes("k"));
        result.count = 42;
        result.longSum = -7L;
        result.doubleSum = 0.25;
        result.fractional = true;
        result.extreme = 9.5;
        byte[] encoded = QueryResultBytes.encode(result, extreme -> bytes(extreme.toString()));

        QueryResult back = QueryResultBytes.decode(encoded, extreme -> Double.valueOf(new String(extreme, StandardCharsets.UTF_8)));

        assertNull(back.values(), "keys only: no values");
        assertEquals(1, back.keys().size());
        assertArrayEquals(bytes("k"), back.keys().get(0));
        assertEquals(42, back.count());
        assertEquals(-7L, back.longSum());
        assertEquals(0.25, back.doubleSum());
        assertTrue(back.fractional());
        assertFalse(back.indexed());
        assertEquals(9.5, back.extreme());
    }

    @Test
    void shouldRefuseBytesThatAreNotOneWholeResult() {
        QueryResult result = new QueryResult();
        result.values = new ArrayList<>(List.of(bytes("v")));
        result.keys.add(bytes("k"));
        byte[] encoded = QueryResultBytes.encode(result, e -> null);

        IllegalArgumentException cut = assertThrows(IllegalArgumentException.class,
                () -> QueryResultBytes.decode(Arrays.copyOf(encoded, encoded.length - 1), e -> null));
        assertTrue(cut.getMessage().contains("not a query result"), cut.getMessage());
        IllegalArgumentException longer = assertThrows(IllegalArgumentException.class,
                () -> QueryResultBytes.decode(Arrays.copyOf(encoded, encoded.length + 2), e -> null));
        assertTrue(longer.getMessage().contains("2 bytes after its 1 entries"), longer.getMessage());
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
