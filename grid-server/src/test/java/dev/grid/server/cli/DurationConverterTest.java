package dev.grid.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A duration option reads what grid.yaml reads. */
@Timeout(10)
class DurationConverterTest {
    private final DurationConverter converter = new DurationConverter();

    @Test
    void shouldReadGridsDurationSyntax() {
        assertEquals(Duration.ofMillis(1500), converter.convert("1.5s"));
        assertEquals(Duration.ofMillis(500), converter.convert("500ms"));
        assertEquals(Duration.ofMinutes(2), converter.convert("2m"));
        assertEquals(Duration.ofHours(-1), converter.convert("-1h"));
    }

    @Test
    void shouldRefuseOtherTextNamingIt() {
        assertEquals("must be a duration such as 500ms, 1.5s, 2m or 1h (a number and a unit: ms, s, m, h or d), was \"30\"",
                assertThrows(TypeConversionException.class, () -> converter.convert("30")).getMessage());
    }
}
