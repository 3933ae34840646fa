package dev.grid.monitor.impl.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.grid.core.GridMonitorConfig;
import dev.grid.monitor.impl.json.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.OutputStream;
import java.net.BindException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The monitor's HTTP server (the JDK's): dashboard, JSON API, {@code /metrics}. Bound to
 * {@code grid.monitor.host}; with a token configured every request must carry it
 * ({@code Authorization: Bearer} or {@code ?token=}), else 401. Errors are JSON naming the problem.
 */
public final class MonitorHttpServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorHttpServer.class);

    private final HttpServer server;
    private final ExecutorService executor;
    private final String url;

    private MonitorHttpServer(HttpServer server, ExecutorService executor, String url) {
        this.server = server;
        this.executor = executor;
        this.url = url;
    }

    /**
     * @throws BindException naming the ports tried when none is free
     */
    public static MonitorHttpServer start(GridMonitorConfig config, ApiRoutes routes) throws IOException {
        int first = config.getPort();
        int tries = first == 0 || !config.isPortAutoIncrement() ? 1 : GridMonitorConfig.PORT_TRIES;
        HttpServer server = null;
        BindException last = null;
        for (int i = 0; i < tries && first + i <= 65535; i++) {
            try {
                server = HttpServer.create(new InetSocketAddress(config.getHost(), first + i), 16);
                break;
            } catch (BindException e) {
                last = e;
            }
        }
        if (server == null) {
            String ports = tries == 1 ? "port " + first : "ports " + first + ".." + Math.min(65535, first + tries - 1);
            BindException e = new BindException("the monitor cannot listen on " + config.getHost() + ": " + ports + " in use (grid.monitor.port"
                    + (tries == 1 ? ", grid.monitor.portAutoIncrement false" : "") + ")");
            e.initCause(last);
            throw e;
        }
        AtomicInteger threads = new AtomicInteger();
        int port = server.getAddress().getPort();
        ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
            Thread thread = new Thread(r, "grid-monitor-http-" + port + "-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        byte[] token = config.getToken().getBytes(StandardCharsets.UTF_8);
        server.createContext("/", exchange -> handle(exchange, routes, token));
        server.start();
        String host = config.getHost().contains(":") ? "[" + config.getHost() + "]" : config.getHost();
        return new MonitorHttpServer(server, executor, "http://" + host + ":" + port + "/");
    }

    private static void handle(HttpExchange exchange, ApiRoutes routes, byte[] token) {
        try (exchange) {
            Response response;
            try {
                Request request = Request.of(exchange.getRequestURI());
                if (token.length > 0 && !authorized(exchange, request, token)) {
                    exchange.getResponseHeaders().add("WWW-Authenticate", "Bearer realm=\"grid-monitor\"");
                    response = Response.error(401, "this monitor needs its access token: send 'Authorization: Bearer <token>' "
                            + "or add ?token=<token> (grid.monitor.token)", null);
                } else if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                    exchange.getResponseHeaders().add("Allow", "GET, HEAD");
                    response = Response.error(405, "method " + exchange.getRequestMethod() + " is not allowed on " + request.path
                            + "; the monitor's API is read-only (GET)", null);
                } else {
                    response = routes.route(request);
                }
            } catch (HttpProblem problem) {
                response = Response.error(problem.status, problem.getMessage(), problem.parameter);
            } catch (RuntimeException e) {
                LOG.warn("monitor request {} failed", exchange.getRequestURI(), e);
                response = Response.error(500, "the monitor could not answer: " + e, null);
            }
            send(exchange, response);
        } catch (IOException | RuntimeException e) {
            LOG.debug("monitor response to {} not sent: {}", exchange.getRequestURI(), e.toString());
        }
    }

    private static boolean authorized(HttpExchange exchange, Request request, byte[] token) {
        List<String> headers = exchange.getRequestHeaders().get("Authorization");
        if (headers != null) {
            for (String header : headers) {
                if (header.startsWith("Bearer ") && MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8), token)) {
                    return true;
                }
            }
        }
        String query = request.param("token");
        return query != null && MessageDigest.isEqual(query.getBytes(StandardCharsets.UTF_8), token);
    }

    private static void send(HttpExchange exchange, Response response) throws IOException {
        byte[] body = response.body;
        exchange.getResponseHeaders().set("Content-Type", response.contentType);
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        exchange.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        exchange.getResponseHeaders().set("Content-Security-Policy", "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:");
        boolean head = exchange.getRequestMethod().equals("HEAD");
        exchange.sendResponseHeaders(response.status, head ? -1 : body.length);
        if (!head) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** @return the base URL, e.g. {@code http://127.0.0.1:7070/} */
    public String url() {
        return url;
    }

    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    /** A response: status, content type and bytes. */
    static final class Response {
        final int status;
        final String contentType;
        final byte[] body;

        Response(int status, String contentType, byte[] body) {
            this.status = status;
            this.contentType = contentType;
            this.body = body;
        }

        static Response json(Object value) {
            return new Response(200, "application/json; charset=utf-8", Json.write(value).getBytes(StandardCharsets.UTF_8));
        }

        static Response error(int status, String message, String parameter) {
            Object body = parameter == null ? Json.obj("status", status, "error", message)
                    : Json.obj("status", status, "error", message, "parameter", parameter);
            return new Response(status, "application/json; charset=utf-8", Json.write(body).getBytes(StandardCharsets.UTF_8));
        }
    }
}
