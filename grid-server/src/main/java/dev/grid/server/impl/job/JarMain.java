package dev.grid.server.impl.job;

import dev.grid.server.impl.job.JobClientCommand.BadJobArgument;

import java.io.IOException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
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
