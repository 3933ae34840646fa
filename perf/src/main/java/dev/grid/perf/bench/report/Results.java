package dev.grid.perf.bench.report;

import dev.grid.perf.bench.impl.BenchJson;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A whole {@code grid bench run}: the machine, the command, and every run's result; written as
 * {@code results.json}, {@code report.html} and the terminal table.
 */
public final class Results {
    /** Percentile curves stop here (the log axis cannot show 100%; the max is reported separately). */
    static final double CURVE_TOP = 99.999;

    private final Machine machine;
    private final String command;
    private final String started;
    private final List<RunResult> runs = new ArrayList<>();
    private final Map<String, Object> extras = new LinkedHashMap<>();
    private final List<String[]> textSections = new ArrayList<>();
    private final Map<String, String> htmlSections = new LinkedHashMap<>();

    /**
     * @param command the command line that produced these results
     * @param started when the run started (ISO-8601)
     */
    public Results(String command, String started) {
        this(command, started, MachineInfo.describe());
    }

    /** With the machine described by the caller (tests: fixed values). */
    Results(String command, String started, Machine machine) {
        this.machine = machine;
        this.command = command;
        this.started = started;
    }

    /** Adds a finished (or skipped) run. */
    public synchronized void add(RunResult run) {
        runs.add(run);
    }

    /**
     * Adds another command's results (lock, heap) to results.json under {@code key}, and to the report
     * as a section of preformatted text.
     *
     * @param value what results.json holds under the key: a record, list, map, string or number
     */
    public synchronized void addExtra(String key, Object value, String title, String text) {
        extras.put(key, value);
        textSections.add(new String[] {title, text});
    }

    /**
     * Adds a step whose figures are in a file of its own (jmh.json, txn.json): results.json holds its command and
     * outcome under {@code key}, the report a section.
     */
    public void addStep(String key, String command, String outcome) {
        addExtra(key, new Step(command, outcome), command, outcome);
    }

    /**
     * Puts a command's results (log) in results.json under {@code key}, and its section, HTML with charts, in the
     * report; a second call with the same key replaces both (a command writes its partial results as it goes).
     *
     * @param value what results.json holds under the key
     * @param html  a fragment of the report's body (headings, tables, {@link SvgCharts})
     */
    public synchronized void putSection(String key, Object value, String html) {
        extras.put(key, value);
        htmlSections.put(key, html);
    }

    synchronized List<String> htmlSections() {
        return List.copyOf(htmlSections.values());
    }

    synchronized List<String[]> textSections() {
        return List.copyOf(textSections);
    }

    /** @return the runs so far */
    public synchronized List<RunResult> runs() {
        return List.copyOf(runs);
    }

    Machine machine() {
        return machine;
    }

    String command() {
        return command;
    }

    String started() {
        return started;
    }

    /**
     * Writes {@code results.json} and {@code report.html} into the directory.
     *
     * @return the two files
     */
    public List<Path> write(Path directory) throws IOException {
        Files.createDirectories(directory);
        Path json = directory.resolve("results.json");
        Files.writeString(json, BenchJson.write(document()));
        Path html = directory.resolve("report.html");
        Files.writeString(html, HtmlReport.render(this));
        return List.of(json, html);
    }

    /** @return what results.json holds */
    synchronized ResultsDocument document() {
        return new ResultsDocument(machine, command, started, runs.stream().map(RunDocument::of).toList(), new LinkedHashMap<>(extras));
    }

    /** A step of {@link #addStep}: {@code {"command": ..., "status": ...}}. */
    private record Step(String command, String status) {
    }
}
