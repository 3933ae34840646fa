package dev.grid.server.cli;

import dev.grid.core.impl.DurationText;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

import java.time.Duration;

/**
 * A {@link Duration} option, written as in {@code grid.yaml} ({@link DurationText}: {@code 500ms}, {@code 1.5s},
 * {@code 2m}); picocli puts the option's name in front of the message of a bad value.
 */
public final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        try {
            return DurationText.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
