package dev.grid.core;

import dev.grid.core.impl.DefaultGridEvents;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridEventsTest {

    @Test
    void deliversToListenersUntilTheyUnsubscribeAndSurvivesAFailingListener() throws Exception {
        DefaultGridEvents events = new DefaultGridEvents();
        List<GridEvent> seen = new ArrayList<>();
        events.subscribe(e -> {
            throw new IllegalStateException("listener bug");
        });
        AutoCloseable subscription = events.subscribe(seen::add);

        events.publish(GridEvent.now("txn.commit", GridEvent.Severity.INFO, "committed", Map.of("txId", "42")));
        subscription.close();
        events.publish(GridEvent.now("txn.rollback", GridEvent.Severity.INFO, "rolled back", Map.of()));

        assertEquals(1, seen.size());
        assertEquals("txn.commit", seen.get(0).type());
        assertEquals("42", seen.get(0).attribute("txId"));
    }

    @Test
    void rejectsAnEventWithoutAType() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GridEvent.now(" ", GridEvent.Severity.WARN, "x", Map.of()));
        assertTrue(e.getMessage().contains("event type"), e.getMessage());
    }

    @Test
    void anEmbeddedMemberHasOneBusThatItsServicesCanReach() {
        try (Grid grid = Grid.embedded(dev.grid.core.test.TestClusters.of(1, 7).nextMemberConfig())) {
            List<GridEvent> seen = new ArrayList<>();
            grid.events().subscribe(seen::add);
            dev.grid.core.impl.EmbeddedGrid.eventsOf(grid.hazelcast())
                    .publish(GridEvent.now("test.ping", GridEvent.Severity.INFO, "ping", Map.of()));
            assertEquals(List.of("test.ping"), seen.stream().map(GridEvent::type).toList());
        }
    }
}
