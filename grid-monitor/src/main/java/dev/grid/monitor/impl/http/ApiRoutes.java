package dev.grid.monitor.impl.http;

import dev.grid.core.GridMember;
import dev.grid.core.PartitionDistribution;
import dev.grid.lock.LockInfo;
import dev.grid.lock.LockWaiter;
import dev.grid.monitor.Alert;
import dev.grid.monitor.HeuristicOutcome;
import dev.grid.monitor.LogEntry;
import dev.grid.monitor.MemberCounters;
import dev.grid.monitor.MonitoredTransaction;
import dev.grid.monitor.impl.json.Json;
import dev.grid.monitor.impl.metrics.PrometheusExport;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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

    private final MonitorState monitor;
    private final Map<String, Function<Request, Response>> api = new TreeMap<>();

    public ApiRoutes(MonitorState monitor) {
        this.monitor = monitor;
        api.put("/api", r -> json(r, Set.of(), this::index));
        api.put("/api/members", r -> json(r, Set.of(), this::members));
        api.put("/api/partitions", r -> json(r, Set.of(), this::partitions));
        api.put("/api/maps", r -> json(r, Set.of(), this::maps));
        api.put("/api/locks", r -> json(r, Set.of(), this::locks));
        api.put("/api/transactions", r -> json(r, Set.of(), this::transactions));
        api.put("/api/alerts", r -> json(r, Set.of("state"), this::alerts));
        api.put("/api/log", r -> json(r, Set.of("limit", "severity", "member", "source"), this::log));
        api.put("/api/counters", r -> json(r, Set.of(), this::counters));
    }

    Response route(Request request) {
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
        return Json.obj("cluster", monitor.clusterName(), "member", monitor.memberAddress(), "endpoints", new ArrayList<>(api.keySet()),
                "metrics", "/metrics", "dashboard", "/");
    }

    private Object members(Request request) {
        Map<String, Map<String, Object>> views = new LinkedHashMap<>();
        for (Map<String, Object> view : monitor.memberViews()) {
            views.put(Json.str(view, "id"), view);
        }
        PartitionDistribution distribution = monitor.distribution();
        List<Object> members = new ArrayList<>();
        boolean first = true;
        for (GridMember member : monitor.members()) {
            Map<String, Object> entry = Json.obj("id", member.id().toString(), "address", member.address(), "local", member.local(),
                    "oldest", first, "partitionsOwned", distribution.ownedCounts().getOrDefault(member, 0));
            Map<String, Object> view = views.get(member.id().toString());
            if (view != null) {
                for (String key : List.of("url", "startedAt", "updatedAt", "heapUsed", "heapMax", "offHeapReserved", "offHeapUsed",
                        "offHeapBudget", "entries", "backupEntries", "cpLeader")) {
                    entry.put(key, view.get(key));
                }
            }
            members.add(entry);
            first = false;
        }
        return Json.obj("cluster", monitor.clusterName(), "count", members.size(), "members", members);
    }

    private Object partitions(Request request) {
        PartitionDistribution distribution = monitor.distribution();
        List<Object> owners = new ArrayList<>();
        distribution.ownedCounts().forEach((member, owned) -> owners.add(Json.obj("address", member.address(), "id", member.id().toString(),
                "owned", owned)));
        return Json.obj("partitionCount", distribution.partitionCount(), "ideal", distribution.ideal(), "min", distribution.min(),
                "max", distribution.max(), "unassigned", distribution.unassigned(), "members", owners,
                "migrationsInProgress", monitor.migrationsInProgress(), "migrationsCompleted", monitor.migrationsCompleted());
    }

    @SuppressWarnings("unchecked")
    private Object maps(Request request) {
        Map<String, Map<String, Object>> maps = new TreeMap<>();
        for (Map<String, Object> view : monitor.memberViews()) {
            Object perMap = view.get("maps");
            if (!(perMap instanceof Map)) {
                continue;
            }
            ((Map<String, Object>) perMap).forEach((name, statsObject) -> {
                Map<String, Object> stats = (Map<String, Object>) statsObject;
                Map<String, Object> total = maps.computeIfAbsent(name, n -> Json.obj("name", n, "entries", 0L, "backupEntries", 0L,
                        "offHeapReserved", 0L, "offHeapUsed", 0L, "gets", 0L, "hits", 0L, "misses", 0L, "puts", 0L, "removes", 0L,
                        "otherOperations", 0L, "p99GetMicros", 0.0, "p99PutMicros", 0.0, "members", new ArrayList<>()));
                for (String key : List.of("entries", "backupEntries", "offHeapReserved", "offHeapUsed", "gets", "hits", "misses", "puts",
                        "removes", "otherOperations")) {
                    total.put(key, Json.num(total, key) + Json.num(stats, key));
                }
                total.put("p99GetMicros", Math.max(Json.dbl(total, "p99GetMicros"), Json.dbl(stats, "p99GetMicros")));
                total.put("p99PutMicros", Math.max(Json.dbl(total, "p99PutMicros"), Json.dbl(stats, "p99PutMicros")));
                Map<String, Object> member = new LinkedHashMap<>(stats);
                member.put("address", view.get("address"));
                ((List<Object>) total.get("members")).add(member);
            });
        }
        for (Map<String, Object> total : maps.values()) {
            long gets = Json.num(total, "gets");
            total.put("hitRatio", gets == 0 ? 0.0 : (double) Json.num(total, "hits") / gets);
            total.put("meanGetMicros", weightedMean(total, "meanGetMicros", "gets"));
            total.put("meanPutMicros", weightedMean(total, "meanPutMicros", "puts"));
        }
        return Json.obj("maps", new ArrayList<>(maps.values()));
    }

    @SuppressWarnings("unchecked")
    private static double weightedMean(Map<String, Object> total, String meanKey, String countKey) {
        double sum = 0;
        long count = 0;
        for (Object m : (List<Object>) total.get("members")) {
            Map<String, Object> member = (Map<String, Object>) m;
            sum += Json.dbl(member, meanKey) * Json.num(member, countKey);
            count += Json.num(member, countKey);
        }
        return count == 0 ? 0 : sum / count;
    }

    private Object locks(Request request) {
        List<LockInfo> locks = monitor.locks();
        long now = monitor.now();
        List<Object> list = new ArrayList<>();
        for (LockInfo lock : locks) {
            List<Object> waiters = new ArrayList<>();
            for (LockWaiter waiter : lock.waiters()) {
                waiters.add(Json.obj("ownerName", waiter.who().ownerName(), "owner", String.valueOf(waiter.who().owner()),
                        "threadId", waiter.who().threadId(), "sessionId", waiter.who().sessionId(),
                        "waitingMillis", Math.max(0, now - waiter.waitingSinceMillis())));
            }
            list.add(Json.obj("name", lock.name(), "fence", lock.fence(), "holdCount", lock.holdCount(),
                    "holder", Json.obj("ownerName", lock.holder().ownerName(), "owner", String.valueOf(lock.holder().owner()),
                            "threadId", lock.holder().threadId(), "sessionId", lock.holder().sessionId()),
                    "acquiredAt", lock.acquiredAtMillis(), "heldMillis", lock.heldMillis(now), "waiters", waiters));
        }
        return Json.obj("locks", list, "problem", monitor.locksProblem());
    }

    private Object transactions(Request request) {
        long now = monitor.now();
        List<Object> inFlight = new ArrayList<>();
        int inDoubt = 0;
        for (MonitoredTransaction t : monitor.transactions()) {
            inDoubt += t.inDoubt() ? 1 : 0;
            inFlight.add(Json.obj("txId", t.txId(), "state", t.state(), "inDoubt", t.inDoubt(), "node", t.node(), "resources", t.resources(),
                    "beganAt", t.beganAtMillis(), "ageMillis", Math.max(0, now - t.beganAtMillis()), "preparedAt", t.preparedAtMillis(),
                    "inDoubtMillis", t.inDoubtMillis(now), "publisher", t.publisher()));
        }
        List<Object> heuristics = new ArrayList<>();
        for (HeuristicOutcome h : monitor.heuristics()) {
            heuristics.add(Json.obj("txId", h.txId(), "outcome", h.outcome(), "node", h.node(), "resources", h.resources(), "at", h.atMillis(),
                    "publisher", h.publisher()));
        }
        return Json.obj("inFlightCount", inFlight.size(), "inDoubtCount", inDoubt, "inFlight", inFlight, "heuristics", heuristics);
    }

    private Object alerts(Request request) {
        String state = request.choice("state", Set.of("firing", "resolved", "all"), "all");
        List<Object> list = new ArrayList<>();
        int firing = 0;
        for (Alert a : monitor.alerts()) {
            firing += a.firing() ? 1 : 0;
            if (state.equals("all") || (state.equals("firing") == a.firing())) {
                list.add(Json.obj("id", a.id(), "rule", a.rule(), "severity", a.severity(), "summary", a.summary(), "state", a.state(),
                        "scope", a.scope(), "labels", a.labels(), "value", a.value(), "activeAt", a.activeAtMillis(), "firedAt", a.firedAtMillis(),
                        "resolvedAt", a.resolvedAtMillis(), "evaluatedBy", a.evaluatedBy()));
            }
        }
        return Json.obj("firing", firing, "alerts", list, "rules", monitor.alertRules());
    }

    private Object log(Request request) {
        int limit = request.intParam("limit", 1, 1000, 100);
        String severity = request.choice("severity", Set.of("WARN", "ERROR"), null);
        String member = request.param("member");
        String source = request.param("source");
        List<Object> entries = new ArrayList<>();
        try {
            for (LogEntry e : monitor.log(limit, entry -> (severity == null || entry.severity().equals(severity))
                    && (member == null || member.equals(entry.member())) && (source == null || entry.source().contains(source)))) {
                entries.add(Json.obj("sequence", e.sequence(), "time", e.timeMillis(), "member", e.member(), "severity", e.severity(),
                        "source", e.source(), "message", e.message()));
            }
        } catch (Exception e) {
            throw new IllegalStateException("the distributed log could not be read: " + e, e);
        }
        return Json.obj("size", monitor.logSize(), "entries", entries);
    }

    private Object counters(Request request) {
        MemberCounters counters = monitor.counters();
        return Json.obj("file", counters.file().toString(), "description", counters.description(), "values", counters.values());
    }
}
