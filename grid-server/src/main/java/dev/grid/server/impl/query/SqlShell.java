package dev.grid.server.impl.query;

import dev.grid.core.GridException;
import dev.grid.query.QueryHandle;
import dev.grid.query.QueryResult;
import dev.grid.query.SqlSession;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.terminal.Terminal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;

/**
 * {@code grid sql}'s interactive shell: statements of several lines ended by {@code ;}; an error is printed and the
 * shell goes on; {@code quit}, {@code exit}, {@code \q} or the end of input leave. On a terminal, JLine reads the
 * lines (editing, history in {@code ~/.grid_sql_history}, Ctrl-C clears the statement being typed); otherwise
 * ({@code --shell} on a pipe) plain lines are read, without prompts' editing. Ctrl-C while a statement runs cancels it
 * (the shell prints {@code query <id> was cancelled by Ctrl-C} and prompts again).
 */
final class SqlShell {
    static final String PROMPT = "grid sql> ";
    static final String MORE = "     ...> ";
    /** Who cancels a statement on Ctrl-C, in its message. */
    static final String CTRL_C = "Ctrl-C";

    /** Where the shell's lines come from. */
    interface Lines {
        /** @return the next line, or null at the end of input; an empty statement buffer is asked for by {@link Interrupted} */
        String read(String prompt) throws Interrupted;
    }

    /** The user pressed Ctrl-C: the statement being typed is dropped. */
    static final class Interrupted extends Exception {
        private static final long serialVersionUID = 1L;
    }

    private SqlShell() {
    }

    /** @return lines from a JLine reader on the terminal, with history in the file (null: none) */
    static Lines terminal(Terminal terminal, Path history) {
        LineReaderBuilder builder = LineReaderBuilder.builder().terminal(terminal).appName("grid sql");
        if (history != null) {
            builder.variable(LineReader.HISTORY_FILE, history);
        }
        LineReader reader = builder.build();
        return prompt -> {
            try {
                return reader.readLine(prompt);
            } catch (UserInterruptException e) {
                throw new Interrupted();
            } catch (EndOfFileException e) {
                return null;
            }
        };
    }

    /** @return lines read plainly, the prompt printed before each */
    static Lines plain(BufferedReader in, PrintWriter out) {
        return prompt -> {
            out.print(prompt);
            out.flush();
            try {
                String line = in.readLine();
                if (line != null) {
                    out.println();
                }
                return line;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    /**
     * Runs one statement; Ctrl-C meanwhile cancels it.
     *
     * @throws dev.grid.query.QueryCancelledException if it was cancelled
     */
    static QueryResult runCancellable(SqlSession engine, String sql, SqlInterrupts interrupts) {
        QueryHandle handle = engine.start(sql);
        SqlInterrupts.Registration ctrlC = interrupts.onInterrupt(() -> handle.cancel(CTRL_C));
        try {
            return handle.result();
        } finally {
            ctrlC.close();
        }
    }

    static void run(Lines lines, PrintWriter out, SqlSession engine, int maxRows, SqlInterrupts interrupts) {
        out.println(engine.describe() + ". End a statement with ';'; 'quit' or Ctrl-D leaves.");
        out.flush();
        StringBuilder statement = new StringBuilder();
        while (true) {
            String line;
            try {
                line = lines.read(statement.isEmpty() ? PROMPT : MORE);
            } catch (Interrupted e) {
                statement.setLength(0);
                continue;
            }
            if (line == null) {
                return;
            }
            String trimmed = line.trim();
            if (statement.isEmpty()) {
                if (trimmed.isEmpty()) {
                    continue;
                }
                if (trimmed.equalsIgnoreCase("quit") || trimmed.equalsIgnoreCase("exit") || trimmed.equals("\\q")) {
                    return;
                }
            }
            statement.append(line).append('\n');
            if (trimmed.endsWith(";")) {
                String sql = statement.toString();
                statement.setLength(0);
                try {
                    out.print(ResultTable.format(runCancellable(engine, sql, interrupts), maxRows));
                } catch (GridException e) {
                    out.println(e.getMessage());
                }
                out.flush();
            }
        }
    }
}
