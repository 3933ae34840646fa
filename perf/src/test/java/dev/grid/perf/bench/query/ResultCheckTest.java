package dev.grid.perf.bench.query;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The checks every answer goes through: the data's own answers pass, any difference fails naming the query, the system and the difference. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ResultCheckTest {
    private final OrderData data = new OrderData(5_000, 10, 42);

    @Test
    void theDataShouldBeTheSameForTheSameSeedAndItsAnswersConsistent() {
        OrderData again = new OrderData(5_000, 10, 42);
        assertEquals(data.order(4321), again.order(4321));
        int total = 0;
        for (int c = 0; c < 10; c++) {
            for (int id : data.idsOf(OrderData.category(c))) {
                assertEquals(OrderData.category(c), data.order(id).getCategory());
                total++;
            }
        }
        assertEquals(5_000, total, "every entry in exactly one category");
        double low = 1000;
        double high = 1000 + (OrderData.RANGE_STEPS - 1) * OrderData.PRICE_STEP;
        int inRange = 0;
        double sum = 0;
        for (int id = 0; id < 5_000; id++) {
            double price = data.order(id).getPrice();
            inRange += price >= low && price <= high ? 1 : 0;
            sum += price;
        }
        assertEquals(inRange, data.idsBetween(low, high).length);
        assertEquals(sum, data.total());
        assertEquals(sum, data.sumsByCategory().values().stream().mapToDouble(Double::doubleValue).sum());
    }

    @Test
    void theDataAnswersShouldPass() {
        String category = OrderData.category(3);
        ResultCheck.sameEntries("equality", "gridmap", orders(data.idsOf(category)), data.idsOf(category), data);
        ResultCheck.sameSum("sum", "imap", data.total(), data.total());
        ResultCheck.sameGroups("group-by", "duckdb", new HashMap<>(data.sumsByCategory()), data.sumsByCategory());
    }

    @Test
    void aMissingExtraDuplicateOrChangedEntryShouldFail() {
        int[] expected = data.idsOf(OrderData.category(3));
        List<Order> missing = orders(expected);
        missing.remove(0);
        assertMismatch("equality category = 'cat-003': imap returned " + (expected.length - 1) + " entries, the data has " + expected.length
                + "; id " + expected[0] + " missing", () -> ResultCheck.sameEntries("equality category = 'cat-003'", "imap", missing, expected, data));
        List<Order> extra = orders(expected);
        int other = data.idsOf(OrderData.category(4))[0];
        extra.add(data.order(other));
        assertMismatch("id " + other + " returned, not in the data's answer", () -> ResultCheck.sameEntries("q", "gridmap", extra, expected, data));
        List<Order> twice = orders(expected);
        twice.add(data.order(expected[1]));
        assertMismatch("id " + expected[1] + " returned twice", () -> ResultCheck.sameEntries("q", "gridmap", twice, expected, data));
        List<Order> changed = orders(expected);
        Order o = changed.get(2);
        changed.set(2, new Order(o.getId(), o.getCategory(), o.getPrice() + 0.25, o.getQuantity()));
        assertMismatch("gridmap returned Order{id=" + o.getId(), () -> ResultCheck.sameEntries("q", "gridmap", changed, expected, data));
    }

    @Test
    void aSumOrGroupOffByAQuarterShouldFail() {
        assertMismatch("sum: imap returned " + (data.total() + 0.25) + ", the data's sum is " + data.total(),
                () -> ResultCheck.sameSum("sum", "imap", data.total() + 0.25, data.total()));
        assertMismatch("returned null", () -> ResultCheck.sameSum("sum", "imap", null, data.total()));
        Map<String, Double> groups = new HashMap<>(data.sumsByCategory());
        groups.put("cat-005", groups.get("cat-005") + 0.25);
        assertMismatch("category 'cat-005'", () -> ResultCheck.sameGroups("g", "gridmap", groups, data.sumsByCategory()));
        Map<String, Double> fewer = new HashMap<>(data.sumsByCategory());
        fewer.remove("cat-000");
        assertMismatch("gridmap returned 9 groups, the data has 10; category 'cat-000': missing",
                () -> ResultCheck.sameGroups("g", "gridmap", fewer, data.sumsByCategory()));
    }

    private List<Order> orders(int[] ids) {
        List<Order> orders = new ArrayList<>();
        for (int id : ids) {
            orders.add(data.order(id));
        }
        return orders;
    }

    private static void assertMismatch(String message, Runnable check) {
        ResultMismatchException e = assertThrows(ResultMismatchException.class, check::run);
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }
}
