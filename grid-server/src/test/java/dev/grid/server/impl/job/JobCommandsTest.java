package dev.grid.server.impl.job;

import com.hazelcast.jet.Job;
import com.hazelcast.jet.core.JobStatus;
import dev.grid.core.test.GridCluster;
import dev.grid.server.impl.GridCommand;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code grid job} as a client of a member running Jet, with jars compiled by the test whose classes are on no class
 * path: the member loads them only from the jar 'submit' attaches. Submit, list with figures, suspend, resume, restart
 * and cancel by name or id; every bad input names the file, class or job with its exit code, and the member keeps running.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class JobCommandsTest {
    private static final Duration WAIT = Duration.ofSeconds(30);

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(13)
            .configure(config -> config.setJetEnabled(true).setHazelcastProperty("hazelcast.metrics.collection.frequency", "1")
                    .getSecurity().setAllowedClasses(List.of("sample.**")));

    @TempDir
    static Path dir;
    private static Path config;
    private static JobJars jars;

    @BeforeAll
    static void writeConfigAndJars() throws IOException {
        config = dir.resolve("grid.yaml");
        Files.writeString(config, "grid:\n  clusterName: " + CLUSTER.configs().clusterName() + "\n  network:\n    members: ["
                + String.join(", ", CLUSTER.configs().memberAddresses()) + "]\n");
        jars = JobJars.compile(dir.resolve("build"));
    }

    private record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\nout:\n" + out + "\nerr:\n" + err;
        }
    }

    private static Run grid(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] withConfig = new String[args.length + 2];
        // --config before any '--' (what follows '--' is the main class's)
        withConfig[0] = args[0];
        withConfig[1] = args[1];
        System.arraycopy(args, 2, withConfig, 4, args.length - 2);
        withConfig[2] = "--config";
        withConfig[3] = config.toString();
        int code = new GridCommand(new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)).run(withConfig);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private static Job job(String name) {
        return CLUSTER.member(0).hazelcast().getJet().getJob(name);
    }

    @Test
    void submitsAJarAndManagesItsJobByNameAndId() throws IOException {
        Path jar = jars.jar(dir.resolve("count.jar"), "sample.CountJob", null, "sample/");
        Run submit = grid("job", "submit", jar.toString(), "--name", "counting", "--", "200");
        assertEquals(GridCommand.OK, submit.code(), submit.toString());
        assertTrue(submit.out().startsWith("submitted job counting ("), submit.toString());
        Job job = job("counting");
        assertTrue(job.getConfig().getResourceConfigs().keySet().stream().anyMatch(id -> id.contains("count.jar")),
                "the jar is attached: " + job.getConfig().getResourceConfigs().keySet());
        await().atMost(WAIT).until(() -> job.getStatus() == JobStatus.RUNNING);

        await().atMost(WAIT).untilAsserted(() -> {
            Run list = grid("job", "list");
            assertEquals(GridCommand.OK, list.code(), list.toString());
            String line = list.out().lines().filter(l -> l.contains(" counting ")).findFirst().orElseThrow(() -> new AssertionError(list));
            assertTrue(line.startsWith(job.getIdString()) && line.contains("RUNNING"), list.toString());
            List<String> cells = List.of(line.trim().split("\\s+"));
            assertTrue(Long.parseLong(cells.get(4)) > 0 && Long.parseLong(cells.get(5)) > 0, "items in and out: " + list);
        });

        Run suspend = grid("job", "suspend", "counting");
        assertEquals(GridCommand.OK, suspend.code(), suspend.toString());
        await().atMost(WAIT).until(() -> job.getStatus() == JobStatus.SUSPENDED);
        Run resumeAgain = grid("job", "suspend", "counting");
        assertEquals(GridCommand.FAILED, resumeAgain.code(), resumeAgain.toString());
        assertTrue(resumeAgain.err().startsWith("grid job suspend: job counting (" + job.getIdString() + ") is SUSPENDED: "), resumeAgain.toString());
        assertEquals(GridCommand.OK, grid("job", "resume", job.getIdString()).code());
        await().atMost(WAIT).until(() -> job.getStatus() == JobStatus.RUNNING);
        assertEquals(GridCommand.OK, grid("job", "restart", "counting").code());
        await().atMost(WAIT).until(() -> job.getStatus() == JobStatus.RUNNING);

        Run cancel = grid("job", "cancel", job.getIdString());
        assertEquals(GridCommand.OK, cancel.code(), cancel.toString());
        await().atMost(WAIT).until(() -> job.getStatus() == JobStatus.FAILED);
        Run list = grid("job", "list");
        assertTrue(list.out().contains(job.getIdString() + " FAILED: cancelled by a user"), list.toString());
        assertTrue(CLUSTER.member(0).isRunning());
    }

    @Test
    void refusesAJobWhoseClassesTheMembersCannotLoadNamingTheClass() throws IOException {
        // the client finds sample.Step through the manifest's Class-Path; the job brings only main.jar
        jars.jar(dir.resolve("step.jar"), null, null, "sample/Step");
        Path jar = jars.jar(dir.resolve("main.jar"), "sample.CountJob", "step.jar", "sample/CountJob");
        Run submit = grid("job", "submit", jar.toString(), "--name", "missing-step", "--", "10");
        assertEquals(GridCommand.FAILED, submit.code(), submit.toString());
        assertTrue(submit.err().contains("Class containing the lambda probably missing from class path"), submit.toString());
        assertTrue(submit.err().contains("the members cannot load these classes, which the client found outside " + jar
                + " (its manifest's Class-Path) and which are not attached to the job: sample.Step (put them in the jar)"), submit.toString());
        assertTrue(CLUSTER.member(0).isRunning());
    }

    @Test
    void badJarsClassesAndJobsAreNamed() throws IOException {
        Path missing = dir.resolve("nope.jar");
        Run run = grid("job", "submit", missing.toString());
        assertEquals(GridCommand.USAGE, run.code(), run.toString());
        assertEquals("grid job submit: jar file " + missing + " does not exist\n", run.err());

        Path noMain = jars.jar(dir.resolve("no-main.jar"), null, null, "sample/");
        run = grid("job", "submit", noMain.toString());
        assertEquals(GridCommand.USAGE, run.code(), run.toString());
        assertTrue(run.err().contains("jar " + noMain + " names no main class (no Main-Class in its manifest): give it with --class"), run.toString());

        run = grid("job", "submit", noMain.toString(), "--class", "sample.Nope");
        assertEquals(GridCommand.USAGE, run.code(), run.toString());
        assertTrue(run.err().contains("class sample.Nope is not in jar " + noMain), run.toString());

        run = grid("job", "submit", noMain.toString(), "--class", "sample.Step");
        assertEquals(GridCommand.USAGE, run.code(), run.toString());
        assertTrue(run.err().contains("class sample.Step in jar " + noMain + " has no public static void main(String[])"), run.toString());

        for (String action : List.of("cancel", "suspend", "resume", "restart")) {
            run = grid("job", action, "no-such-job");
            assertEquals(GridCommand.FAILED, run.code(), run.toString());
            assertEquals("grid job " + action + ": no job with the id or name 'no-such-job' ('grid job list' lists the jobs)\n", run.err());
        }
        run = grid("job", "cancel", "0a1b-2c3d-4e5f-6789");
        assertTrue(run.err().contains("no job with the id or name '0a1b-2c3d-4e5f-6789'"), run.toString());
        assertTrue(CLUSTER.member(0).isRunning());
    }
}
