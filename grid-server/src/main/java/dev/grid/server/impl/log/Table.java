package dev.grid.server.impl.log;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/** A plain text table: a header line, then one line per row; columns of numbers aligned right, the others left. */
public final class Table {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+|-");

    private final List<String[]> rows = new ArrayList<>();
    private final int columns;

    public Table(String... headers) {
        columns = headers.length;
        rows.add(headers);
    }

    public Table row(Object... cells) {
        if (cells.length != columns) {
            throw new IllegalArgumentException("a row of " + columns + " columns, was " + Arrays.toString(cells));
        }
        rows.add(Arrays.stream(cells).map(String::valueOf).toArray(String[]::new));
        return this;
    }

    /** @return the lines, each ending with a newline, each starting with {@code indent} */
    public String format(String indent) {
        int[] widths = new int[columns];
        boolean[] numeric = new boolean[columns];
        Arrays.fill(numeric, rows.size() > 1);
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < columns; c++) {
                widths[c] = Math.max(widths[c], rows.get(r)[c].length());
                if (r > 0 && !NUMBER.matcher(rows.get(r)[c]).matches()) {
                    numeric[c] = false;
                }
            }
        }
        StringBuilder text = new StringBuilder();
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder(indent);
            for (int c = 0; c < columns; c++) {
                String cell = row[c];
                String pad = " ".repeat(widths[c] - cell.length());
                line.append(c == 0 ? "" : "  ").append(numeric[c] ? pad + cell : cell + pad);
            }
            text.append(line.toString().stripTrailing()).append('\n');
        }
        return text.toString();
    }
}
