package dev.grid.server.cli;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A byte count option, written as in {@code grid.yaml}: a whole number of bytes, or one with a {@code k}, {@code m},
 * {@code g} or {@code t} suffix (powers of 1024: {@code 64m}, {@code 1g}); picocli puts the option's name in front of
 * the message of a bad value.
 */
public final class ByteSizeConverter implements ITypeConverter<Long> {
    /** What a bad value is told, before {@code ", was ..."}. */
    static final String EXPECTED = "must be a byte count such as 1048576, 512k, 64m or 1g";

    private static final Pattern SYNTAX = Pattern.compile("(\\d{1,13})\\s*([kmgt]?)");
    private static final String UNITS = "kmgt";

    @Override
    public Long convert(String value) {
        Matcher matcher = SYNTAX.matcher(value.trim().toLowerCase(Locale.ROOT));
        if (!matcher.matches()) {
            throw new TypeConversionException(EXPECTED + ", was \"" + value + "\"");
        }
        long number = Long.parseLong(matcher.group(1));
        int shift = matcher.group(2).isEmpty() ? 0 : 10 * (UNITS.indexOf(matcher.group(2)) + 1);
        if (shift > 0 && number > (Long.MAX_VALUE >> shift)) {
            throw new TypeConversionException("must be at most " + Long.MAX_VALUE + " bytes, was \"" + value + "\"");
        }
        return number << shift;
    }

    /**
     * @return the count in this syntax, in the largest unit that holds it exactly ({@code 64m}, {@code 1536k},
     *         {@code 100}); {@link #convert} reads it back to the same value
     */
    public static String format(long bytes) {
        if (bytes <= 0) {
            return Long.toString(bytes);
        }
        for (int i = UNITS.length(); i > 0; i--) {
            long unit = 1L << (10 * i);
            if (bytes % unit == 0) {
                return bytes / unit + UNITS.substring(i - 1, i);
            }
        }
        return Long.toString(bytes);
    }
}
