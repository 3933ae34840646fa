/** Test helpers: monitored clusters, an HTTP client for the monitor's API, a strict Prometheus text parser. */
package dev.grid.monitor.test;
