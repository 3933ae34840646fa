package dev.grid.server.impl.query;

import dev.grid.core.config.DurationText;
import dev.grid.query.export.TopicBound;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * The {@code --from} and {@code --to} of {@code grid export topic}: an offset ({@code 1200}, in every partition), an
 * ISO-8601 instant ({@code 2024-05-01T10:00:00Z}, or with an offset) or a duration ago ({@code 10m}, {@code 2h}).
 */
final class BoundText {
    static final String EXPECTED = "must be an offset (a number >= 0), an ISO-8601 instant such as 2024-05-01T10:00:00Z or a duration ago"
            + " such as 10m or 2h";

    private BoundText() {
    }

    /**
     * @return the bound
     * @throws IllegalArgumentException saying what is expected and what was given
     */
    static TopicBound parse(String value, Clock clock) {
        String text = value.trim();
        if (text.matches("-?\\d+")) {
            long offset;
            try {
                offset = Long.parseLong(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(EXPECTED + ", was \"" + value + "\"");
            }
            if (offset < 0) {
                throw new IllegalArgumentException("must not be a negative offset, was " + value);
            }
            return TopicBound.offset(offset);
        }
        if (text.contains("T")) {
            try {
                return TopicBound.time(Instant.parse(text));
            } catch (DateTimeParseException notUtc) {
                try {
                    return TopicBound.time(OffsetDateTime.parse(text).toInstant());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException(EXPECTED + ", was \"" + value + "\"");
                }
            }
        }
        Duration ago;
        try {
            ago = DurationText.parse(text);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(EXPECTED + ", was \"" + value + "\"");
        }
        if (ago.isNegative()) {
            throw new IllegalArgumentException("must not be a negative duration (a time in the future), was \"" + value + "\"");
        }
        return TopicBound.time(clock.instant().minus(ago));
    }
}
