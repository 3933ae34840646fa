package dev.grid.server.impl.query;

import java.util.ArrayList;
import java.util.List;

/** Splits a script into statements at the {@code ;} that are not inside quotes, comments aside. */
final class SqlStatements {
    private SqlStatements() {
    }

    /** @return the script's statements without their {@code ;}, blank ones left out */
    static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        char quote = 0;
        for (int i = 0; i < script.length(); i++) {
            char c = script.charAt(i);
            if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                }
            } else if (c == '\'' || c == '"') {
                quote = c;
            } else if (c == ';') {
                add(statements, current);
                current.setLength(0);
                continue;
            }
            current.append(c);
        }
        add(statements, current);
        return statements;
    }

    private static void add(List<String> statements, StringBuilder statement) {
        if (!statement.toString().isBlank()) {
            statements.add(statement.toString().strip());
        }
    }
}
