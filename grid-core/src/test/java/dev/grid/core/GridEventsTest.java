package dev.grid.core;

import dev.grid.core.impl.DefaultGridEvents;
import dev.grid.core.impl.EmbeddedGrid;
import dev.grid.core.test.TestClusters;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class GridEventsTest {

    /** An application's own kind of event. */
    record Ping(long timeMillis, String note) implements GridEvent {
        @Override
        public String type() {
            return "test.ping";
        }

        @Override
        public Severity severity() {
            return Severity.INFO;
        }

        @Override
        public String message() {
            return "ping: " + note;
        }

        @Override
        public Map<String, String> attributes() {
            return Map.of("note", note);
        }
    }

    @Test
    void deliversToListenersUntilTheyUnsubscribeAndSurvivesAFailingListener() throws Exception {
        DefaultGridEvents events = new DefaultGridEvents();
        List<GridEvent> seen = new ArrayList<>();
        events.subscribe(e -> {
            throw new IllegalStateException("listener bug");
        });
        AutoCloseable subscription = events.subscribe(seen::add);

        events.publish(new Ping(1, "first"));
        subscription.close();
        events.publish(new Ping(2, "second"));

        assertEquals(List.of(new Ping(1, "first")), seen);
    }

    @Test
    void anEmbeddedMemberHasOneBusThatItsServicesCanReach() {
        try (Grid grid = Grid.embedded(TestClusters.of(1, 7).nextMemberConfig())) {
            List<GridEvent> seen = new ArrayList<>();
            grid.events().subscribe(seen::add);
            EmbeddedGrid.eventsOf(grid.hazelcast()).publish(new Ping(grid.clock().millis(), "from a service"));
            assertEquals(List.of("test.ping"), seen.stream().map(GridEvent::type).toList());
        }
    }
}
