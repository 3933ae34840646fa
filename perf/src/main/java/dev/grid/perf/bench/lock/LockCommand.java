package dev.grid.perf.bench.lock;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.grid.core.impl.FreePorts;
import dev.grid.core.impl.JvmFlags;
import dev.grid.perf.bench.StopSignal;
import dev.grid.perf.bench.impl.BenchJson;
import dev.grid.perf.bench.report.Machine;
import dev.grid.perf.bench.report.MachineInfo;
import dev.grid.perf.bench.targets.ChildJvm;
import dev.grid.perf.bench.targets.ClusterSettings;
import dev.grid.perf.bench.targets.JavaCommand;
import dev.grid.perf.bench.targets.MemberProcesses;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * {@code grid bench lock}: for each target, three members in separate JVMs and a driver JVM (a
 * client of them) that prints lock+unlock pairs/s, uncontended (1 thread) and contended (N threads
 * on the same lock); then the two side by side and their ratio. The Hazelcast 5.4 jar comes from
 * {@code perf/target/hazelcast-5.4/}, put there at build time: nothing is downloaded at run time.
 */
public final class LockCommand {
    static final String GRID = "grid";
    static final String HAZELCAST_54 = "hazelcast-5.4";
    private static final String HZ54_JAR = "hazelcast-5.4.0.jar";
    private static final String DRIVER_HEAP = "512m";
    private static final long START_SECONDS = 120;

    private LockCommand() {
    }

    /**
     * The lock benchmark's settings ({@link LockArguments} reads them from the command line).
     *
     * @param targets  {@code grid} and/or {@code hazelcast-5.4}
     * @param threads  threads of the contended phase
     * @param warmup   warm-up per phase
     * @param duration measured time per phase
     * @param out      where lock.json and the logs go
     */
    public record LockOptions(List<String> targets, int threads, Duration warmup, Duration duration, Path out) {
    }

