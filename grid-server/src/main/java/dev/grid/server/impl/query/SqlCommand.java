package dev.grid.server.impl.query;

import dev.grid.core.GridException;
import dev.grid.query.offline.OfflineSql;
import dev.grid.query.offline.QueryResult;
import dev.grid.server.cli.OptionCheck;
import dev.grid.server.impl.GridCommand;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;
import picocli.CommandLine.Command;
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
import java.util.List;
import java.util.concurrent.Callable;

/** {@code grid sql --offline DIR -e "SELECT ..."}: SQL over exported files, results as a table. */
@Command(name = "sql", mixinStandardHelpOptions = true, header = "run SQL over exported files (--offline DIR) with DuckDB",
        description = {
                "Opens the export in DIR (a directory 'grid export' wrote, holding manifest.json) or the exports in its "
                        + "subdirectories, in DuckDB in this process, with a view per export named after its map or topic "
                        + "(quote names with '-' or '.': \"export-orders\"), and runs each -e statement in order, or the "
                        + "statements read from standard input (printing the last one's rows); on a terminal without -e, an "
                        + "interactive shell (history in ~/.grid_sql_history; end statements with ';'). Rows are printed as a table. A "
                        + "statement DuckDB refuses ends the command with exit code 1 and DuckDB's message, which names the "
                        + "line and position of a syntax error. Needs no cluster.",
                "",
                "  grid sql --offline /tmp/orders -e \"SELECT count(*), sum(value) FROM orders\"",
                "  grid sql --offline /tmp/exports -e \"SELECT o.key, count(*) FROM orders o JOIN clicks c ON c.key = o.key GROUP BY 1\"",
                "  echo \"SELECT partition, count(*) FROM clicks GROUP BY 1 ORDER BY 1;\" | grid sql --offline /tmp/clicks"})
public final class SqlCommand implements Callable<Integer> {
    static final String HISTORY_FILE = ".grid_sql_history";

    private final InputStream in;
    private final PrintStream out;
    private final PrintStream err;
    @Spec
    private CommandSpec spec;
    @Option(names = "--offline", paramLabel = "DIR", description = "the directory of an export, or of several exports (one a subdirectory)")
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
        this.in = in;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() {
        OptionCheck check = new OptionCheck(spec);
        if (offline == null) {
            throw check.error("--offline DIR is required: grid sql runs over the files 'grid export' wrote");
        }
        check.positive("--max-rows", maxRows);
        List<String> sql = statements;
        boolean interactive = (sql == null || sql.isEmpty()) && (shell || in == System.in && System.console() != null);
        if (interactive) {
            return runShell();
        }
        if (sql == null || sql.isEmpty()) {
            String script = readStandardInput();
            if (script.isBlank()) {
                throw check.error("no SQL: give -e \"SELECT ...\" or the statements on standard input");
            }
            sql = List.of(script);
        }
        try (OfflineSql engine = OfflineSql.open(offline)) {
            for (String statement : sql) {
                QueryResult result = engine.query(statement);
                out.print(ResultTable.format(result, maxRows));
                out.flush();
            }
            return GridCommand.OK;
        } catch (GridException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            if (verbose) {
                e.printStackTrace(err);
            }
            err.flush();
            return GridCommand.FAILED;
        }
    }

    private int runShell() {
        boolean console = in == System.in && System.console() != null;
        try (OfflineSql engine = OfflineSql.open(offline)) {
            if (console) {
                try (Terminal terminal = TerminalBuilder.builder().system(true).build()) {
                    SqlShell.run(SqlShell.terminal(terminal, Path.of(System.getProperty("user.home"), HISTORY_FILE)), terminal.writer(),
                            engine, maxRows);
                }
            } else {
                PrintWriter writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
                SqlShell.run(SqlShell.plain(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)), writer), writer, engine,
                        maxRows);
                writer.flush();
            }
            return GridCommand.OK;
        } catch (GridException e) {
            err.println(spec.qualifiedName() + ": " + e.getMessage());
            err.flush();
            return GridCommand.FAILED;
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
