package dev.grid.perf.bench.query;

import java.util.Arrays;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Checks an answer against the data ({@link OrderData}): the same entries (ids and values) for a query, the same sum,
 * the same sum per category. Every mismatch throws {@link ResultMismatchException} naming the query, the system and
 * the first difference.
 */
final class ResultCheck {
    private ResultCheck() {
    }

    /**
     * @param what     the query, e.g. {@code equality category = 'cat-007'}
     * @param expected the ids the data has, ascending
     */
    static void sameEntries(String what, String system, Collection<Order> actual, int[] expected, OrderData data) {
        int[] ids = new int[actual.size()];
        int i = 0;
        for (Order o : actual) {
            ids[i++] = o.getId();
        }
        Arrays.sort(ids);
        if (!Arrays.equals(ids, expected)) {
            throw new ResultMismatchException(String.format(Locale.ROOT, "%s: %s returned %,d entries, the data has %,d; %s", what, system,
                    ids.length, expected.length, firstDifference(ids, expected)));
        }
        for (Order o : actual) {
            Order stored = data.order(o.getId());
            if (!stored.equals(o)) {
                throw new ResultMismatchException(what + ": " + system + " returned " + o + ", the data has " + stored);
            }
        }
    }

    private static String firstDifference(int[] actual, int[] expected) {
        int i = 0;
        while (i < actual.length && i < expected.length && actual[i] == expected[i]) {
            i++;
        }
        if (i < actual.length && i > 0 && actual[i] == actual[i - 1]) {
            return "id " + actual[i] + " returned twice";
        }
        if (i >= expected.length || i < actual.length && actual[i] < expected[i]) {
            return "id " + actual[i] + " returned, not in the data's answer";
        }
        return "id " + expected[i] + " missing";
    }

    static void sameSum(String what, String system, Object actual, double expected) {
        if (!(actual instanceof Number n) || Double.compare(n.doubleValue(), expected) != 0) {
            throw new ResultMismatchException(String.format(Locale.ROOT, "%s: %s returned %s, the data's sum is %s", what, system, actual,
                    expected));
        }
    }

    /** @param actual the sum per category a system returned */
    static void sameGroups(String what, String system, Map<String, Double> actual, Map<String, Double> expected) {
        if (actual.equals(expected)) {
            return;
        }
        TreeSet<String> categories = new TreeSet<>(expected.keySet());
        categories.addAll(actual.keySet());
        for (String c : categories) {
            Double a = actual.get(c);
            Double e = expected.get(c);
            if (a == null || !a.equals(e)) {
                throw new ResultMismatchException(String.format(Locale.ROOT, "%s: %s returned %,d groups, the data has %,d; category '%s': %s, "
                        + "the data's sum is %s", what, system, actual.size(), expected.size(), c, a == null ? "missing" : a,
                        e == null ? "none (no such category)" : e));
            }
        }
    }
}
