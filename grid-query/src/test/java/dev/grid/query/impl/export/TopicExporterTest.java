package dev.grid.query.impl.export;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TopicExporterTest {
    @Test
    void aTimeBoundStartsAtTheFirstWholeMillisecondAtOrAfterIt() {
        assertEquals(1_000_124, TopicExporter.ceilingMillis(Instant.ofEpochMilli(1_000_123).plusNanos(456_000)));
        assertEquals(1_000_123, TopicExporter.ceilingMillis(Instant.ofEpochMilli(1_000_123)));
        assertEquals(1_000_124, TopicExporter.ceilingMillis(Instant.ofEpochMilli(1_000_123).plusNanos(1)));
    }
}
