package dev.grid.server.impl.query;

import com.hazelcast.jet.Job;
import com.hazelcast.jet.config.JobConfigArguments;
import dev.grid.core.test.GridCluster;
import dev.grid.query.GridSql;
import dev.grid.query.RunningQuery;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Ctrl-C in {@code grid sql}, pressed through the command's interrupt seam (no terminal): with {@code -e} a stream (it
 * only ends by cancel) is cancelled on the cluster and the command exits 130; in the shell it is cancelled and the shell
 * prompts again, runs the next statement, and Ctrl-C at the prompt drops the line being typed.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SqlCancelTest {
    private static final String STREAM = "SELECT v FROM TABLE(generate_stream(5))";

    @RegisterExtension
    static final GridCluster CLUSTER = GridCluster.withMembers(1).partitions(17).withClient();

    @TempDir
    static Path dir;
    private static Path config;

    /** Ctrl-C pressed by the test: runs the handler the command registered while a statement runs. */
    private static final class PressableCtrlC implements SqlInterrupts {
        private final AtomicReference<Runnable> handler = new AtomicReference<>();

        @Override
        public Registration onInterrupt(Runnable action) {
            handler.set(action);
            return () -> handler.compareAndSet(action, null);
        }

        boolean armed() {
            return handler.get() != null;
        }

        void press() {
            handler.get().run();
        }
    }

    @BeforeAll
    static void writeConfig() throws IOException {
        config = dir.resolve("grid.yaml");
        Files.writeString(config, "grid:\n  clusterName: " + CLUSTER.configs().clusterName() + "\n  network:\n    members: ["
                + String.join(", ", CLUSTER.configs().memberAddresses()) + "]\n");
    }

    private static Optional<RunningQuery> runningStream(GridSql admin, String sql) {
        return admin.running().stream().filter(q -> q.sql().strip().startsWith(sql) && q.rows() > 0).findFirst();
    }

    private static long jobsRunning(String sql) {
        long n = 0;
        for (Job job : CLUSTER.member(0).hazelcast().getJet().getJobs()) {
            try {
                if (job.isLightJob() && job.getConfig().getArgument(JobConfigArguments.KEY_SQL_QUERY_TEXT) instanceof String text
                        && text.startsWith(sql)) {
                    n++;
                }
            } catch (RuntimeException e) {
                // ended meanwhile
            }
        }
        return n;
    }

    @Test
    void ctrlCCancelsAnExecutedStatementAndExitsWith130() throws Exception {
        PressableCtrlC ctrlC = new PressableCtrlC();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        try (GridSql admin = GridSql.on(CLUSTER.member(0), 10)) {
            CompletableFuture<Integer> code = CompletableFuture.supplyAsync(() -> new CommandLine(new SqlCommand(new ByteArrayInputStream(new byte[0]),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8), ctrlC))
                    .execute("--config", config.toString(), "-e", STREAM));
            RunningQuery running = await().atMost(Duration.ofSeconds(30)).until(() -> runningStream(admin, STREAM), Optional::isPresent).orElseThrow();
            assertTrue(running.origin().startsWith("grid sql on client 127.0.0.1:"), running.origin());
            assertTrue(ctrlC.armed());
            assertEquals(1, jobsRunning(STREAM));

            ctrlC.press();
            assertEquals(SqlCommand.CANCELLED, code.get(30, TimeUnit.SECONDS), err.toString(StandardCharsets.UTF_8));
            assertEquals("sql: query " + running.id() + " was cancelled by Ctrl-C\n", err.toString(StandardCharsets.UTF_8));
            assertEquals("", out.toString(StandardCharsets.UTF_8));
            await().atMost(Duration.ofSeconds(10)).until(() -> jobsRunning(STREAM) == 0 && admin.running().isEmpty());
        }
    }

    @Test
    void ctrlCInTheShellCancelsTheStatementAndTheShellGoesOn() throws Exception {
        Object interrupt = new Object();
        Object end = new Object();
        BlockingQueue<Object> typed = new LinkedBlockingQueue<>();
        SqlShell.Lines lines = prompt -> {
            try {
                Object next = typed.take();
                if (next == interrupt) {
                    throw new SqlShell.Interrupted();
                }
                return next == end ? null : (String) next;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
        };
        PressableCtrlC ctrlC = new PressableCtrlC();
        StringWriter printed = new StringWriter();
        try (GridSql client = GridSql.on(CLUSTER.client(), 1000, "grid sql", Duration.ZERO); GridSql admin = GridSql.on(CLUSTER.member(0), 10)) {
            CompletableFuture<Void> shell = CompletableFuture.runAsync(() -> SqlShell.run(lines, new PrintWriter(printed, true), client, 1000, ctrlC));
            String stream = STREAM.replace("5", "6");
            typed.add(stream + ";");
            RunningQuery running = await().atMost(Duration.ofSeconds(30)).until(() -> runningStream(admin, stream), Optional::isPresent).orElseThrow();
            ctrlC.press();
            await().atMost(Duration.ofSeconds(20)).until(() -> printed.toString().contains("query " + running.id() + " was cancelled by Ctrl-C\n"));
            await().atMost(Duration.ofSeconds(10)).until(() -> jobsRunning(stream) == 0);
            assertFalse(shell.isDone(), "the shell stays");

            typed.add("SELECT");
            typed.add(interrupt); // Ctrl-C at the prompt drops the line
            typed.add("SELECT 2 AS two;");
            typed.add(end);
            shell.get(30, TimeUnit.SECONDS);
            String output = printed.toString();
            assertTrue(output.contains("two\n---\n  2\n(1 row)\n"), output);
            assertFalse(output.contains("Encountered"), "the dropped line did not reach the engine: " + output);
        }
    }
}
