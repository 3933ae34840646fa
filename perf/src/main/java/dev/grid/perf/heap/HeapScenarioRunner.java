package dev.grid.perf.heap;

import dev.grid.core.spi.JvmFlags;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs the heap scenario side by side, each case in a fresh JVM with the same heap: GridMap with
 * {@code gridEntries} entries, and IMap with 1, 2, 3... million entries until it no longer fits
 * (out of memory, or no result within the time limit). Prints a table and a chart of heap used.
 *
 * <pre>java $(cat grid-server/target/jvm.options) -cp perf/target/grid-perf.jar dev.grid.perf.heap.HeapScenarioRunner \
 *     [-Xmx512m] [gridEntries=10000000] [imapStep=1000000] [out=perf/RESULTS-heap.md]</pre>
 */
public final class HeapScenarioRunner {
    private static final long CASE_TIMEOUT_MINUTES = 8;

    private HeapScenarioRunner() {
    }

    public static void main(String[] args) throws Exception {
        String heap = "-Xmx512m";
        int gridEntries = 10_000_000;
        int imapStep = 1_000_000;
        Path out = null;
        for (String arg : args) {
            if (arg.startsWith("-Xmx")) {
                heap = arg;
            } else if (arg.startsWith("gridEntries=")) {
                gridEntries = Integer.parseInt(arg.substring("gridEntries=".length()));
            } else if (arg.startsWith("imapStep=")) {
                imapStep = Integer.parseInt(arg.substring("imapStep=".length()));
            } else if (arg.startsWith("out=")) {
                out = Path.of(arg.substring("out=".length()));
            } else {
                throw new IllegalArgumentException("unknown argument " + arg);
            }
        }
        List<Map<String, String>> results = new ArrayList<>();
        Map<String, String> grid = runCase(heap, "gridmap", gridEntries);
        results.add(grid != null ? grid : failed("gridmap", gridEntries));
        Map<String, String> lastImap = null;
        for (int entries = imapStep; entries <= gridEntries; entries += imapStep) {
            Map<String, String> imap = runCase(heap, "imap", entries);
            if (imap == null) {
                results.add(failed("imap", entries));
                break;
            }
            lastImap = imap;
            results.add(imap);
        }
        String report = "Generated " + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                + " by `java $(cat grid-server/target/jvm.options) -cp perf/target/grid-perf.jar dev.grid.perf.heap.HeapScenarioRunner "
                + String.join(" ", args) + "` (each case in its own JVM; 2 cores shared with other work, so load times "
                + "and gets/s are noisy; heap and pauses are the point).\n\n" + report(heap, results, lastImap);
        System.out.println(report);
        if (out != null) {
            Files.writeString(out, report);
            System.out.println("written to " + out);
        }
    }

    private static Map<String, String> failed(String structure, int entries) {
        Map<String, String> result = new LinkedHashMap<>();
        result.put("structure", structure);
        result.put("entries", Integer.toString(entries));
        result.put("failed", "true");
        return result;
    }

    /** @return the case's RESULT fields, or null if it ran out of memory or time */
    private static Map<String, String> runCase(String heap, String structure, int entries) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add(heap);
        command.add("-XX:+ExitOnOutOfMemoryError");
        command.addAll(JvmFlags.list());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(HeapScenario.class.getName());
        command.add(structure);
        command.add(Integer.toString(entries));
        System.out.printf("case: %s with %,d entries at %s ...%n", structure, entries, heap);
        Path log = Files.createTempFile("heap-" + structure, ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        boolean exited = process.waitFor(CASE_TIMEOUT_MINUTES, TimeUnit.MINUTES);
        if (!exited) {
            process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        for (String line : lines) {
            if (line.startsWith("RESULT ")) {
                Map<String, String> fields = new LinkedHashMap<>();
                for (String field : line.substring("RESULT ".length()).split(" ")) {
                    String[] kv = field.split("=", 2);
                    fields.put(kv[0], kv[1]);
                }
                System.out.println("  " + line);
                return fields;
            }
        }
        String last = lines.isEmpty() ? "(no output)" : lines.get(lines.size() - 1);
        System.out.printf("  %s with %,d entries did not fit: %s%n", structure, entries,
                exited ? "exit " + process.exitValue() + ", last line: " + last : "no result in " + CASE_TIMEOUT_MINUTES + " minutes");
        return null;
    }

    private static String report(String heap, List<Map<String, String>> results, Map<String, String> largestImap) {
        StringBuilder text = new StringBuilder();
        text.append("## Heap scenario: 100-byte values, one member at ").append(heap).append("\n\n");
        text.append("| structure | entries | result | heap used after GC (MB) | off-heap used (MB) | GC pauses total (ms) | longest pause (ms) | collections | load (s) | random gets/s |\n");
        text.append("| --- | ---: | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |\n");
        for (Map<String, String> r : results) {
            if (r.containsKey("failed")) {
                text.append(String.format("| %s | %,d | out of memory or time | | | | | | | |%n", r.get("structure"), Integer.parseInt(r.get("entries"))));
            } else {
                text.append(String.format("| %s | %,d | ok | %s | %s | %s | %s | %s | %s | %s |%n", r.get("structure"),
                        Integer.parseInt(r.get("entries")), r.get("heapUsedMB"), r.get("offHeapUsedMB"), r.get("gcPauseTotalMs"), r.get("gcPauseMaxMs"),
                        r.get("gcCount"), r.get("loadSeconds"), r.get("readsPerSecond")));
            }
        }
        text.append("\nHeap used after GC, MB (each # is 10 MB):\n\n```\n");
        for (Map<String, String> r : results) {
            if (!r.containsKey("failed")) {
                double mb = Double.parseDouble(r.get("heapUsedMB"));
                text.append(String.format("%-8s %,12d  %7.1f  %s%n", r.get("structure"), Integer.parseInt(r.get("entries")), mb,
                        "#".repeat((int) Math.round(mb / 10))));
            }
        }
        text.append("```\n");
        if (largestImap != null) {
            text.append(String.format("%nLargest IMap that fit: %,d entries. GridMap held %s entries in the same heap.%n",
                    Integer.parseInt(largestImap.get("entries")), results.get(0).getOrDefault("entries", "?")));
        }
        return text.toString();
    }
}