    /** Runs {@code grid bench lock}: prints the table and writes lock.json. */
    public static int run(LockOptions options, StopSignal stop) {
        List<LockResult> results = measure(options, stop);
        System.out.println();
        System.out.print(LockResult.table(results));
        try {
            Files.createDirectories(options.out());
            Path json = options.out().resolve("lock.json");
            Files.writeString(json, toJson(results));
            System.out.println("[bench] wrote " + json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return results.stream().anyMatch(r -> r.status().equals("failed")) ? 1 : 0;
    }

    /** @return results.json-style text of the results */
    static String toJson(List<LockResult> results) {
        return toJson(results, MachineInfo.describe());
    }

    /** @return results.json-style text of the results, on the machine described */
    static String toJson(List<LockResult> results, Machine machine) {
        return BenchJson.write(new LockDocument(machine, results, LockResult.ratios(results)));
    }

    /** lock.json: the machine, each target's figures, and grid's pairs/s over Hazelcast 5.4's per phase. */
    private record LockDocument(Machine machine, List<LockResult> lock,
                                @JsonProperty("ratio_grid_over_hazelcast_5_4") Map<String, Double> ratio) {
    }

    /** @return each target's figures (skipped or failed ones with their reason) */
    public static List<LockResult> measure(LockOptions options, StopSignal stop) {
        List<LockResult> results = new ArrayList<>();
        for (String target : options.targets()) {
            if (stop.stopping()) {
                break;
            }
            System.out.println("[bench] lock: measuring " + target + " (3 member JVMs + a driver JVM)");
            try {
                results.add(target.equals(GRID) ? grid(options) : hazelcast54(options));
            } catch (Hz54Unavailable e) {
                System.out.println("[bench] lock: " + target + " skipped: " + e.getMessage());
                results.add(new LockResult(target, "skipped", e.getMessage(), Map.of()));
            } catch (RuntimeException e) {
                System.out.println("[bench] lock: " + target + " failed: " + e);
                results.add(new LockResult(target, stop.stopping() ? "interrupted" : "failed", e.toString(), Map.of()));
            }
        }
        return results;
    }

    private static LockResult grid(LockOptions options) {
        String cluster = "bench-lock-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> ports = FreePorts.loopback(3);
        List<String> addresses = addresses(ports);
        ClusterSettings settings = new ClusterSettings(3, 71, DRIVER_HEAP, 1_000, 100, List.of(), null, Duration.ofSeconds(10),
                options.out().resolve("logs"), 3);
        try (MemberProcesses members = MemberProcesses.start(cluster, ports, addresses, settings)) {
            System.out.println("[bench] lock: grid member JVMs " + members.pids());
            List<String> command = JavaCommand.of(DRIVER_HEAP, JavaCommand.ownClassPath(), GridLockDriver.class.getName(),
                    driverArgs(cluster, addresses, options));
            return drive(GRID, command, options);
        }
    }

    private static LockResult hazelcast54(LockOptions options) {
        Path jar = hazelcast54Directory().resolve(HZ54_JAR);
        if (!Files.isRegularFile(jar)) {
            throw new Hz54Unavailable(jar + " is missing: build perf first (mvn -B -q -o package -pl perf -am -DskipTests)");
        }
        Path classes = driverClasses();
        String classPath = jar + java.io.File.pathSeparator + classes;
        String cluster = "bench-hz54-" + UUID.randomUUID().toString().substring(0, 8);
        List<Integer> ports = FreePorts.loopback(3);
        String addresses = String.join(",", addresses(ports));
        List<ChildJvm> members = new ArrayList<>();
        try {
            for (int i = 0; i < ports.size(); i++) {
                members.add(ChildJvm.start(hz54Command(classPath, List.of("member", cluster, ports.get(i).toString(), addresses)),
                        options.out().resolve("logs").resolve("hz54-member-" + ports.get(i) + ".log")));
                if (i == 0) {
                    members.get(0).awaitLine(Hz54LockNode.READY, START_SECONDS, TimeUnit.SECONDS);
                }
            }
            for (ChildJvm m : members) {
                m.awaitLine(Hz54LockNode.READY, START_SECONDS, TimeUnit.SECONDS);
            }
            List<String> driverArgs = new ArrayList<>(List.of("driver"));
            driverArgs.addAll(driverArgs(cluster, addresses(ports), options));
            return drive(HAZELCAST_54, hz54Command(classPath, driverArgs), options);
        } finally {
            members.forEach(ChildJvm::close);
            deleteQuietly(classes);
        }
    }

    private static LockResult drive(String target, List<String> command, LockOptions options) {
        try (ChildJvm driver = ChildJvm.start(command, options.out().resolve("logs").resolve(target + "-driver.log"))) {
            long phaseSeconds = options.warmup().plus(options.duration()).toSeconds() + 60;
            Map<String, LockResult.Phase> phases = new LinkedHashMap<>();
            String uncontended = driver.awaitLine(LockLoop.RESULT + " uncontended", START_SECONDS + phaseSeconds, TimeUnit.SECONDS);
            phases.put("uncontended", LockResult.Phase.parse(uncontended));
            System.out.println("[bench] lock: " + target + " " + uncontended);
            String contended = driver.awaitLine(LockLoop.RESULT + " contended", phaseSeconds, TimeUnit.SECONDS);
            phases.put("contended", LockResult.Phase.parse(contended));
            System.out.println("[bench] lock: " + target + " " + contended);
            return new LockResult(target, "ok", null, phases);
        }
    }

    private static List<String> driverArgs(String cluster, List<String> addresses, LockOptions options) {
        return List.of(cluster, String.join(",", addresses), Long.toString(options.warmup().toMillis()),
                Long.toString(options.duration().toMillis()), Integer.toString(options.threads()));
    }

    private static List<String> addresses(List<Integer> ports) {
        List<String> addresses = new ArrayList<>();
        ports.forEach(p -> addresses.add("127.0.0.1:" + p));
        return addresses;
    }

    /** Hazelcast 5.4 needs the same module opens; it logs through java.util.logging (no SLF4J on its class path). */
    private static List<String> hz54Command(String classPath, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(JavaCommand.java());
        for (String flag : JvmFlags.list()) {
            if (!flag.startsWith("-Dhazelcast.logging.type")) {
                command.add(flag);
            }
        }
        command.add("-Dhazelcast.logging.type=jdk");
        command.add("-Xms" + DRIVER_HEAP);
        command.add("-Xmx" + DRIVER_HEAP);
        command.add("-cp");
        command.add(classPath);
        command.add(Hz54LockNode.class.getName());
        command.addAll(args);
        return command;
    }

    /** @return perf/target/hazelcast-5.4 (next to the perf jar or classes directory), or -Dgrid.perf.hazelcast54.dir */
    static Path hazelcast54Directory() {
        String configured = System.getProperty("grid.perf.hazelcast54.dir");
        if (configured != null) {
            return Path.of(configured);
        }
        try {
            Path source = Path.of(LockCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return source.getParent().resolve("hazelcast-5.4");
        } catch (URISyntaxException | RuntimeException e) {
            throw new Hz54Unavailable("cannot locate perf/target/hazelcast-5.4: " + e);
        }
    }

    /** @return a fresh directory holding only the two classes the Hazelcast 5.4 JVMs run */
    private static Path driverClasses() {
        try {
            Path dir = Files.createTempDirectory("grid-bench-hz54-");
            for (Class<?> type : List.of(Hz54LockNode.class, LockLoop.class)) {
                String resource = type.getName().replace('.', '/') + ".class";
                Path file = dir.resolve(resource);
                Files.createDirectories(file.getParent());
                try (InputStream in = LockCommand.class.getClassLoader().getResourceAsStream(resource)) {
                    if (in == null) {
                        throw new IllegalStateException("class file " + resource + " not found on the class path");
                    }
                    Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
                }
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare the Hazelcast 5.4 driver classes", e);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | RuntimeException e) {
            // a temp directory left behind is harmless
        }
    }

    /** Hazelcast 5.4's jar is not there: skipped, not failed. */
    private static final class Hz54Unavailable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Hz54Unavailable(String message) {
            super(message);
        }
    }
}
