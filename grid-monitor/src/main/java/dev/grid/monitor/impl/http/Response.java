package dev.grid.monitor.impl.http;

import dev.grid.monitor.impl.json.Json;

import java.nio.charset.StandardCharsets;

/** A response of the monitor: status, content type and bytes. Errors are JSON naming the problem (and the parameter, if one is). */
final class Response {
    static final String JSON = "application/json; charset=utf-8";

    final int status;
    final String contentType;
    final byte[] body;

    Response(int status, String contentType, byte[] body) {
        this.status = status;
        this.contentType = contentType;
        this.body = body;
    }

    static Response json(Object value) {
        return new Response(200, JSON, Json.write(value).getBytes(StandardCharsets.UTF_8));
    }

    static Response error(int status, String message, String parameter) {
        Object body = parameter == null ? Json.obj("status", status, "error", message)
                : Json.obj("status", status, "error", message, "parameter", parameter);
        return new Response(status, JSON, Json.write(body).getBytes(StandardCharsets.UTF_8));
    }
}
