package dev.grid.server.impl.job;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns what Jet throws at a client into one line that says what to do. */
final class JetErrors {
    /** What Jet's messages say when a member cannot load a class: {@code java.lang.ClassNotFoundException: com.example.Step}. */
    private static final Pattern CLASS_NOT_FOUND = Pattern.compile("ClassNotFoundException: ([\\w.$]+)");
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
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(UPLOAD_DISABLED)) {
                return "the members refuse uploaded jars: set grid.jetResourceUploadEnabled: true on every member (" + t.getMessage() + ")";
            }
        }
        return error.getMessage() == null ? error.toString() : error.getClass().getSimpleName() + ": " + error.getMessage();
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
                return m.group(1);
            }
        }
        return null;
    }
}
