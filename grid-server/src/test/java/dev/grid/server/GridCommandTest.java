package dev.grid.server;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GridCommandTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final GridCommand command = new GridCommand(new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void helpListsEveryCommand() {
        assertEquals(GridCommand.OK, command.run("--help"));
        assertTrue(out().contains("start") && out().contains("demo") && out().contains("partitions")
                && out().contains("stat") && out().contains("bench"), out());
    }

    @Test
    void noArgumentsIsAUsageError() {
        assertEquals(GridCommand.USAGE, command.run());
        assertTrue(out().startsWith("usage: grid <command>"), out());
    }

    @Test
    void eachCommandHasHelp() {
        for (String name : new String[] {"start", "stat", "demo", "partitions"}) {
            assertEquals(GridCommand.OK, command.run(name, "--help"));
            assertTrue(out().contains("usage: grid " + name), out());
        }
    }

    @Test
    void shouldRejectUnknownCommandAndOptions() {
        assertEquals(GridCommand.USAGE, command.run("stop"));
        assertTrue(err().startsWith("grid: unknown command 'stop'"), err());
        assertEquals(GridCommand.USAGE, command.run("start", "--confg", "x.yaml"));
        assertTrue(err().contains("grid start: unknown option '--confg'"), err());
        assertEquals(GridCommand.USAGE, command.run("start", "--config"));
        assertTrue(err().contains("grid start: --config needs a value"), err());
        assertEquals(GridCommand.USAGE, command.run("demo", "--entries", "lots"));
        assertTrue(err().contains("grid demo: --entries must be a whole number, was \"lots\""), err());
    }

    @Test
    void startWithBrokenConfigExitsWithTheKeyAndValue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, "grid:\n  partitionCount: 0\n");
        assertEquals(GridCommand.USAGE, command.run("start", "--config", file.toString()));
        assertTrue(err().contains("grid start: grid.partitionCount must be between 1 and 65536, was 0"), err());
    }

    @Test
    void startWithMissingConfigFileNamesTheFile(@TempDir Path dir) {
        Path missing = dir.resolve("nope.yaml");
        assertEquals(GridCommand.USAGE, command.run("start", "--config", missing.toString()));
        assertTrue(err().contains("cannot read config file " + missing), err());
    }

    @Test
    void demoWritesKillsAMemberAndVerifiesEveryEntry() {
        int code = command.run("demo", "--entries", "2000");
        assertEquals(GridCommand.OK, code, out() + err());
        String text = out();
        assertTrue(text.contains("271 partitions on 3 members"), text);
        assertTrue(text.contains("terminated member"), text);
        assertTrue(text.contains("271 partitions on 2 members"), text);
        assertTrue(text.contains("wrote 2000 entries to GridMap 'demo'"), text);
        assertTrue(text.contains("verified 2000 of 2000 acknowledged entries"), text);
        assertTrue(text.contains("the 2 survivors own 2000 entries off-heap"), text);
    }
}
