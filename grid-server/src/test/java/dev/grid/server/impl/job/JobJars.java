package dev.grid.server.impl.job;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Job jars compiled by the test from source into a directory on no class path, so that a member in the test's JVM
 * can load their classes only from the jar a job brings: {@code sample.CountJob} (a stream of events mapped by
 * {@code sample.Step} to numbers into a no-op sink) and {@code sample.Step}.
 */
final class JobJars {
    private static final String COUNT_JOB = """
            package sample;
            import com.hazelcast.core.Hazelcast;
            import com.hazelcast.jet.pipeline.Pipeline;
            import com.hazelcast.jet.pipeline.Sinks;
            import com.hazelcast.jet.pipeline.test.TestSources;
            public class CountJob {
                public static void main(String[] args) {
                    Pipeline p = Pipeline.create();
                    p.readFrom(TestSources.itemStream(Integer.parseInt(args[0]))).withIngestionTimestamps()
                            .map(new Step()).writeTo(Sinks.noop());
                    Hazelcast.bootstrappedInstance().getJet().newJob(p);
                }
            }
            """;
    private static final String STEP = """
            package sample;
            public class Step implements com.hazelcast.function.FunctionEx<com.hazelcast.jet.pipeline.test.SimpleEvent, Long> {
                private static final long serialVersionUID = 1L;
                @Override
                public Long applyEx(com.hazelcast.jet.pipeline.test.SimpleEvent event) {
                    return event.sequence() * 2;
                }
            }
            """;

    private final Path classes;

    private JobJars(Path classes) {
        this.classes = classes;
    }

    /** Compiles the sources into {@code dir/classes}. */
    static JobJars compile(Path dir) throws IOException {
        Path sources = Files.createDirectories(dir.resolve("src/sample"));
        Files.writeString(sources.resolve("CountJob.java"), COUNT_JOB);
        Files.writeString(sources.resolve("Step.java"), STEP);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int code = javac.run(null, null, null, "-cp", System.getProperty("java.class.path"), "-d", classes.toString(),
                sources.resolve("CountJob.java").toString(), sources.resolve("Step.java").toString());
        if (code != 0) {
            throw new IllegalStateException("javac failed: " + code);
        }
        return new JobJars(classes);
    }

    /**
     * @param jar       the jar to write
     * @param mainClass its manifest's Main-Class, or null for none
     * @param classPath its manifest's Class-Path, or null for none
     * @param prefixes  the class files it holds: those whose path starts with one of these ({@code sample/Step})
     */
    Path jar(Path jar, String mainClass, String classPath, String... prefixes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        if (mainClass != null) {
            manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        }
        if (classPath != null) {
            manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath);
        }
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                String name = classes.relativize(f).toString().replace('\\', '/');
                if (List.of(prefixes).stream().anyMatch(name::startsWith)) {
                    out.putNextEntry(new JarEntry(name));
                    out.write(Files.readAllBytes(f));
                    out.closeEntry();
                }
            }
        }
        return jar;
    }
}
