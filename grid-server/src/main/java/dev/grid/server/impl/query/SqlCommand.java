package dev.grid.server.impl.query;

import dev.grid.core.Grid;
import dev.grid.core.GridException;
import dev.grid.core.config.GridClientConfig;
import dev.grid.core.config.GridConfigException;
import dev.grid.query.GridSql;
import dev.grid.query.QueryCancelledException;
import dev.grid.query.QueryResult;
import dev.grid.query.SqlSession;
import dev.grid.query.offline.OfflineSql;
import dev.grid.server.cli.OptionCheck;
import dev.grid.server.impl.Await;
import dev.grid.server.impl.ConfigOption;
import dev.grid.server.impl.GridCommand;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * {@code grid sql -e "SELECT ..."}: SQL on the live cluster (as a client of the cluster {@code --config} describes),
 * or with {@code --offline DIR} over exported files; results as a table.
 */
@Command(name = "sql", mixinStandardHelpOptions = true, header = "run SQL on the cluster, or over exported files (--offline DIR)",
        description = {
                "Connects as a client of the cluster --config describes (as 'grid partitions') and runs each -e statement in order "
                        + "through Hazelcast's SQL engine with grid's connectors (CREATE MAPPING ... TYPE GridMap or TYPE GridLog, "
                        + "IMap mappings, joins: docs/query.md), or the statements read from standard input; on a terminal without "
                        + "-e, an interactive shell (history in ~/.grid_sql_history; end statements with ';'). A query stops after "
                        + "--max-rows rows (a streaming query too: it is cancelled there). Rows are printed as a table. Ctrl-C cancels "
                        + "the running statement on the cluster: the shell prompts again, with -e the command ends with exit code 130.",
                "",
                "With --offline DIR it needs no cluster: it opens the export in DIR (a directory 'grid export' wrote, holding "
                        + "manifest.json) or the exports in its subdirectories in DuckDB, in this process, with a view per export "
                        + "named after its map or topic (quote names with '-' or '.': \"export-orders\").",
                "",
                "A statement the engine refuses ends the command with exit code 1 and the engine's message, which names the "
                        + "line and column of a syntax error and the mapping, column or function it does not know.",
                "",
                "  grid sql -e \"CREATE MAPPING people (__key INT, name VARCHAR, age INT) TYPE GridMap OPTIONS ('keyFormat'='int', 'valueFormat'='json-flat')\" -e \"SELECT count(*) FROM people WHERE age >= 18\"",
                "  grid sql --offline /tmp/orders -e \"SELECT count(*), sum(value) FROM orders\"",
                "  grid sql --offline /tmp/exports -e \"SELECT o.key, count(*) FROM orders o JOIN clicks c ON c.key = o.key GROUP BY 1\"",
                "  echo \"SELECT partition, count(*) FROM clicks GROUP BY 1 ORDER BY 1;\" | grid sql --offline /tmp/clicks"})
public final class SqlCommand implements Callable<Integer> {
    static final String HISTORY_FILE = ".grid_sql_history";
    /** The exit code after Ctrl-C cancelled a statement (as a shell reports SIGINT: 128 + 2). */
    static final int CANCELLED = 130;

    private final SqlInterrupts interrupts;
    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    @Spec
    private CommandSpec spec;
    @Mixin
    private ConfigOption configOption = new ConfigOption();
    @Option(names = "--offline", paramLabel = "DIR", description = "run over the export in this directory, or the exports in its subdirectories, instead of the cluster")
    private Path offline;
    @Option(names = {"-e", "--execute"}, paramLabel = "SQL", description = "a statement to run (repeat for several; default: read standard input)")
    private List<String> statements;
    @Option(names = "--shell", description = "the interactive shell even when standard input is not a terminal (it is the default on a "
            + "terminal without -e)")
    private boolean shell;
    @Option(names = "--max-rows", paramLabel = "N", defaultValue = "1000", description = "print at most this many rows of a result (default: 1000)")
    private int maxRows;
    @Option(names = "--verbose", description = "on an error, print its stack trace too")
    private boolean verbose;

    SqlCommand(InputStream in, PrintStream out, PrintStream err) {
        this(in, out, err, null);
    }

    /** @param interrupts where Ctrl-C comes from outside the interactive shell; null for the JVM's SIGINT */
    SqlCommand(InputStream in, PrintStream out, PrintStream err, SqlInterrupts interrupts) {
        this.interrupts = interrupts;
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        OptionCheck check = new OptionCheck(spec);
        check.positive("--max-rows", maxRows);
        if (offline != null) {
            try (OfflineSql engine = OfflineSql.open(offline)) {
                return run(check, engine);
            } catch (GridException e) {
                return fail(e);
            }
        }
        GridClientConfig client;
        try {
            client = GridClientConfig.forCluster(configOption.load().config()).setConnectTimeout(CONNECT_TIMEOUT);
        } catch (GridConfigException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            err.flush();
            return GridCommand.USAGE;
        }
        try (Grid grid = Grid.client(client); SqlSession session = GridSql.on(grid, maxRows, "grid sql", Duration.ZERO)) {
            // a new client learns the partition table shortly after it connects
            Await.until(CONNECT_TIMEOUT, () -> grid.partitions().distribution().unassigned() == 0);
            return run(check, session);
        } catch (GridException e) {
            return fail(e);
        } catch (RuntimeException e) {
            return fail(new GridException(e.toString() + (verbose ? "" : " (--verbose prints where)"), e));
        }
    }

    private int run(OptionCheck check, SqlSession session) {
        List<String> sql = statements;
        boolean interactive = (sql == null || sql.isEmpty()) && (shell || in == System.in && System.console() != null);
        if (interactive) {
            return runShell(session);
        }
        if (sql == null || sql.isEmpty()) {
            String script = readStandardInput();
            if (script.isBlank()) {
                throw check.error("no SQL: give -e \"SELECT ...\" or the statements on standard input");
            }
            // Hazelcast runs one statement per call; DuckDB takes a script (and answers with its last statement's rows)
            sql = offline != null ? List.of(script) : SqlStatements.split(script);
        }
        SqlInterrupts ctrlC = interrupts != null ? interrupts : SqlInterrupts.jvm();
        for (String statement : sql) {
            QueryResult result;
            try {
                result = SqlShell.runCancellable(session, statement, ctrlC);
            } catch (QueryCancelledException e) {
                err.println(spec.qualifiedName() + ": " + e.getMessage());
                err.flush();
                return CANCELLED;
            }
            out.print(ResultTable.format(result, maxRows));
            out.flush();
        }
        return GridCommand.OK;
    }

    private int fail(GridException e) {
        err.println(spec.qualifiedName() + ": " + e.getMessage());
        if (verbose) {
            e.printStackTrace(err);
        }
        err.flush();
        return GridCommand.FAILED;
    }

    private int runShell(SqlSession session) {
        boolean console = in == System.in && System.console() != null;
        try {
            if (console) {
                try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                    SqlShell.run(SqlShell.terminal(terminal, Path.of(System.getProperty("user.home"), HISTORY_FILE)), terminal.writer(),
                            session, maxRows, SqlInterrupts.of(terminal));
                }
            } else {
                PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
                SqlShell.run(SqlShell.plain(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), writer), writer, session,
                        maxRows, interrupts != null ? interrupts : SqlInterrupts.jvm());
                writer.flush();
            }
            return GridCommand.OK;
        } catch (IOException e) {
            err.println(spec.qualifiedName() + ": the terminal cannot be opened: " + e);
            err.flush();
            return GridCommand.FAILED;
        }
    }

    private String readStandardInput() {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read standard input", e);
        }
    }
}
