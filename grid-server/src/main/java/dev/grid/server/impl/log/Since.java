package dev.grid.server.impl.log;

import dev.grid.core.config.DurationText;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The {@code --since TIME} of {@code grid consume}: an ISO-8601 instant ({@code 2024-05-01T10:00:00Z}, or with an
 * offset, {@code 2024-05-01T12:00:00+02:00}) or a duration ago, written as in {@code grid.yaml} ({@code 10m}, {@code 2h}).
 *
 * @param instant the instant given, or null
 * @param ago     the duration given, or null
 */
record Since(Instant instant, Duration ago) {
    static final String EXPECTED = "must be an ISO-8601 instant such as 2024-05-01T10:00:00Z or a duration ago such as 10m or 2h";

    /** @return the time in epoch milliseconds, a duration counted back from the clock's now */
    long millis(Clock clock) {
        return instant != null ? instant.toEpochMilli() : clock.instant().minus(ago).toEpochMilli();
    }

    @Override
    public String toString() {
        return instant != null ? instant.toString() : DurationText.format(ago) + " ago";
    }

    /** Reads {@code --since}; picocli puts the option's name in front of the message of a bad value. */
    static final class Converter implements ITypeConverter<Since> {
        @Override
        public Since convert(String value) {
            String text = value.trim();
            if (text.contains("T")) {
                try {
                    return new Since(Instant.parse(text), null);
                } catch (DateTimeParseException notUtc) {
                    try {
                        return new Since(OffsetDateTime.parse(text).toInstant(), null);
                    } catch (DateTimeParseException e) {
                        throw new TypeConversionException(EXPECTED + ", was \"" + value + "\"");
                    }
                }
            }
            Duration ago;
            try {
                ago = DurationText.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(EXPECTED + ", was \"" + value + "\"");
            }
            if (ago.isNegative()) {
                throw new TypeConversionException("must not be a negative duration (a time in the future), was \"" + value + "\"");
            }
            return new Since(null, ago);
        }
    }
}
