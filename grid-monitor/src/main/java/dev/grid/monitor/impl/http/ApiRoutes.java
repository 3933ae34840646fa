package dev.grid.monitor.impl.http;

import dev.grid.lock.LockInfo;
import dev.grid.log.TopicDescription;
import dev.grid.monitor.LogEntry;
import dev.grid.monitor.impl.metrics.PrometheusExport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/** The monitor's endpoints: the dashboard's files, {@code /metrics} and the JSON API under {@code /api}. */
public final class ApiRoutes {
    private static final String DASHBOARD = "/dev/grid/monitor/impl/http/dashboard/";
    private static final Map<String, String> STATIC = Map.of(
            "/", "index.html", "/index.html", "index.html", "/dashboard.js", "dashboard.js", "/dashboard.css", "dashboard.css");

    /** The only routes that change something (they take POST, and only POST). */
    static final List<String> POST_ROUTES = List.of("/api/sql/cancel", "/api/jobs/cancel", "/api/jobs/suspend", "/api/jobs/resume",
            "/api/jobs/restart");

    private final MonitorState monitor;
    private final Map<String, Function<Request, Response>> api = new TreeMap<>();

    public ApiRoutes(MonitorState monitor) {
        this.monitor = monitor;
        SqlRoutes sql = new SqlRoutes(monitor);
        api.put("/api", r -> json(r, Set.of(), this::index));
        api.put("/api/members", r -> json(r, Set.of(), this::members));
        api.put("/api/partitions", r -> json(r, Set.of(), this::partitions));
        api.put("/api/maps", r -> json(r, Set.of(), this::maps));
        api.put("/api/locks", r -> json(r, Set.of(), this::locks));
        api.put("/api/transactions", r -> json(r, Set.of(), this::transactions));
        api.put("/api/topics", r -> json(r, Set.of(), this::topics));
        api.put("/api/alerts", r -> json(r, Set.of("state"), this::alerts));
        api.put("/api/log", r -> json(r, Set.of("limit", "severity", "member", "source"), this::log));
        api.put("/api/counters", r -> json(r, Set.of(), this::counters));
        api.put("/api/sql/running", r -> json(r, Set.of(), sql::running));
        api.put("/api/sql/run", r -> json(r, Set.of("sql"), sql::run));
        api.put("/api/sql/cancel", r -> json(r, Set.of("id"), sql::cancel));
        JobsRoutes jobs = new JobsRoutes(monitor);
        api.put("/api/jobs", r -> json(r, Set.of(), jobs::jobs));
        for (String action : JobsRoutes.ACTIONS) {
            api.put("/api/jobs/" + action, r -> json(r, Set.of("id"), request -> jobs.act(action, request)));
        }
    }

    Response route(Request request) {
        boolean post = POST_ROUTES.contains(request.path);
        if (post != request.method.equals("POST")) {
            throw new HttpProblem(405, "method " + request.method + " is not allowed on " + request.path + "; "
                    + (post ? "it takes POST" : "the monitor's API is read-only (GET), except POST " + String.join(", ", POST_ROUTES)), null);
        }
        Function<Request, Response> endpoint = api.get(request.path);
        if (endpoint != null) {
            return endpoint.apply(request);
        }
        if (request.path.equals("/metrics")) {
            request.allow(Set.of());
            return new Response(200, PrometheusExport.CONTENT_TYPE, monitor.scrape().getBytes(StandardCharsets.UTF_8));
        }
        String file = STATIC.get(request.path);
        if (file != null) {
            return resource(file);
        }
        throw new HttpProblem(404, "no such path: " + request.path + "; the monitor serves / (dashboard), /metrics and "
                + String.join(", ", api.keySet()), null);
    }

    private Response json(Request request, Set<String> params, Function<Request, Object> body) {
        request.allow(params);
        return Response.json(body.apply(request));
    }

    private static Response resource(String file) {
        try (InputStream in = ApiRoutes.class.getResourceAsStream(DASHBOARD + file)) {
            if (in == null) {
                throw new HttpProblem(404, "the dashboard file " + file + " is missing from the monitor's jar", null);
            }
            String type = file.endsWith(".html") ? "text/html; charset=utf-8" : file.endsWith(".js") ? "text/javascript; charset=utf-8"
                    : "text/css; charset=utf-8";
            return new Response(200, type, in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Object index(Request request) {
        return new IndexDocument(monitor.clusterName(), monitor.memberAddress(), new ArrayList<>(api.keySet()), "/metrics", "/");
    }

    private Object members(Request request) {
        return MembersDocument.of(monitor);
    }

    private Object partitions(Request request) {
        return PartitionsDocument.of(monitor);
    }

    private Object maps(Request request) {
        return MapsDocument.of(monitor.memberViews());
    }

    private Object topics(Request request) {
        List<TopicDescription> topics = monitor.topics();
        return TopicsDocument.of(topics, monitor.topicsProblem(), monitor.memberViews());
    }

    private Object locks(Request request) {
        List<LockInfo> locks = monitor.locks();
        return LocksDocument.of(locks, monitor.now(), monitor.locksProblem());
    }

    private Object transactions(Request request) {
        return TransactionsDocument.of(monitor.transactions(), monitor.heuristics(), monitor.now());
    }

    private Object alerts(Request request) {
        String state = request.choice("state", Set.of("firing", "resolved", "all"), "all");
        return AlertsDocument.of(monitor.alerts(), state, monitor.alertRules());
    }

    private Object log(Request request) {
        int limit = request.intParam("limit", 1, 1000, 100);
        String severity = request.choice("severity", Set.of("WARN", "ERROR"), null);
        String member = request.param("member");
        String source = request.param("source");
        List<LogEntry> entries;
        try {
            entries = monitor.log(limit, entry -> (severity == null || entry.severity().equals(severity))
                    && (member == null || member.equals(entry.member())) && (source == null || entry.source().contains(source)));
        } catch (Exception e) {
            throw new IllegalStateException("the distributed log could not be read: " + e, e);
        }
        return new LogDocument(monitor.logSize(), entries);
    }

    private Object counters(Request request) {
        return CountersDocument.of(monitor.counters());
    }
}
