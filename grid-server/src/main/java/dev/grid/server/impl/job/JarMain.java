package dev.grid.server.impl.job;

import dev.grid.server.impl.job.JobClientCommand.BadJobArgument;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.jar.Manifest;

/** The main class of a job jar: the one {@code --class} names, else its manifest's {@code Main-Class}; checked before connecting. */
record JarMain(Path jar, String className) {

    /**
     * @param jar       the jar file
     * @param className the class {@code --class} names, or null for the manifest's
     * @return the jar and its main class, which exists in the jar (or on grid's class path) and has a {@code public static void main(String[])}
     * @throws BadJobArgument naming the jar or the class
     */
    static JarMain check(Path jar, String className) {
        if (!Files.isRegularFile(jar)) {
            throw new BadJobArgument("jar file " + jar + " does not exist" + (Files.isDirectory(jar) ? " (it is a directory)" : ""));
        }
        String main = className != null ? className : manifestMainClass(jar);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, JarMain.class.getClassLoader())) {
            Class<?> type = Class.forName(main, false, loader);
            Method method = type.getMethod("main", String[].class);
            if (!Modifier.isStatic(method.getModifiers()) || method.getReturnType() != void.class) {
                throw new NoSuchMethodException();
            }
        } catch (ClassNotFoundException | NoClassDefFoundError e) {
            throw new BadJobArgument("class " + main + " is not in jar " + jar + (className == null ? " (its manifest's Main-Class)" : ""));
        } catch (NoSuchMethodException e) {
            throw new BadJobArgument("class " + main + " in jar " + jar + " has no public static void main(String[])");
        } catch (IOException e) {
            throw new BadJobArgument("jar file " + jar + " cannot be read: " + e.getMessage());
        }
        return new JarMain(jar, main);
    }

    /**
     * @return the classes the main class can load from the jars its manifest's {@code Class-Path} names: the client
     *         finds them, the members do not (only the jar itself is attached to the jobs); at most 10, sorted
     */
    List<String> classPathOnlyClasses() {
        List<String> classes = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String classPath = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.CLASS_PATH);
            if (classPath == null) {
                return classes;
            }
            Path dir = jar.toAbsolutePath().getParent();
            for (String entry : classPath.trim().split("\\s+")) {
                Path lib = dir.resolve(entry);
                if (Files.isRegularFile(lib)) {
                    try (JarFile libJar = new JarFile(lib.toFile())) {
                        libJar.stream().map(e -> e.getName()).filter(n -> n.endsWith(".class") && !n.contains("$"))
                                .map(n -> n.substring(0, n.length() - ".class".length()).replace('/', '.')).forEach(classes::add);
                    }
                }
            }
        } catch (IOException e) {
            return classes;
        }
        return classes.stream().sorted().limit(10).toList();
    }

    private static String manifestMainClass(Path jar) {
        try (JarFile file = new JarFile(jar.toFile())) {
            Manifest manifest = file.getManifest();
            String main = manifest == null ? null : manifest.getMainAttributes().getValue(Attributes.Name.MAIN_CLASS);
            if (main == null || main.isBlank()) {
                throw new BadJobArgument("jar " + jar + " names no main class (no Main-Class in its manifest): give it with --class");
            }
            return main.strip();
        } catch (IOException e) {
            throw new BadJobArgument("jar file " + jar + " is not a jar: " + e.getMessage());
        }
    }
}
