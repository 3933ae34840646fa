/**
 * {@code grid bench stream}: the same Jet pipeline (1 s tumbling-window sums per product, EXACTLY_ONCE) fed from a
 * grid-log topic through {@code GridSources.log} into a GridMap ({@code GridSinks.gridMap}), and fed from an IMap's event
 * journal through {@code Sources.mapJournal} into an IMap ({@code Sinks.map}), on the same member JVMs: events/s through
 * each with events appended as fast as it takes them, then latency from append to the result in the sink map at a fixed
 * rate. Every sum is checked against the generated input; a wrong one fails the run.
 */
package dev.grid.perf.bench.stream;
