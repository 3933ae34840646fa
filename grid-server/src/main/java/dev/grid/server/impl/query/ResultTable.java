package dev.grid.server.impl.query;

import dev.grid.query.QueryResult;

import java.sql.Blob;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A result as a plain text table: the column names, a rule, a line per row (numbers aligned right, NULL for null, bytes
 * as text with {@code \xAB} escapes for what is not printable ASCII), then the row count.
 */
final class ResultTable {
    private ResultTable() {
    }

    static String format(QueryResult result, int maxRows) {
        if (result.columns().isEmpty()) {
            return "OK\n";
        }
        int columns = result.columns().size();
        List<String[]> cells = new ArrayList<>();
        boolean[] numeric = new boolean[columns];
        for (int c = 0; c < columns; c++) {
            numeric[c] = isNumeric(result.types().get(c));
        }
        int shown = Math.min(maxRows, result.rows().size());
        for (List<Object> row : result.rows().subList(0, shown)) {
            String[] line = new String[columns];
            for (int c = 0; c < columns; c++) {
                line[c] = text(row.get(c));
            }
            cells.add(line);
        }
        int[] widths = new int[columns];
        for (int c = 0; c < columns; c++) {
            widths[c] = result.columns().get(c).length();
            for (String[] line : cells) {
                widths[c] = Math.max(widths[c], line[c].length());
            }
        }
        StringBuilder text = new StringBuilder();
        appendLine(text, result.columns().toArray(String[]::new), widths, numeric);
        StringBuilder rule = new StringBuilder();
        for (int c = 0; c < columns; c++) {
            rule.append(c == 0 ? "" : "  ").append("-".repeat(widths[c]));
        }
        text.append(rule).append('\n');
        for (String[] line : cells) {
            appendLine(text, line, widths, numeric);
        }
        int rows = result.rows().size();
        text.append('(').append(rows).append(rows == 1 ? " row" : " rows");
        if (shown < rows) {
            text.append(", the first ").append(shown).append(" shown (--max-rows)");
        }
        if (!result.complete()) {
            text.append("; the query was stopped there (--max-rows), it may have had more");
        }
        return text.append(")\n").toString();
    }

    private static void appendLine(StringBuilder text, String[] cells, int[] widths, boolean[] right) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.length; c++) {
            String pad = " ".repeat(widths[c] - cells[c].length());
            line.append(c == 0 ? "" : "  ").append(right[c] ? pad + cells[c] : cells[c] + pad);
        }
        text.append(line.toString().stripTrailing()).append('\n');
    }

    private static boolean isNumeric(String type) {
        return switch (type) {
            case "TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT",
                    "FLOAT", "DOUBLE" -> true;
            default -> type.startsWith("DECIMAL");
        };
    }

    static String text(Object value) {
        if (value == null) {
            return "NULL";
        }
        byte[] bytes = null;
        if (value instanceof byte[] array) {
            bytes = array;
        } else if (value instanceof Blob blob) {
            try {
                bytes = blob.getBytes(1, (int) blob.length());
            } catch (SQLException e) {
                return "<blob: " + e.getMessage() + ">";
            }
        }
        if (bytes != null) {
            StringBuilder text = new StringBuilder();
            for (byte b : bytes) {
                if (b >= 0x20 && b < 0x7f && b != '\\') {
                    text.append((char) b);
                } else {
                    text.append(String.format("\\x%02X", b & 0xff));
                }
            }
            return text.toString();
        }
        return value.toString().replace("\n", "\\n");
    }
}
