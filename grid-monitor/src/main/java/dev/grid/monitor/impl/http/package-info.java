/** The monitor's HTTP server: dashboard files, JSON API, {@code /metrics}, access token. */
package dev.grid.monitor.impl.http;
