package dev.grid.monitor.impl.alerts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** POSTs alert notifications as JSON to {@code grid.monitor.webhook}; failures are logged, never thrown. */
final class Webhook {
    private static final Logger LOG = LoggerFactory.getLogger(Webhook.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(5);

    private final URI uri;
    private final HttpClient client;

    Webhook(String url) {
        this.uri = URI.create(url);
        this.client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
    }

    void post(String json) {
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
        client.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            if (error != null) {
                LOG.warn("alert webhook {} failed: {}", uri, error.toString());
            } else if (response.statusCode() >= 300) {
                LOG.warn("alert webhook {} answered HTTP {}", uri, response.statusCode());
            }
        });
    }
}
