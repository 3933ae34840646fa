package dev.grid.core.impl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The one duration syntax of grid.yaml and the command line. */
@Timeout(10)
class DurationTextTest {

    @ParameterizedTest
    @CsvSource({
            "500ms, PT0.5S",
            "1.5s, PT1.5S",
            "30s, PT30S",
            "2m, PT2M",
            "1h, PT1H",
            "1d, PT24H",
            "0.25h, PT15M",
            "1.000000001s, PT1.000000001S",
            "0.5ms, PT0.0005S",
            "0s, PT0S",
            "0ms, PT0S",
            "-5s, PT-5S",
            "'  10 s ', PT10S",
            "007m, PT7M",
    })
    void shouldReadANumberAndAUnit(String text, String expected) {
        assertEquals(Duration.parse(expected), DurationText.parse(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "s", "30", "1.5", "soon", "5 seconds", "5S", "2M", "1h30m", ".5s", "5.s", "+5s", "--5s", "PT5S",
            "5 ms s", "1e3ms", "5us", "1w"})
    void shouldRefuseAnythingElseNamingTheText(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DurationText.parse(text));
        assertEquals(DurationText.EXPECTED + ", was \"" + text + "\"", e.getMessage());
    }

    @Test
    void shouldRefuseNullWithTheSameMessage() {
        assertEquals(DurationText.EXPECTED + ", was null", assertThrows(IllegalArgumentException.class, () -> DurationText.parse(null)).getMessage());
    }

    @Test
    void shouldRefuseFractionsOfANanosecondAndValuesBeyondDuration() {
        assertEquals("must be a whole number of nanoseconds, was \"0.0000001ms\"",
                assertThrows(IllegalArgumentException.class, () -> DurationText.parse("0.0000001ms")).getMessage());
        assertEquals("must be a duration such as 500ms, 1.5s, 2m or 1h (a number and a unit: ms, s, m, h or d), was \"1.0000000001s\"",
                assertThrows(IllegalArgumentException.class, () -> DurationText.parse("1.0000000001s")).getMessage());
        assertEquals("must be at most 9223372036854775807s, was \"999999999999999999d\"",
                assertThrows(IllegalArgumentException.class, () -> DurationText.parse("999999999999999999d")).getMessage());
    }

    @ParameterizedTest
    @CsvSource({
            "PT0S, 0s",
            "PT0.5S, 500ms",
            "PT1.5S, 1.5s",
            "PT30S, 30s",
            "PT90S, 1.5m",
            "PT61S, 61s",
            "PT1H, 1h",
            "PT36H, 1.5d",
            "PT-5S, -5s",
            "PT0.0000015S, 0.0015ms",
            "PT1.0005S, 1000.5ms",
    })
    void shouldWriteAValueInTheLargestUnitThatHoldsIt(String value, String expected) {
        assertEquals(expected, DurationText.format(Duration.parse(value)));
    }

    @Test
    void whatItWritesReadsBackToTheSameValue() {
        for (Duration value : List.of(Duration.ofNanos(1), Duration.ofNanos(-1_234_567), Duration.ofMillis(1001), Duration.ofSeconds(59, 999_999_999),
                Duration.ofDays(400).plusMillis(3), Duration.ofSeconds(Long.MAX_VALUE, 999_999_999), Duration.ofSeconds(Long.MIN_VALUE + 1))) {
            assertEquals(value, DurationText.parse(DurationText.format(value)), DurationText.format(value));
        }
    }
}
