package dev.grid.perf.bench.ycsb;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.Arrays;
import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(60)
class ZipfianGeneratorTest {
    private static final int DRAWS = 400_000;

    @Test
    void shouldDrawRanksInZipfianProportions() {
        int items = 1000;
        ZipfianGenerator zipf = new ZipfianGenerator(0, items - 1, 0.99);
        long[] counts = new long[items];
        SplittableRandom random = new SplittableRandom(1);
        for (int i = 0; i < DRAWS; i++) {
            counts[(int) zipf.next(random)]++;
        }
        double zetan = ZipfianGenerator.zeta(items, 0.99);
        // the first ranks follow 1 / (r+1)^theta / zeta(n) (the generator is exact for ranks 0 and 1, approximate after)
        for (int rank = 0; rank < 2; rank++) {
            double expected = 1 / Math.pow(rank + 1, 0.99) / zetan;
            double observed = (double) counts[rank] / DRAWS;
            assertEquals(expected, observed, expected * 0.05, "share of rank " + rank);
        }
        assertTrue(counts[0] > counts[1] && counts[1] > counts[2] && counts[2] > counts[10] && counts[10] > counts[500],
                "popularity must fall with rank: " + Arrays.toString(Arrays.copyOf(counts, 12)));
        long top10 = Arrays.stream(counts, 0, 10).sum();
        assertTrue(top10 > 0.35 * DRAWS, "the 1% hottest items should take well over a third of draws, took " + top10);
    }

    @Test
    void shouldScatterHotKeysButKeepTheSkew() {
        int items = 100_000;
        ScrambledZipfianGenerator scrambled = new ScrambledZipfianGenerator(0, items - 1, 0.99);
        int[] counts = new int[items];
        SplittableRandom random = new SplittableRandom(2);
        for (int i = 0; i < DRAWS; i++) {
            long key = scrambled.next(random);
            assertTrue(key >= 0 && key < items, "key out of range: " + key);
            counts[(int) key]++;
        }
        int[] sorted = counts.clone();
        Arrays.sort(sorted);
        long hottestPercent = 0;
        for (int i = items - 1; i >= items - items / 100; i--) {
            hottestPercent += sorted[i];
        }
        // uniform keys would give the hottest 1% about 1% of the draws; Zipfian 0.99 gives it a large share
        assertTrue(hottestPercent > 0.25 * DRAWS, "hottest 1% of keys took " + hottestPercent + " of " + DRAWS);
        // and the hottest keys are not neighbours: the two hottest are far apart
        int hottest = indexOf(counts, sorted[items - 1]);
        int second = indexOf(counts, sorted[items - 2]);
        assertTrue(Math.abs(hottest - second) > 1, "hot keys adjacent: " + hottest + ", " + second);
    }

    @Test
    void shouldDrawUniformKeysEvenly() {
        int items = 100;
        UniformGenerator uniform = new UniformGenerator(0, items - 1);
        int[] counts = new int[items];
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < DRAWS; i++) {
            counts[(int) uniform.next(random)]++;
        }
        for (int c : counts) {
            assertEquals(DRAWS / items, c, DRAWS / items * 0.1);
        }
    }

    @Test
    void shouldExtendZetaIncrementallyAsTheItemCountGrows() {
        ZipfianGenerator zipf = new ZipfianGenerator(0, 999, 0.99);
        SplittableRandom random = new SplittableRandom(4);
        zipf.next(random, 5000); // grows the zeta state from 1000 to 5000 items incrementally
        ZipfianGenerator direct = new ZipfianGenerator(0, 4999, 0.99);
        SplittableRandom a = new SplittableRandom(5);
        SplittableRandom b = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            assertEquals(direct.next(a), zipf.next(b, 5000), "draw " + i);
        }
    }

    @Test
    void shouldFavourTheLatestInsertedKeys() {
        AcknowledgedCounter inserted = new AcknowledgedCounter(10_000);
        SkewedLatestGenerator latest = new SkewedLatestGenerator(inserted, 0.99);
        for (long k = 10_000; k < 10_100; k++) {
            inserted.acknowledge(inserted.next());
        }
        assertEquals(10_099, inserted.lastAcknowledged());
        SplittableRandom random = new SplittableRandom(6);
        int recent = 0;
        for (int i = 0; i < DRAWS; i++) {
            long key = latest.next(random);
            assertTrue(key >= 0 && key <= 10_099, "key out of range: " + key);
            if (key > 10_099 - 100) {
                recent++;
            }
        }
        assertTrue(recent > 0.4 * DRAWS, "the newest 1% of keys took only " + recent + " of " + DRAWS + " draws");
    }

    @Test
    void shouldOnlyAdvanceTheAcknowledgedLimitOverContiguousInserts() {
        AcknowledgedCounter counter = new AcknowledgedCounter(100);
        long a = counter.next();
        long b = counter.next();
        long c = counter.next();
        counter.acknowledge(c);
        counter.acknowledge(b);
        assertEquals(99, counter.lastAcknowledged(), "101 and 102 are done but 100 is not");
        counter.acknowledge(a);
        counter.acknowledge(counter.next()); // a later ack sweeps up whatever is contiguous
        assertEquals(103, counter.lastAcknowledged());
    }

    private static int indexOf(int[] counts, int value) {
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == value) {
                return i;
            }
        }
        return -1;
    }
}
