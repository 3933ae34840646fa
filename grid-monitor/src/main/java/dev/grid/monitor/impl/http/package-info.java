/**
 * The monitor's HTTP server (Jetty): dashboard files, JSON API, {@code /metrics}, access token, JSON errors,
 * and the bounds no client can push it past (request and idle timeouts, a connection limit, a size limit on
 * request heads).
 */
package dev.grid.monitor.impl.http;
