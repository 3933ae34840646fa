package dev.grid.server.impl.job;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what Jet throws at a client into one line that says what to do. */
final class JetErrors {
    /** What Jet's messages say when a member cannot load a class: {@code java.lang.ClassNotFoundException: com.example.Step} (or {@code NoClassDefFoundError: com/example/Step}). */
    private static final Pattern CLASS_NOT_FOUND = Pattern.compile("(?:ClassNotFoundException|NoClassDefFoundError): ([\\w.$/]+)");
    private static final Pattern REFUSED = Pattern.compile("Resolving class (\\S+) is not allowed");
    private static final String LAMBDA_CLASS_MISSING = "Class containing the lambda probably missing";
    private static final String UPLOAD_DISABLED = "Resource upload is not enabled";

    private JetErrors() {
    }

    /**
     * @param error what a Jet call threw, or why a job failed
     * @return its message, or for a class the members cannot load, a sentence that names the class
     */
    static String describe(Throwable error) {
        String missing = missingClass(error);
        if (missing != null) {
            return "the members cannot load class " + missing + ": it is not on their class path nor in a jar attached to the job "
                    + "('grid job submit JAR' attaches JAR; put the class in it, or attach its jar with JobConfig.addJar)";
        }
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            Matcher refused = REFUSED.matcher(String.valueOf(t.getMessage()));
            if (refused.find()) {
                return "the members refuse to deserialize class " + refused.group(1) + " of the job: add it, or its package (com.example.**), "
                        + "to grid.security.allowedClasses on every member (see docs/security.md)";
            }
            if (t.getMessage() != null && t.getMessage().contains(UPLOAD_DISABLED)) {
                return "the members refuse uploaded jars: set grid.jetResourceUploadEnabled: true on every member (" + t.getMessage() + ")";
            }
        }
        return error.getMessage() == null ? error.toString() : error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    /**
     * Jet names no class when a member cannot deserialize a pipeline's function ("Class containing the lambda probably
     * missing from class path"): the classes the client loaded from outside the jar are the likely ones.
     *
     * @return a sentence naming them, or "" when the error is not that or there are none
     */
    static String notAttached(Throwable error, JarMain main) {
        boolean classProblem = missingClass(error) != null;
        for (Throwable t = error; t != null && !classProblem; t = t.getCause() == t ? null : t.getCause()) {
            classProblem = String.valueOf(t.getMessage()).contains(LAMBDA_CLASS_MISSING);
        }
        List<String> outside = classProblem ? main.classPathOnlyClasses() : List.of();
        return outside.isEmpty() ? "" : "; the members cannot load these classes, which the client found outside " + main.jar()
                + " (its manifest's Class-Path) and which are not attached to the job: " + String.join(", ", outside) + " (put them in the jar)";
    }

    /** @return the class a member could not load, named anywhere in the chain of causes, or null */
    static String missingClass(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof ClassNotFoundException && t.getMessage() != null) {
                return t.getMessage().strip();
            }
            if (t instanceof NoClassDefFoundError && t.getMessage() != null) {
                return t.getMessage().strip().replace('/', '.');
            }
            Matcher m = CLASS_NOT_FOUND.matcher(String.valueOf(t.getMessage()));
            if (m.find()) {
                return m.group(1).replace('/', '.');
            }
        }
        return null;
    }
}
