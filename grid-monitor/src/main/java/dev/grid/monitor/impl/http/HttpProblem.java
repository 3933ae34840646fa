package dev.grid.monitor.impl.http;

/** A request the monitor refuses: the HTTP status and a message naming what is wrong (and the parameter, if one is). */
final class HttpProblem extends RuntimeException {
    private static final long serialVersionUID = 1L;

    final int status;
    final String parameter;

    HttpProblem(int status, String message, String parameter) {
        super(message);
        this.status = status;
        this.parameter = parameter;
    }

    static HttpProblem badParameter(String parameter, String message) {
        return new HttpProblem(400, message, parameter);
    }
}
