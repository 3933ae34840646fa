package dev.grid.server.cli;

import dev.grid.core.GridConfigException;
import dev.grid.core.impl.RequireDuration;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;

import java.time.Duration;

/**
 * Range checks of option values that their types do not express. A bad value is a usage error (exit code 2)
 * naming the option and the value, with the same words as a bad {@code grid.yaml} value ({@code --duration must
 * be > 0, was 0s}).
 */
public final class OptionCheck {
    private final CommandSpec command;

    /** @param command the command whose options are checked */
    public OptionCheck(CommandSpec command) {
        this.command = command;
    }

    /** @return the value, if > 0 */
    public Duration positive(String option, Duration value) {
        try {
            return RequireDuration.positive(option, value);
        } catch (GridConfigException e) {
            throw error(e.getMessage());
        }
    }

    /** @return the value, if >= 0 */
    public Duration notNegative(String option, Duration value) {
        try {
            return RequireDuration.notNegative(option, value);
        } catch (GridConfigException e) {
            throw error(e.getMessage());
        }
    }

    /** @return the value, if > 0 */
    public long positive(String option, long value) {
        if (value <= 0) {
            throw error(option + " must be > 0, was " + value);
        }
        return value;
    }

    /** @return the value, if between min and max, both included */
    public long between(String option, long value, long min, long max) {
        if (value < min || value > max) {
            throw error(option + " must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    /** @return a usage error of the command with this message */
    public ParameterException error(String message) {
        return new ParameterException(command.commandLine(), message);
    }
}
