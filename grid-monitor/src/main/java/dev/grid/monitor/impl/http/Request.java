package dev.grid.monitor.impl.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/** A request's method, path and query parameters, parsed strictly: a repeated parameter is an error. */
final class Request {
    final String method;
    final String path;
    private final Map<String, String> params;

    private Request(String method, String path, Map<String, String> params) {
        this.method = method;
        this.path = path;
        this.params = params;
    }

    /** A GET request: see {@link #of(String, String, String)}. */
    static Request of(String decodedPath, String query) {
        return of("GET", decodedPath, query);
    }

    /**
     * @param method      GET, HEAD or POST
     * @param decodedPath the request's path, percent-decoded
     * @param query       the raw query string, or null
     */
    static Request of(String method, String decodedPath, String query) {
        Map<String, String> params = new LinkedHashMap<>();
        if (query != null && !query.isEmpty()) {
            for (String pair : query.split("&")) {
                if (pair.isEmpty()) {
                    continue;
                }
                int eq = pair.indexOf('=');
                String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                if (params.put(name, value) != null) {
                    throw HttpProblem.badParameter(name, "parameter '" + name + "' is given twice");
                }
            }
        }
        String path = decodedPath == null || decodedPath.isEmpty() ? "/" : decodedPath;
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        return new Request(method, path, params);
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw HttpProblem.badParameter(s, "parameter '" + s + "' is not valid URL encoding");
        }
    }

    /** @throws HttpProblem 400 naming the first parameter the endpoint does not know */
    void allow(Set<String> known) {
        for (String name : params.keySet()) {
            if (!known.contains(name) && !name.equals("token")) {
                throw HttpProblem.badParameter(name, "unknown parameter '" + name + "' for " + path
                        + (known.isEmpty() ? "; it takes none" : "; known: " + String.join(", ", new java.util.TreeSet<>(known))));
            }
        }
    }

    String param(String name) {
        return params.get(name);
    }

    int intParam(String name, int min, int max, int defaultValue) {
        String value = params.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            int v = Integer.parseInt(value.trim());
            if (v < min || v > max) {
                throw HttpProblem.badParameter(name, "parameter '" + name + "' must be between " + min + " and " + max + ", was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw HttpProblem.badParameter(name, "parameter '" + name + "' must be an integer between " + min + " and " + max
                    + ", was '" + value + "'");
        }
    }

    String choice(String name, Set<String> allowed, String defaultValue) {
        String value = params.get(name);
        if (value == null) {
            return defaultValue;
        }
        if (!allowed.contains(value)) {
            throw HttpProblem.badParameter(name, "parameter '" + name + "' must be one of " + String.join(", ", new java.util.TreeSet<>(allowed))
                    + ", was '" + value + "'");
        }
        return value;
    }
}
