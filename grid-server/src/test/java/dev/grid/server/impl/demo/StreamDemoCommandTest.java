package dev.grid.server.impl.demo;

import dev.grid.server.impl.GridCommand;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code grid demo stream}: its option checks, and (in the fault step) a whole run with a member terminated. */
@Timeout(value = 4, unit = TimeUnit.MINUTES)
class StreamDemoCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final GridCommand command = new GridCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    @Test
    void badOptionsAreRefusedNamingTheOptionAndTheValue() {
        assertEquals(GridCommand.USAGE, command.run("demo", "stream", "--seconds=2"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--seconds must be between 4 and 3600, was 2"), err.toString(StandardCharsets.UTF_8));
        err.reset();
        assertEquals(GridCommand.USAGE, command.run("demo", "stream", "--rate", "fast"));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("Invalid value for option '--rate': 'fast' is not an int"),
                err.toString(StandardCharsets.UTF_8));
        assertEquals(GridCommand.OK, command.run("demo", "--help"));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("stream"), "grid demo --help lists stream: " + out);
    }

    @Test
    @Tag("faults")
    void theTotalsAndWindowsAreExactAfterAMemberIsTerminated() {
        int code = command.run("demo", "stream", "--seconds", "8", "--rate", "1000");
        String output = out.toString(StandardCharsets.UTF_8);
        System.out.println(output + err.toString(StandardCharsets.UTF_8));
        assertEquals(GridCommand.OK, code, err.toString(StandardCharsets.UTF_8));
        assertTrue(output.contains("terminated member"), output);
        Matcher result = Pattern.compile("running totals exact for (\\d+) of (\\d+) products, windows exact (\\d+) of (\\d+)").matcher(output);
        assertTrue(result.find(), output);
        assertEquals(result.group(2), result.group(1));
        assertEquals(result.group(4), result.group(3));
        assertTrue(Integer.parseInt(result.group(4)) >= 8 * 6, "about one window per product and second: " + result.group(4));
    }
}
