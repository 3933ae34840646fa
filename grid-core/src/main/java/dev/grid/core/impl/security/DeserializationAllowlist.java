package dev.grid.core.impl.security;

import com.hazelcast.config.ClassFilter;
import com.hazelcast.config.JavaSerializationFilterConfig;
import dev.grid.core.config.GridSecurityConfig;

import java.util.List;
import java.util.Optional;

/**
 * The classes Java deserialization may create on a member ({@code grid.security.allowedClasses}
 * plus the defaults below), as Hazelcast's Java serialization filter. Everything else, Java- or
 * Externalizable-serialized, is refused before its class is loaded, so a client cannot make a
 * member run the {@code readObject} of an arbitrary class on its classpath.
 *
 * <p>Allowed by default: grid's and Hazelcast's own classes, arrays, and the JDK's value and
 * collection types in {@link #DEFAULT_PACKAGES} (their classes, not subpackages), plus
 * {@link #DEFAULT_CLASSES}. Deliberately not: {@code java.net} (a {@code URL} key resolves its host
 * when hashed), {@code java.rmi}, {@code javax.management}, {@code javax.naming},
 * {@code java.lang.reflect} and {@code java.beans}.
 */
public final class DeserializationAllowlist {
    /** Package trees allowed by default: grid's own, Hazelcast's own, arrays. */
    public static final List<String> DEFAULT_PREFIXES = List.of("dev.grid.", "com.hazelcast.", "[");
    /** JDK packages whose classes (not subpackages) are allowed by default. */
    public static final List<String> DEFAULT_PACKAGES = List.of("java.lang", "java.math", "java.util", "java.util.concurrent",
            "java.time", "java.io");
    /** Single classes allowed by default: serializable lambdas (their capturing class must be allowed too), XA errors. */
    public static final List<String> DEFAULT_CLASSES = List.of("java.lang.invoke.SerializedLambda", "javax.transaction.xa.XAException");

    /** Allowed on a member with Jet and {@code grid.jetResourceUploadEnabled}: how Jet's {@code ResourceConfig} names a job's jar. */
    public static final String JOB_RESOURCE_CLASS = "java.net.URL";

    private static final String REFUSED_PREFIX = "Resolving class ";
    private static final String REFUSED_SUFFIX = " is not allowed.";

    private DeserializationAllowlist() {
    }

    /**
     * @param security the member's security settings
     * @return Hazelcast's filter allowing the defaults and the configured entries, or null when
     *         {@code grid.security.deserializationFilter} is false
     */
    public static JavaSerializationFilterConfig filterConfig(GridSecurityConfig security) {
        if (!security.isDeserializationFilter()) {
            return null;
        }
        ClassFilter allowed = new ClassFilter();
        allowed.setPrefixes(DEFAULT_PREFIXES);
        allowed.setPackages(DEFAULT_PACKAGES);
        allowed.setClasses(DEFAULT_CLASSES);
        for (String entry : security.getAllowedClasses()) {
            if (entry.endsWith(".**")) {
                allowed.addPrefixes(entry.substring(0, entry.length() - 2));
            } else if (entry.endsWith(".*")) {
                allowed.addPackages(entry.substring(0, entry.length() - 2));
            } else {
                allowed.addClasses(entry);
            }
        }
        // Hazelcast's own defaults ("java" and "com.hazelcast." prefixes) are wider than grid's: off.
        return new JavaSerializationFilterConfig().setDefaultsDisabled(true).setWhitelist(allowed);
    }

    /**
     * @param failure what deserializing something threw
     * @return the class the filter refused, if that is why it failed
     */
    public static Optional<String> refusedClass(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String message = t.getMessage();
            if (t instanceof SecurityException && message != null && message.startsWith(REFUSED_PREFIX) && message.endsWith(REFUSED_SUFFIX)) {
                return Optional.of(message.substring(REFUSED_PREFIX.length(), message.length() - REFUSED_SUFFIX.length()));
            }
        }
        return Optional.empty();
    }

    /** @return how a message explains that {@code className} was refused, and what to do about it */
    public static String explain(String className) {
        return "class " + className + " is not on the members' deserialization allowlist: add it, or its package (com.example.*), "
                + "to grid.security.allowedClasses (see docs/security.md)";
    }
}
