package dev.grid.core.config;

import dev.grid.core.config.RequireDuration;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Settings of a member's monitor ({@code grid.monitor.*} in {@code grid.yaml}; module grid-monitor):
 * the HTTP server with the dashboard, the JSON API and {@code /metrics}; alert rules; the
 * distributed log. Every key is in {@code docs/config.md}.
 *
 * <p>The server binds to 127.0.0.1 by default. Bound to any other address it requires an access
 * token: {@link GridConfig#validate()} refuses such a configuration without one.
 *
 * @since 0.1
 */
public final class GridMonitorConfig {
    /** The first port tried by default. */
    public static final int DEFAULT_PORT = 7070;
    /** How many ports above {@link #getPort()} auto-increment tries. */
    public static final int PORT_TRIES = 100;
    /** The shortest HTTP timeout accepted ({@code grid.monitor.requestTimeout}, {@code grid.monitor.idleTimeout}). */
    public static final Duration MIN_HTTP_TIMEOUT = Duration.ofMillis(100);
    /** The longest HTTP timeout accepted. */
    public static final Duration MAX_HTTP_TIMEOUT = Duration.ofHours(1);

    private boolean enabled = true;
    private String host = "127.0.0.1";
    private int port = DEFAULT_PORT;
    private boolean portAutoIncrement = true;
    private String token = "";
    private String webhook = "";
    private Duration requestTimeout = Duration.ofSeconds(10);
    private Duration idleTimeout = Duration.ofSeconds(30);
    private int maxConnections = 128;
    private Duration refreshInterval = Duration.ofSeconds(2);
    private Duration evaluationInterval = Duration.ofSeconds(5);
    private boolean defaultRules = true;
    private int expectedMembers;
    private Duration lockHoldLimit = Duration.ofMinutes(5);
    private Duration inDoubtLimit = Duration.ofSeconds(60);
    private Duration lagGrowthWindow = Duration.ofMinutes(2);
    private long lagGrowthMinimum = 1000;
    private Duration resolvedAlertRetention = Duration.ofHours(24);
    private int logCapacity = 10_000;
    private final List<GridAlertRule> alerts = new ArrayList<>();

    /** @return whether {@code grid start} runs the monitor (default true) */
    public boolean isEnabled() {
        return enabled;
    }

    public GridMonitorConfig setEnabled(boolean enabled) {
        this.enabled = enabled;
        return this;
    }

    /** @return the address the HTTP server binds to (default {@code 127.0.0.1}) */
    public String getHost() {
        return host;
    }

    public GridMonitorConfig setHost(String host) {
        this.host = Require.nonBlank("grid.monitor.host", host).trim();
        return this;
    }

    /** @return the first HTTP port tried; 0 lets the operating system choose a free one (default 7070) */
    public int getPort() {
        return port;
    }

    public GridMonitorConfig setPort(int port) {
        this.port = Require.between("grid.monitor.port", port, 0, 65535);
        return this;
    }

    /** @return whether a taken port makes the server try the next ones, up to 100 (default true) */
    public boolean isPortAutoIncrement() {
        return portAutoIncrement;
    }

    public GridMonitorConfig setPortAutoIncrement(boolean portAutoIncrement) {
        this.portAutoIncrement = portAutoIncrement;
        return this;
    }

    /** @return the access token HTTP requests must carry (empty: none, allowed only on a loopback address) */
    public String getToken() {
        return token;
    }

    public GridMonitorConfig setToken(String token) {
        String t = token == null ? "" : token.trim();
        if (!t.isEmpty() && t.length() < 16) {
            throw new GridConfigException("grid.monitor.token", "grid.monitor.token must be at least 16 characters, was " + t.length()
                    + " characters long");
        }
        this.token = t;
        return this;
    }

    /** @return the URL alerts are POSTed to as JSON when they fire and resolve (empty: none) */
    public String getWebhook() {
        return webhook;
    }

    public GridMonitorConfig setWebhook(String webhook) {
        String w = webhook == null ? "" : webhook.trim();
        if (!w.isEmpty()) {
            try {
                URI uri = new URI(w);
                if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                    throw new GridConfigException("grid.monitor.webhook", "grid.monitor.webhook must be an http or https URL, was " + Require.quote(w));
                }
            } catch (URISyntaxException e) {
                throw new GridConfigException("grid.monitor.webhook", "grid.monitor.webhook is not a valid URL: " + e.getMessage(), e);
            }
        }
        this.webhook = w;
        return this;
    }

    /**
     * @return how long an HTTP client may take to send a request's line and headers, counted from its first
     *         byte; a slower connection (one header line every few seconds, blank lines, never finished) is
     *         closed (default 10s)
     */
    public Duration getRequestTimeout() {
        return requestTimeout;
    }

    public GridMonitorConfig setRequestTimeout(Duration requestTimeout) {
        this.requestTimeout = RequireDuration.between("grid.monitor.requestTimeout", requestTimeout, MIN_HTTP_TIMEOUT, MAX_HTTP_TIMEOUT);
        return this;
    }

    /**
     * @return how long an HTTP connection may stay open with no byte moving either way (a client that connects
     *         and sends nothing, a kept-alive connection between requests, a client that stops reading its
     *         response) before it is closed (default 30s)
     */
    public Duration getIdleTimeout() {
        return idleTimeout;
    }

    public GridMonitorConfig setIdleTimeout(Duration idleTimeout) {
        this.idleTimeout = RequireDuration.between("grid.monitor.idleTimeout", idleTimeout, MIN_HTTP_TIMEOUT, MAX_HTTP_TIMEOUT);
        return this;
    }

    /**
     * @return the most HTTP connections open at once; a connection beyond it closes the oldest one that is not
     *         being answered, so a flood of idle connections cannot lock out a real request (default 128)
     */
    public int getMaxConnections() {
        return maxConnections;
    }

    public GridMonitorConfig setMaxConnections(int maxConnections) {
        this.maxConnections = Require.between("grid.monitor.maxConnections", maxConnections, 1, 100_000);
        return this;
    }

    /** @return how often a member publishes its own view (members, maps) and refreshes its counters file (default 2s) */
    public Duration getRefreshInterval() {
        return refreshInterval;
    }

    public GridMonitorConfig setRefreshInterval(Duration refreshInterval) {
        this.refreshInterval = RequireDuration.positive("grid.monitor.refreshInterval", refreshInterval);
        return this;
    }

    /** @return how often alert rules are evaluated (default 5s) */
    public Duration getEvaluationInterval() {
        return evaluationInterval;
    }

    public GridMonitorConfig setEvaluationInterval(Duration evaluationInterval) {
        this.evaluationInterval = RequireDuration.positive("grid.monitor.evaluationInterval", evaluationInterval);
        return this;
    }

    /** @return whether the built-in rules run (default true); a rule of {@link #getAlerts()} with the same name replaces one */
    public boolean isDefaultRules() {
        return defaultRules;
    }

    public GridMonitorConfig setDefaultRules(boolean defaultRules) {
        this.defaultRules = defaultRules;
        return this;
    }

    /** @return the cluster size the member-left rule expects; 0: the most members seen (default 0) */
    public int getExpectedMembers() {
        return expectedMembers;
    }

    public GridMonitorConfig setExpectedMembers(int expectedMembers) {
        this.expectedMembers = Require.between("grid.monitor.expectedMembers", expectedMembers, 0, 100_000);
        return this;
    }

    /** @return how long a lock may be held before the built-in lock-held-too-long alert fires (default 5m) */
    public Duration getLockHoldLimit() {
        return lockHoldLimit;
    }

    public GridMonitorConfig setLockHoldLimit(Duration lockHoldLimit) {
        this.lockHoldLimit = RequireDuration.positive("grid.monitor.lockHoldLimit", lockHoldLimit);
        return this;
    }

    /** @return how long a transaction may stay in doubt before the built-in alert fires (default 60s) */
    public Duration getInDoubtLimit() {
        return inDoubtLimit;
    }

    public GridMonitorConfig setInDoubtLimit(Duration inDoubtLimit) {
        this.inDoubtLimit = RequireDuration.positive("grid.monitor.inDoubtLimit", inDoubtLimit);
        return this;
    }

    /**
     * @return how long a consumer group's lag on a topic must keep growing before the built-in log-lag-growing alert
     *         fires: at no evaluation in this window did the lag go down, and it ends the window higher than it began it
     *         (default 2m)
     */
    public Duration getLagGrowthWindow() {
        return lagGrowthWindow;
    }

    public GridMonitorConfig setLagGrowthWindow(Duration lagGrowthWindow) {
        this.lagGrowthWindow = RequireDuration.positive("grid.monitor.lagGrowthWindow", lagGrowthWindow);
        return this;
    }

    /**
     * @return the least lag (records, over the topic's partitions) at which the built-in log-lag-growing alert fires;
     *         a growing lag below it does not (default 1000)
     */
    public long getLagGrowthMinimum() {
        return lagGrowthMinimum;
    }

    public GridMonitorConfig setLagGrowthMinimum(long lagGrowthMinimum) {
        if (lagGrowthMinimum < 0) {
            throw new GridConfigException("grid.monitor.lagGrowthMinimum", "grid.monitor.lagGrowthMinimum must be >= 0, was " + lagGrowthMinimum);
        }
        this.lagGrowthMinimum = lagGrowthMinimum;
        return this;
    }

    /** @return how long resolved alerts are kept (default 24h) */
    public Duration getResolvedAlertRetention() {
        return resolvedAlertRetention;
    }

    public GridMonitorConfig setResolvedAlertRetention(Duration resolvedAlertRetention) {
        this.resolvedAlertRetention = RequireDuration.positive("grid.monitor.resolvedAlertRetention", resolvedAlertRetention);
        return this;
    }

    /** @return how many WARN and ERROR entries the distributed log keeps, cluster-wide; the oldest go first (default 10000) */
    public int getLogCapacity() {
        return logCapacity;
    }

    public GridMonitorConfig setLogCapacity(int logCapacity) {
        this.logCapacity = Require.between("grid.monitor.logCapacity", logCapacity, 100, 10_000_000);
        return this;
    }

    /**
     * Adds an alert rule; one with the name of a built-in rule replaces it.
     *
     * @param rule the rule
     * @return this
     */
    public GridMonitorConfig addAlert(GridAlertRule rule) {
        alerts.add(Require.nonNull("grid.monitor.alerts", rule));
        return this;
    }

    /** @return the configured alert rules, in order */
    public List<GridAlertRule> getAlerts() {
        return Collections.unmodifiableList(alerts);
    }

    void validate() {
        Set<String> names = new HashSet<>();
        for (GridAlertRule rule : alerts) {
            if (!names.add(rule.getName())) {
                throw new GridConfigException("grid.monitor.alerts", "grid.monitor.alerts has two rules named \"" + rule.getName() + "\"");
            }
        }
        if (token.isEmpty() && !isLoopback(host)) {
            throw new GridConfigException("grid.monitor.token", "grid.monitor.token must be set when grid.monitor.host is not a loopback "
                    + "address (was " + host + "): anyone who can reach the port could read the cluster's state. Set a token of "
                    + "16 characters or more, bind to 127.0.0.1, or set grid.monitor.enabled: false");
        }
    }

    /** @return whether the host names a loopback address (127.0.0.0/8, ::1, localhost) */
    public static boolean isLoopback(String host) {
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (UnknownHostException e) {
            throw new GridConfigException("grid.monitor.host", "grid.monitor.host is not a known host or address, was " + Require.quote(host), e);
        }
    }
}
