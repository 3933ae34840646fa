package dev.grid.server;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a running member's Prometheus metrics ({@code <monitor url>metrics}) the way an operator's
 * scraper would: series without labels, by name. A member that does not answer (it is starting,
 * or dead) has no metrics.
 */
final class MonitorMetrics {
    private static final Pattern MONITOR_URL = Pattern.compile("monitor: (http://127\\.0\\.0\\.1:\\d+/) ");
    private static final Pattern SERIES = Pattern.compile("^([a-z_]+) (\\S+)$", Pattern.MULTILINE);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private MonitorMetrics() {
    }

    /** @return the monitor's base URL a {@code grid start} printed, if it printed one yet */
    static Optional<String> monitorUrl(String memberOutput) {
        Matcher matcher = MONITOR_URL.matcher(memberOutput);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /** @return the unlabelled series of the member at {@code monitorUrl}, empty if it does not answer */
    static Map<String, Double> read(String monitorUrl) {
        Map<String, Double> series = new HashMap<>();
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(monitorUrl + "metrics"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() == 200) {
                Matcher matcher = SERIES.matcher(response.body());
                while (matcher.find()) {
                    series.put(matcher.group(1), Double.parseDouble(matcher.group(2)));
                }
            }
        } catch (IOException | NumberFormatException e) {
            // not answering (starting, dying, dead): no metrics
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return series;
    }
}
