package dev.grid.core.impl.map.query;

import dev.grid.core.config.GridIndexConfig;
import dev.grid.core.impl.map.KeyBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** One partition index on its own: canonical values, families, null, moves and removes. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class PartitionIndexTest {

    private static KeyBytes key(int k) {
        return new KeyBytes(new byte[] {(byte) k});
    }

    private static Set<KeyBytes> keys(int... ks) {
        Set<KeyBytes> set = new HashSet<>();
        for (int k : ks) {
            set.add(key(k));
        }
        return set;
    }

    private static Set<KeyBytes> range(PartitionIndex index, Object from, Object to) {
        Set<KeyBytes> result = new HashSet<>();
        index.range(QueryValues.canonical(from), true, QueryValues.canonical(to), true).forEach(result::addAll);
        return result;
    }

    @Test
    void numbersOfEveryTypeAreOneValueAndEnumsTheirNames() {
        assertEquals(1L, QueryValues.canonical(1));
        assertEquals(1L, QueryValues.canonical(1.0));
        assertEquals(1L, QueryValues.canonical(new BigDecimal("1.00")));
        assertEquals(1.5, QueryValues.canonical(new BigDecimal("1.5")));
        assertEquals("SECONDS", QueryValues.canonical(TimeUnit.SECONDS));
        assertEquals("x", QueryValues.canonical('x'));
        assertTrue(QueryValues.equal(QueryValues.canonical(null), QueryValues.NULL));
        assertNull(QueryValues.compareOrNull(QueryValues.canonical("1"), QueryValues.canonical(1)), "a string against a number");
        assertNull(QueryValues.compareOrNull(QueryValues.NULL, QueryValues.canonical(1)), "null is neither greater nor less");
    }

    @Test
    void aSortedIndexKeepsEveryKeyInExactlyOnePlace() {
        PartitionIndex index = new PartitionIndex(GridIndexConfig.sorted("a"));
        index.put(key(1), QueryValues.canonical(5));
        index.put(key(2), QueryValues.canonical(7.5));
        index.put(key(3), QueryValues.canonical("text"));
        index.put(key(4), QueryValues.NULL);
        index.put(key(5), QueryValues.canonical(5L));
        assertEquals(keys(1, 5), index.equal(QueryValues.canonical(5.0)));
        assertEquals(keys(1, 2, 5), range(index, 0, 100), "numbers only: not the string, not null");
        assertEquals(keys(3), range(index, "a", "z"));
        assertEquals(keys(4), index.equal(QueryValues.NULL));

        index.put(key(1), QueryValues.canonical(50)); // moves
        index.remove(key(5));
        index.remove(key(9)); // absent: nothing
        assertEquals(keys(), index.equal(QueryValues.canonical(5)));
        assertEquals(keys(1, 2), range(index, 0, 100));
        assertEquals(4, index.size());
        assertEquals(keys(), range(index, 100, 0), "from above to: empty");
        index.clear();
        assertEquals(0, index.size());
        assertEquals(0, index.distinctValues());
    }

    @Test
    void aValueTheIndexCannotPlaceIsIndexedAsNull() {
        PartitionIndex index = new PartitionIndex(GridIndexConfig.sorted("a"));
        index.put(key(1), new Hostile(1));
        index.put(key(2), new Hostile(2));
        // the first sits alone (nothing to compare it with); the second cannot be placed beside it: null, no failure
        assertEquals(keys(2), index.equal(QueryValues.NULL));
        assertEquals(2, index.size());
        index.remove(key(2));
        index.put(key(1), QueryValues.canonical(3));
        assertEquals(keys(1), index.equal(QueryValues.canonical(3)));
    }

    /** A Comparable whose compareTo throws. */
    private record Hostile(int n) implements Comparable<Hostile> {
        @Override
        public int compareTo(Hostile other) {
            throw new IllegalStateException("no order");
        }
    }
}
