package dev.grid.monitor.impl.http;

import dev.grid.core.GridException;
import dev.grid.core.spi.SqlConsole;
import dev.grid.core.test.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The query page's JSON routes over a scripted {@link SqlConsole}: rows and plan as the golden files; only reading
 * statements run; the engine's error is a 400 with its message, a cancel a 409, an unknown id a 404, the wrong method a
 * 405, and without grid-query the page says SQL is not available (503 to run).
 */
@Timeout(30)
class SqlRoutesTest {
    private final FixedMonitorState state = new FixedMonitorState();
    private final ApiRoutes routes = new ApiRoutes(state);
    private final ScriptedConsole console = new ScriptedConsole();

    /** Answers SELECT 1-style statements with fixed rows, EXPLAIN with a fixed plan, and fails or cancels on cue. */
    private static final class ScriptedConsole implements SqlConsole {
        final List<String> ran = new ArrayList<>();
        final List<String> cancelled = new ArrayList<>();

        @Override
        public Rows query(String sql) {
            ran.add(sql);
            if (sql.contains("WHERE WHERE")) {
                throw new GridException("From line 1, column 22 to line 1, column 26: Encountered \"WHERE\"");
            }
            if (sql.contains("forever")) {
                throw new Cancelled("query 00000000002a was cancelled by the dashboard of member 127.0.0.1:5701", null);
            }
            if (sql.startsWith("EXPLAIN")) {
                return new Rows("00000000000e", List.of("rel"), List.of("VARCHAR"), List.of(List.of("SelectByKeyMapPhysicalRel(...)"),
                        List.of("  FullScanPhysicalRel(table=[[hazelcast, public, people]])")), true);
            }
            List<String> nullRow = new ArrayList<>();
            nullRow.add("Bob");
            nullRow.add(null);
            return new Rows("00000000000d", List.of("name", "age"), List.of("VARCHAR", "INTEGER"), List.of(List.of("Ada", "36"), nullRow), false);
        }

        @Override
        public List<Running> running() {
            return List.of(new Running("00000000002a", "SELECT * FROM forever", 1_699_999_990_000L, "grid sql on client 127.0.0.1:53120", 120, null));
        }

        @Override
        public boolean cancel(String id, String by) {
            cancelled.add(id + " by " + by);
            return id.equals("00000000002a");
        }

        @Override
        public void close() {
        }
    }

    private String body(Response response) {
        return new String(response.body, StandardCharsets.UTF_8);
    }

    private HttpProblem refused(String method, String path, String query) {
        return assertThrows(HttpProblem.class, () -> routes.route(Request.of(method, path, query)));
    }

    @Test
    void rowsPlanAndRunningQueriesAnswerAsTheirGoldenFiles() {
        state.sqlConsole = console;
        GoldenFiles.assertMatches("api-sql-run.json", body(routes.route(Request.of("GET", "/api/sql/run", "sql=SELECT+name,+age+FROM+people"))));
        assertEquals(List.of("SELECT name, age FROM people", "EXPLAIN SELECT name, age FROM people"), console.ran);
        GoldenFiles.assertMatches("api-sql-running.json", body(routes.route(Request.of("GET", "/api/sql/running", null))));
        GoldenFiles.assertMatches("api-sql-cancel.json", body(routes.route(Request.of("POST", "/api/sql/cancel", "id=00000000002a"))));
        assertEquals(List.of("00000000002a by the dashboard of member 127.0.0.1:5701"), console.cancelled);
    }

    @Test
    void onlyReadingStatementsRun() {
        state.sqlConsole = console;
        Map<String, String> refused = new LinkedHashMap<>();
        refused.put("CREATE MAPPING x TYPE IMap OPTIONS ('keyFormat'='int', 'valueFormat'='int')", "CREATE");
        refused.put("  /* hidden */ -- comment\n DROP MAPPING people", "DROP");
        refused.put("INSERT INTO people VALUES (1, 'x')", "INSERT");
        refused.put("SINK INTO people SELECT * FROM other", "SINK");
        refused.put("((DELETE FROM people))", "DELETE");
        refused.forEach((sql, keyword) -> {
            HttpProblem problem = refused("GET", "/api/sql/run", "sql=" + URLEncoder.encode(sql, StandardCharsets.UTF_8));
            assertEquals(400, problem.status, sql);
            assertEquals("'" + keyword + "' statements are not run from the dashboard: it runs only SELECT, EXPLAIN and SHOW, which read; "
                    + "run statements that change the cluster with 'grid sql'", problem.getMessage());
        });
        assertEquals(List.of(), console.ran, "nothing reached the engine");
        assertEquals("SELECT", ReadOnlyStatements.firstKeyword(" -- a\n/* b */ (select 1)"));
    }

    @Test
    void errorsNameWhatIsWrongAndNeverAnswer500() {
        state.sqlConsole = console;
        HttpProblem syntax = refused("GET", "/api/sql/run", "sql=SELECT+name+FROM+people+WHERE+WHERE");
        assertEquals(400, syntax.status);
        assertEquals("sql", syntax.parameter);
        assertEquals("From line 1, column 22 to line 1, column 26: Encountered \"WHERE\"", syntax.getMessage());
        HttpProblem cancelled = refused("GET", "/api/sql/run", "sql=SELECT+*+FROM+forever");
        assertEquals(409, cancelled.status);
        assertEquals("query 00000000002a was cancelled by the dashboard of member 127.0.0.1:5701", cancelled.getMessage());
        assertEquals(400, refused("GET", "/api/sql/run", null).status);
        HttpProblem unknown = refused("POST", "/api/sql/cancel", "id=123456789abc");
        assertEquals(404, unknown.status);
        assertEquals("no query 123456789abc is running (it may have ended)", unknown.getMessage());
        assertEquals(405, refused("GET", "/api/sql/cancel", "id=00000000002a").status, "a cancel is a POST");
        assertEquals(405, refused("POST", "/api/sql/run", "sql=SELECT+1").status, "only cancel takes POST");
        assertEquals(405, refused("POST", "/api/members", null).status);
        assertEquals(List.of("123456789abc by the dashboard of member 127.0.0.1:5701"), console.cancelled, "a GET cancels nothing");
    }

    @Test
    void withoutGridQueryThePageSaysSqlIsNotAvailable() {
        String running = body(routes.route(Request.of("GET", "/api/sql/running", null)));
        assertTrue(running.startsWith("{\"available\":false,\"problem\":\"" + SqlRoutes.NOT_AVAILABLE + "\""), running);
        HttpProblem run = refused("GET", "/api/sql/run", "sql=SELECT+1");
        assertEquals(503, run.status);
        assertEquals(SqlRoutes.NOT_AVAILABLE, run.getMessage());
        assertEquals(503, refused("POST", "/api/sql/cancel", "id=00000000002a").status);
    }
}
