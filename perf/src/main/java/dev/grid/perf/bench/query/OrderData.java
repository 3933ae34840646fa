package dev.grid.perf.bench.query;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * The data of {@code grid bench query}, generated from a seed: entry {@code id} (0 to entries-1) is always the same
 * {@link Order}. It also holds the answers every query must give (the ids of each category, the ids in a price range,
 * the sums), so each system's results are checked against the data itself, not only against each other.
 */
final class OrderData {
    /** Prices are {@code k * PRICE_STEP} for k in [0, PRICE_STEPS): 0 to 9,999.75. */
    static final int PRICE_STEPS = 40_000;
    static final double PRICE_STEP = 0.25;
    /** A range query spans this many price steps: 0.1% of the prices, so about 0.1% of the entries. */
    static final int RANGE_STEPS = PRICE_STEPS / 1000;

    private final int entries;
    private final int categories;
    private final long seed;
    private final int[][] idsByCategory;
    private final double[] sumByCategory;
    /** (price step << 32 | id), sorted: the entries in price order. */
    private final long[] byPrice;
    private final double total;

    OrderData(int entries, int categories, long seed) {
        this.entries = entries;
        this.categories = categories;
        this.seed = seed;
        int[] counts = new int[categories];
        int[] categoryOf = new int[entries];
        sumByCategory = new double[categories];
        byPrice = new long[entries];
        double sum = 0;
        for (int id = 0; id < entries; id++) {
            SplittableRandom random = random(id);
            int category = random.nextInt(categories);
            int step = random.nextInt(PRICE_STEPS);
            categoryOf[id] = category;
            counts[category]++;
            sumByCategory[category] += step * PRICE_STEP;
            sum += step * PRICE_STEP;
            byPrice[id] = (long) step << 32 | id;
        }
        total = sum;
        Arrays.sort(byPrice);
        idsByCategory = new int[categories][];
        for (int c = 0; c < categories; c++) {
            idsByCategory[c] = new int[counts[c]];
        }
        int[] filled = new int[categories];
        for (int id = 0; id < entries; id++) {
            idsByCategory[categoryOf[id]][filled[categoryOf[id]]++] = id;
        }
    }

    private SplittableRandom random(int id) {
        return new SplittableRandom(seed * 0x9E3779B97F4A7C15L + id);
    }

    int entries() {
        return entries;
    }

    int categories() {
        return categories;
    }

    /** @return entry {@code id}'s value */
    Order order(int id) {
        SplittableRandom random = random(id);
        int category = random.nextInt(categories);
        int step = random.nextInt(PRICE_STEPS);
        return new Order(id, category(category), step * PRICE_STEP, 1 + random.nextInt(100));
    }

    /** @return the name of category {@code index}: {@code cat-007} */
    static String category(int index) {
        return String.format(Locale.ROOT, "cat-%03d", index);
    }

    /** @return the ids of a category's entries, ascending */
    int[] idsOf(String category) {
        int index = Integer.parseInt(category.substring(4));
        return idsByCategory[index].clone();
    }

    /** @return the ids of the entries whose price is in [low, high], ascending */
    int[] idsBetween(double low, double high) {
        long lowStep = (long) Math.ceil(low / PRICE_STEP);
        long highStep = (long) Math.floor(high / PRICE_STEP);
        int from = insertionPoint(lowStep << 32);
        int to = insertionPoint((highStep + 1) << 32);
        int[] ids = new int[Math.max(0, to - from)];
        for (int i = from; i < to; i++) {
            ids[i - from] = (int) byPrice[i];
        }
        Arrays.sort(ids);
        return ids;
    }

    private int insertionPoint(long key) {
        int i = Arrays.binarySearch(byPrice, key);
        return i >= 0 ? i : -i - 1;
    }

    /** @return SUM(price) over every entry (exact: prices are multiples of 0.25) */
    double total() {
        return total;
    }

    /** @return SUM(price) per category, by category name */
    Map<String, Double> sumsByCategory() {
        Map<String, Double> sums = new TreeMap<>();
        for (int c = 0; c < categories; c++) {
            if (idsByCategory[c].length > 0) {
                sums.put(category(c), sumByCategory[c]);
            }
        }
        return sums;
    }
}
