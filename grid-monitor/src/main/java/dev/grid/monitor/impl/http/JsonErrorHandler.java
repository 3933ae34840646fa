package dev.grid.monitor.impl.http;

import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

/**
 * The errors the server raises before a request reaches {@link MonitorHandler} (a malformed request line,
 * headers above the size limit, a URI too long, an ambiguous path) answered in the monitor's JSON form,
 * {@code {"status":431,"error":"..."}}, never Jetty's HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    @Override
    protected void generateResponse(org.eclipse.jetty.server.Request request, org.eclipse.jetty.server.Response response, int code,
                                    String message, Throwable cause, Callback callback) {
        MonitorHandler.send(response, error(code, message), request.getMethod().equals("HEAD"), callback);
    }

    static Response error(int status, String reason) {
        String standard = HttpStatus.getMessage(status);
        String message = reason == null || reason.isBlank() || reason.equals(standard) ? standard : standard + ": " + reason;
        if (status == HttpStatus.REQUEST_HEADER_FIELDS_TOO_LARGE_431 || status == HttpStatus.URI_TOO_LONG_414) {
            message += " (the monitor accepts a request line and headers of up to " + MonitorHttpServer.MAX_REQUEST_HEAD_BYTES + " bytes)";
        }
        return Response.error(status, "the monitor refused a malformed request: " + message, null);
    }
}
