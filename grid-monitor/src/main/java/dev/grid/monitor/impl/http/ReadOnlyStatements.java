package dev.grid.monitor.impl.http;

import java.util.Locale;
import java.util.Set;

/**
 * The statements the dashboard runs: those that read ({@code SELECT}, {@code EXPLAIN}, {@code SHOW}). A statement
 * that changes the cluster ({@code CREATE MAPPING}, {@code DROP}, {@code INSERT}, {@code SINK INTO}, jobs) is refused:
 * anyone who can open the dashboard could otherwise run it. Hazelcast runs one statement per call, so a {@code ;}
 * cannot smuggle a second one in.
 */
final class ReadOnlyStatements {
    static final Set<String> ALLOWED = Set.of("SELECT", "EXPLAIN", "SHOW");

    private ReadOnlyStatements() {
    }

    /** @throws HttpProblem 400 naming the statement's first word, unless it is allowed */
    static void check(String sql) {
        String keyword = firstKeyword(sql);
        if (!ALLOWED.contains(keyword)) {
            throw HttpProblem.badParameter("sql", (keyword.isEmpty() ? "no SQL statement" : "'" + keyword + "' statements are not run")
                    + " from the dashboard: it runs only SELECT, EXPLAIN and SHOW, which read; run statements that change the cluster "
                    + "with 'grid sql'");
        }
    }

    /** @return the first word of the statement, upper case, after comments, white space and opening parentheses */
    static String firstKeyword(String sql) {
        int i = 0;
        int n = sql.length();
        while (i < n) {
            char c = sql.charAt(i);
            if (Character.isWhitespace(c) || c == '(') {
                i++;
            } else if (sql.startsWith("--", i)) {
                int end = sql.indexOf('\n', i);
                i = end < 0 ? n : end + 1;
            } else if (sql.startsWith("/*", i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
            } else {
                break;
            }
        }
        int start = i;
        while (i < n && Character.isLetter(sql.charAt(i))) {
            i++;
        }
        return sql.substring(start, i).toUpperCase(Locale.ROOT);
    }
}
