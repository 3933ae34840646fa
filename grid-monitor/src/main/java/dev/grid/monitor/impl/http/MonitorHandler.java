package dev.grid.monitor.impl.http;

import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.util.Callback;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Answers one request: checks the access token and the method, routes it through {@link ApiRoutes}, and
 * writes the answer with the monitor's headers. Every refusal is JSON naming the problem.
 */
final class MonitorHandler extends Handler.Abstract {
    private static final Logger LOG = LoggerFactory.getLogger(MonitorHandler.class);
    private static final String CSP = "default-src 'self'; style-src 'self'; script-src 'self'; img-src 'self' data:";

    private final ApiRoutes routes;
    private final byte[] token;

    MonitorHandler(ApiRoutes routes, String token) {
        this.routes = routes;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public boolean handle(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, Callback callback) {
        String method = request.getMethod();
        Response answer;
        try {
            HttpURI uri = request.getHttpURI();
            Request parsed = Request.of(method, uri.getDecodedPath(), uri.getQuery());
            if (token.length > 0 && !authorized(request.getHeaders(), parsed)) {
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Bearer realm=\"grid-monitor\"");
                answer = Response.error(401, "this monitor needs its access token: send 'Authorization: Bearer <token>' "
                        + "or add ?token=<token> (grid.monitor.token)", null);
            } else if (!method.equals("GET") && !method.equals("HEAD") && !method.equals("POST")) {
                response.getHeaders().put(HttpHeader.ALLOW, "GET, HEAD, POST");
                answer = Response.error(405, "method " + method + " is not allowed on " + parsed.path
                        + "; the monitor's API is read-only (GET), except POST " + String.join(", ", ApiRoutes.POST_ROUTES), null);
            } else {
                answer = routes.route(parsed);
            }
        } catch (HttpProblem problem) {
            if (problem.status == 405) {
                response.getHeaders().put(HttpHeader.ALLOW, ApiRoutes.POST_ROUTES.contains(request.getHttpURI().getDecodedPath()) ? "POST" : "GET, HEAD");
            }
            answer = Response.error(problem.status, problem.getMessage(), problem.parameter);
        } catch (RuntimeException e) {
            LOG.warn("monitor request {} failed", request.getHttpURI(), e);
            answer = Response.error(500, "the monitor could not answer: " + e, null);
        }
        send(response, answer, method.equals("HEAD"), callback);
        return true;
    }

    private boolean authorized(HttpFields headers, Request request) {
        for (String header : headers.getValuesList(HttpHeader.AUTHORIZATION)) {
            if (header.startsWith("Bearer ") && MessageDigest.isEqual(header.substring(7).trim().getBytes(StandardCharsets.UTF_8), token)) {
                return true;
            }
        }
        String query = request.param("token");
        return query != null && MessageDigest.isEqual(query.getBytes(StandardCharsets.UTF_8), token);
    }

    static void send(org.eclipse.jetty.server.Response response, Response answer, boolean head, Callback callback) {
        response.setStatus(answer.status);
        HttpFields.Mutable headers = response.getHeaders();
        headers.put(HttpHeader.CONTENT_TYPE, answer.contentType);
        headers.put(HttpHeader.CACHE_CONTROL, "no-store");
        headers.put("X-Content-Type-Options", "nosniff");
        headers.put("Content-Security-Policy", CSP);
        headers.put(HttpHeader.CONTENT_LENGTH, answer.body.length);
        response.write(true, head ? null : ByteBuffer.wrap(answer.body), callback);
    }
}
