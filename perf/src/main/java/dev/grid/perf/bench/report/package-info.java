/**
 * What {@code grid bench} writes at the end: the terminal table, {@code results.json} (machine,
 * then one object per run) and one self-contained {@code report.html} with inline SVG charts
 * (throughput over time, latency percentile curves, bars comparing targets), no external files.
 */
package dev.grid.perf.bench.report;
