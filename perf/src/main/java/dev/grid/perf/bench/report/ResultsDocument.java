package dev.grid.perf.bench.report;

import com.fasterxml.jackson.annotation.JsonAnyGetter;

import java.util.List;
import java.util.Map;

/**
 * results.json: the machine, the command, when it started, every run, then other commands' results by name
 * ({@code lock}, {@code heap_markdown}, {@code jmh}, {@code txn}).
 */
record ResultsDocument(Machine machine, String command, String started, List<RunDocument> runs, @JsonAnyGetter Map<String, Object> extras) {
}
