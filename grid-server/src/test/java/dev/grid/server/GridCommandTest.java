package dev.grid.server;

import dev.grid.server.impl.GridCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(value = 3, unit = TimeUnit.MINUTES)
class GridCommandTest {
    private static final String[] COMMANDS = {"start", "stat", "demo", "partitions", "topic", "produce", "consume", "export", "sql", "job", "chaos", "bench", "completion"};

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
    void helpListsEveryCommandAndTheExitCodes() {
        assertEquals(GridCommand.OK, command.run("--help"));
        for (String name : COMMANDS) {
            assertTrue(out().contains("\n  " + name + " "), name + " missing from:\n" + out());
        }
        assertTrue(out().contains("2   bad arguments or a bad configuration"), out());
        assertEquals("", err());
    }

    @Test
    void noArgumentsIsAUsageError() {
        assertEquals(GridCommand.USAGE, command.run());
        assertTrue(err().contains("Usage: grid [-hV] COMMAND"), err());
    }

    @Test
    void eachCommandHasHelpWithItsExplanation() {
        assertHelp("start", "--config=FILE", "leaves the cluster gracefully");
        assertTrue(out().contains("grid.monitor.enabled"), "the description wraps at spaces only:\n" + out());
        assertHelp("stat", "--once", "Needs no network");
        assertHelp("demo", "--entries=N", "terminates one member without warning");
        assertHelp("partitions", "--config=FILE", "the ideal share");
        assertHelp("chaos", "--unsafe-indeterminate-as-success", "reads every key back");
        assertHelp("completion", "source <(./grid completion)", "bash script");
        assertHelp("topic", "create", "show a consumer group's lag");
        assertHelp("job", "submit", "Hazelcast Jet jobs");
        assertHelp("produce", "--key-separator=SEP", "waits for every acknowledgement");
        assertHelp("consume", "--from-beginning", "closes the consumer, so the group gives its partitions to the other members at once");
    }

    @Test
    void versionIsTheProjectVersionFromTheBuild() throws Exception {
        assertEquals(GridCommand.OK, command.run("--version"));
        Matcher parent = Pattern.compile("<artifactId>grid-parent</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(Files.readString(Path.of("..", "pom.xml")));
        assertTrue(parent.find(), "no version in the parent pom");
        assertTrue(out().startsWith("grid " + parent.group(1) + System.lineSeparator()), out());
    }

    @Test
    void completionIsABashScriptThatCompletesEveryCommand(@TempDir Path dir) throws Exception {
        assertEquals(GridCommand.OK, command.run("completion"));
        String script = out();
        assertTrue(script.startsWith("#!/usr/bin/env bash"), script.substring(0, Math.min(200, script.length())));
        assertTrue(script.contains("complete -F _complete_grid "), "registers a completion function for grid");
        Matcher commands = Pattern.compile("local commands=\"([^\"]*)\"").matcher(script);
        assertTrue(commands.find(), "no top-level command list in the script");
        for (String name : COMMANDS) {
            assertTrue((" " + commands.group(1) + " ").contains(" " + name + " "), name + " is not completed: " + commands.group(1));
        }
        assertTrue(script.contains("--unsafe-indeterminate-as-success"), "completes the options of a command too");
        Path file = dir.resolve("grid-completion.bash");
        Files.writeString(file, script);
        Process bash = new ProcessBuilder("bash", "-n", file.toString()).redirectErrorStream(true).start();
        assertTrue(bash.waitFor(30, TimeUnit.SECONDS), "bash -n did not finish");
        assertEquals(0, bash.exitValue(), "bash -n: " + new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
    }

    @Test
    void shouldTakeAnOptionAsNameEqualsValueOrAsTwoArguments(@TempDir Path dir) {
        Path empty = dir.resolve("no-members-here");
        assertEquals(GridCommand.FAILED, command.run("stat", "--once", "--dir=" + empty));
        assertTrue(out().contains("no running member keeps counters in " + empty.toAbsolutePath()), out());
        out.reset();
        assertEquals(GridCommand.FAILED, command.run("stat", "--dir", empty.toString(), "--once"));
        assertTrue(out().contains("no running member keeps counters in " + empty.toAbsolutePath()), out());
    }

    @Test
    void shouldRejectUnknownCommandsAndOptionsNamingThem() {
        assertEquals(GridCommand.USAGE, command.run("stop"));
        assertTrue(err().startsWith("grid: Unmatched argument at index 0: 'stop'"), err());
        assertTrue(err().contains("Did you mean: ") && err().contains("grid stat") && err().contains("grid start"), err());
        err.reset();
        assertEquals(GridCommand.USAGE, command.run("start", "--confg=x.yaml"));
        assertTrue(err().startsWith("grid start: Unknown option: '--confg=x.yaml'"), err());
        assertTrue(err().contains("('grid start --help' describes the options)"), err());
        err.reset();
        assertEquals(GridCommand.USAGE, command.run("start", "--config"));
        assertTrue(err().startsWith("grid start: Missing required parameter for option '--config' (FILE)"), err());
        err.reset();
        assertEquals(GridCommand.USAGE, command.run("start", "--config", "a.yaml", "--config", "b.yaml"));
        assertTrue(err().startsWith("grid start: option '--config' (FILE) should be specified only once"), err());
    }

    @Test
    void shouldRejectABadOptionValueNamingTheOptionAndTheValue() {
        assertEquals(GridCommand.USAGE, command.run("demo", "--entries", "lots"));
        assertTrue(err().startsWith("grid demo: Invalid value for option '--entries': 'lots' is not an int"), err());
        err.reset();
        assertEquals(GridCommand.USAGE, command.run("demo", "--entries=0"));
        assertTrue(err().startsWith("grid demo: --entries must be between 1 and 10000000, was 0"), err());
    }

    @Test
    void startWithBrokenConfigExitsWithTheKeyAndValue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, "grid:\n  partitionCount: 0\n");
        assertEquals(GridCommand.USAGE, command.run("start", "--config", file.toString()));
        assertTrue(err().contains("grid start: grid.partitionCount must be between 1 and 65536, was 0"), err());
    }

    @Test
    void startWithABadDurationInGridYamlNamesTheKeyAndTheValue(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, "grid:\n  cp:\n    sessionTtl: -5s\n");
        assertEquals(GridCommand.USAGE, command.run("start", "--config=" + file));
        assertTrue(err().contains("grid start: grid.cp.sessionTtl must be > 0, was -5s"), err());
        err.reset();
        Files.writeString(file, "grid:\n  monitor:\n    idleTimeout: 30\n");
        assertEquals(GridCommand.USAGE, command.run("start", "--config=" + file));
        assertTrue(err().contains("grid start: grid.monitor.idleTimeout must be a duration such as 500ms, 1.5s, 2m or 1h"), err());
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

    private void assertHelp(String name, String option, String explanation) {
        out.reset();
        assertEquals(GridCommand.OK, command.run(name, "--help"));
        assertTrue(out().contains("Usage: grid " + name + " "), out());
        assertTrue(out().contains(option), name + " --help names " + option + ":\n" + out());
        assertTrue(out().replaceAll("\\s+", " ").contains(explanation), name + " --help explains: " + explanation + "\n" + out());
    }
}
