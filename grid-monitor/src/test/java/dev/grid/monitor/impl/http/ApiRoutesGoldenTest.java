package dev.grid.monitor.impl.http;

import dev.grid.core.test.GoldenFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Every JSON route of the monitor's API, answering from {@link FixedMonitorState}, compared byte for byte with
 * its golden file: the field names, their order, the shapes and the number and string formats the dashboard,
 * scripts and Grafana examples read.
 */
@Timeout(30)
class ApiRoutesGoldenTest {
    private final ApiRoutes routes = new ApiRoutes(new FixedMonitorState());

    @ParameterizedTest(name = "{0}?{1}")
    @CsvSource(nullValues = "-", value = {
            "/api,               -,                           api-index.json",
            "/api/members,       -,                           api-members.json",
            "/api/partitions,    -,                           api-partitions.json",
            "/api/maps,          -,                           api-maps.json",
            "/api/locks,         -,                           api-locks.json",
            "/api/transactions,  -,                           api-transactions.json",
            "/api/topics,        -,                           api-topics.json",
            "/api/jobs,          -,                           api-jobs.json",
            "/api/alerts,        -,                           api-alerts.json",
            "/api/alerts,        state=firing,                api-alerts-firing.json",
            "/api/alerts,        state=resolved,              api-alerts-resolved.json",
            "/api/log,           -,                           api-log.json",
            "/api/log,           severity=WARN&limit=1,       api-log-warn-limit-1.json",
            "/api/log,           member=127.0.0.1:5702,       api-log-member.json",
            "/api/counters,      -,                           api-counters.json"})
    void shouldAnswerEveryRouteAsItsGoldenFile(String path, String query, String golden) {
        Response response = routes.route(Request.of(path, query));
        assertEquals(200, response.status);
        assertEquals(Response.JSON, response.contentType);
        GoldenFiles.assertMatches(golden, new String(response.body, StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}?{1}")
    @CsvSource(nullValues = "-", value = {
            "/api/nothing,  -,             404, api-error-404.json",
            "/api/log,      limit=lots,    400, api-error-400-parameter.json",
            "/api/members,  stat=1,        400, api-error-400-unknown-parameter.json"})
    void shouldAnswerRefusedRequestsAsTheirGoldenFiles(String path, String query, int status, String golden) {
        HttpProblem problem = org.junit.jupiter.api.Assertions.assertThrows(HttpProblem.class, () -> routes.route(Request.of(path, query)));
        Response response = Response.error(problem.status, problem.getMessage(), problem.parameter);
        assertEquals(status, response.status);
        GoldenFiles.assertMatches(golden, new String(response.body, StandardCharsets.UTF_8));
    }

    @Test
    void shouldAnswerMalformedRequestsAsTheGoldenFile() {
        Response response = JsonErrorHandler.error(431, "Request Header Fields Too Large");
        assertEquals(431, response.status);
        GoldenFiles.assertMatches("api-error-431.json", new String(response.body, StandardCharsets.UTF_8));
    }
}
