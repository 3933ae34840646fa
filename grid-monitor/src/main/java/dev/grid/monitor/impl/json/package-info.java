/**
 * The monitor's one JSON configuration ({@link dev.grid.monitor.impl.json.MonitorJson}, on Jackson): how its HTTP
 * answers, webhook posts and cluster records are written and read. The public records of {@code dev.grid.monitor}
 * get their JSON names here, through mix-ins, so no Jackson type reaches the public API.
 */
package dev.grid.monitor.impl.json;
