package dev.grid.core.impl;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * grid's one way of writing a duration, in {@code grid.yaml} and on the command line: a number and a unit,
 * {@code 500ms}, {@code 1.5s}, {@code 30s}, {@code 2m}, {@code 1h}, {@code 1d}.
 *
 * <pre>
 * duration = [ "-" ] digits [ "." digits ] [ spaces ] unit
 * unit     = "ms" | "s" | "m" | "h" | "d"        (milliseconds, seconds, minutes, hours, days; lower case)
 * </pre>
 *
 * <p>Up to 9 decimals; the value must come to a whole number of nanoseconds. A unit is required (a bare
 * {@code 30} is refused: seconds or minutes?), and there is one unit per value ({@code 1h30m} is written
 * {@code 90m} or {@code 1.5h}). The sign is accepted so that a negative value reaches the key's own check,
 * whose message then names the key ({@code grid.cp.sessionTtl must be > 0, was -5s}): whether zero or a
 * negative value is allowed is for each key to say ({@link RequireDuration}).
 */
public final class DurationText {
    /** What a bad value is told, before {@code ", was ..."}; callers put the key or option name in front. */
    public static final String EXPECTED = "must be a duration such as 500ms, 1.5s, 2m or 1h (a number and a unit: ms, s, m, h or d)";

    private static final Pattern SYNTAX = Pattern.compile("(-?)(\\d{1,30})(?:\\.(\\d{1,9}))?\\s*(ms|s|m|h|d)");
    private static final BigDecimal NANOS_PER_SECOND = BigDecimal.valueOf(1_000_000_000L);
    private static final BigDecimal NANOS_PER_MILLI = BigDecimal.valueOf(1_000_000L);
    /** Largest first: {@link #format} writes a value in the largest unit that holds it exactly with up to 3 decimals. */
    private static final List<Unit> UNITS = List.of(new Unit("d", 86_400_000_000_000L), new Unit("h", 3_600_000_000_000L),
            new Unit("m", 60_000_000_000L), new Unit("s", 1_000_000_000L), new Unit("ms", 1_000_000L));

    private DurationText() {
    }

    /**
     * @param text a duration such as {@code 1.5s}; leading and trailing spaces are ignored
     * @return its value, which may be zero or negative
     * @throws IllegalArgumentException with a message that starts with "must be" and ends with the text, for
     *                                  a caller to put the key or option in front of it
     */
    public static Duration parse(String text) {
        Matcher matcher = text == null ? null : SYNTAX.matcher(text.trim());
        if (matcher == null || !matcher.matches()) {
            throw new IllegalArgumentException(EXPECTED + ", was " + quote(text));
        }
        BigDecimal number = new BigDecimal(matcher.group(2) + (matcher.group(3) == null ? "" : "." + matcher.group(3)));
        BigDecimal nanos = number.multiply(BigDecimal.valueOf(unit(matcher.group(4)).nanos));
        if (nanos.stripTrailingZeros().scale() > 0) {
            throw new IllegalArgumentException("must be a whole number of nanoseconds, was " + quote(text));
        }
        BigDecimal[] secondsAndNanos = nanos.divideAndRemainder(NANOS_PER_SECOND);
        Duration value;
        try {
            value = Duration.ofSeconds(secondsAndNanos[0].longValueExact(), secondsAndNanos[1].longValueExact());
        } catch (ArithmeticException e) {
            throw new IllegalArgumentException("must be at most " + format(Duration.ofSeconds(Long.MAX_VALUE)) + ", was " + quote(text), e);
        }
        return matcher.group(1).isEmpty() ? value : value.negated();
    }

    /**
     * @return the value in this syntax, in the largest unit that holds it exactly with at most 3 decimals
     *         ({@code 1.5s}, {@code 90s} as {@code 1.5m}, {@code 100ms}, {@code -5s}, {@code 0s});
     *         {@link #parse} reads it back to the same value
     */
    public static String format(Duration value) {
        if (value.isZero()) {
            return "0s";
        }
        BigDecimal nanos = BigDecimal.valueOf(value.getSeconds()).multiply(NANOS_PER_SECOND).add(BigDecimal.valueOf(value.getNano()));
        String sign = nanos.signum() < 0 ? "-" : "";
        BigDecimal magnitude = nanos.abs();
        for (Unit unit : UNITS) {
            BigDecimal size = BigDecimal.valueOf(unit.nanos);
            if (magnitude.compareTo(size) >= 0) {
                try {
                    return sign + magnitude.divide(size, 3, RoundingMode.UNNECESSARY).stripTrailingZeros().toPlainString() + unit.symbol;
                } catch (ArithmeticException needsMoreDecimals) {
                    // a smaller unit holds it
                }
            }
        }
        return sign + magnitude.divide(NANOS_PER_MILLI).stripTrailingZeros().toPlainString() + "ms";
    }

    private static Unit unit(String symbol) {
        return UNITS.stream().filter(unit -> unit.symbol.equals(symbol)).findFirst().orElseThrow();
    }

    private static String quote(String text) {
        return text == null ? "null" : "\"" + text + "\"";
    }

    private record Unit(String symbol, long nanos) {
    }
}
