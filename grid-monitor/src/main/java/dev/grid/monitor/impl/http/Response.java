package dev.grid.monitor.impl.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.grid.monitor.impl.json.MonitorJson;

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
        return new Response(200, JSON, MonitorJson.writeBytes(value));
    }

    static Response error(int status, String message, String parameter) {
        return new Response(status, JSON, MonitorJson.writeBytes(new Error(status, message, parameter)));
    }

    /** The body of a refusal: {@code {"status":400,"error":"...","parameter":"limit"}}, the parameter only when one is at fault. */
    private record Error(int status, String error, @JsonInclude(JsonInclude.Include.NON_NULL) String parameter) {
    }
}
