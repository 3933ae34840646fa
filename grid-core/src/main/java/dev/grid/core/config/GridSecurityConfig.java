package dev.grid.core.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a member accepts from the network ({@code grid.security.*} in {@code grid.yaml}): the shared
 * secret every member and client must prove it knows, the largest client message, and the classes
 * Java deserialization may create. {@code docs/security.md} says what these protect and what they
 * do not.
 *
 * @since 0.1
 */
public final class GridSecurityConfig {
    /** The environment variable a member or client reads its secret from when none is configured. */
    public static final String SECRET_ENVIRONMENT_VARIABLE = "GRID_SECRET";
    /** The shortest secret accepted, in characters. */
    public static final int MIN_SECRET_LENGTH = 16;
    /** Default largest client message, in bytes (16 MiB). */
    public static final long DEFAULT_MAX_MESSAGE_BYTES = 16L << 20;
    /** The smallest {@code maxMessageBytes} accepted: room for authentication and any call with a short key. */
    public static final long MIN_MAX_MESSAGE_BYTES = 4096;

    private static final Pattern JAVA_NAME = Pattern.compile("[A-Za-z_$][A-Za-z0-9_$]*(\\.[A-Za-z_$][A-Za-z0-9_$]*)*");

    private static final String PREFIX = "grid.security";

    private String secret = "";
    private long maxMessageBytes = DEFAULT_MAX_MESSAGE_BYTES;
    private boolean deserializationFilter = true;
    private final List<String> allowedClasses = new ArrayList<>();

    /**
     * @return the shared secret configured (empty: none configured; the {@value #SECRET_ENVIRONMENT_VARIABLE}
     *         environment variable is used when set)
     */
    public String getSecret() {
        return secret;
    }

    /**
     * Sets the secret every member and client of the cluster must share. A member refuses any
     * connection, from a member or a client, that cannot prove it knows the secret (a challenge
     * answered with an HMAC: the secret itself never crosses the network).
     *
     * @param secret at least 16 characters; null or empty: none (then {@value #SECRET_ENVIRONMENT_VARIABLE} applies)
     * @return this
     */
    public GridSecurityConfig setSecret(String secret) {
        this.secret = checkSecret(PREFIX + ".secret", secret);
        return this;
    }

    static String checkSecret(String key, String secret) {
        String s = secret == null ? "" : secret;
        if (!s.isEmpty() && (s.length() < MIN_SECRET_LENGTH || s.isBlank())) {
            // the value itself is never shown: it is a secret
            throw new GridConfigException(key, key + " must be at least " + MIN_SECRET_LENGTH + " characters, not blank; was "
                    + s.length() + " characters long");
        }
        return s;
    }

    /** @return the largest message a client connection may carry, in bytes (default 16 MiB) */
    public long getMaxMessageBytes() {
        return maxMessageBytes;
    }

    /**
     * Sets the largest client message a member accepts, on every client connection, authenticated or
     * not: a frame or message above it closes the connection before its bytes are allocated.
     *
     * @param maxMessageBytes between 4096 and 2147483647
     * @return this
     */
    public GridSecurityConfig setMaxMessageBytes(long maxMessageBytes) {
        String key = PREFIX + ".maxMessageBytes";
        if (maxMessageBytes < MIN_MAX_MESSAGE_BYTES || maxMessageBytes > Integer.MAX_VALUE) {
            throw new GridConfigException(key, key + " must be between " + MIN_MAX_MESSAGE_BYTES + " and " + Integer.MAX_VALUE
                    + ", was " + maxMessageBytes);
        }
        this.maxMessageBytes = maxMessageBytes;
        return this;
    }

    /** @return whether Java deserialization on the member is limited to the allowed classes (default true) */
    public boolean isDeserializationFilter() {
        return deserializationFilter;
    }

    public GridSecurityConfig setDeserializationFilter(boolean deserializationFilter) {
        this.deserializationFilter = deserializationFilter;
        return this;
    }

    /**
     * Allows Java deserialization of more classes on this member, beside grid's own, Hazelcast's and
     * the JDK's value types (see {@code docs/security.md}): entry processors, and the value classes
     * they read.
     *
     * @param entry a class ({@code com.example.Order}, nested {@code com.example.Order$Line}), a
     *              package ({@code com.example.orders.*}: its classes, not its subpackages) or a
     *              package tree ({@code com.example.**})
     * @return this
     * @throws GridConfigException naming the entry if it is none of these
     */
    public GridSecurityConfig allowClasses(String entry) {
        String key = PREFIX + ".allowedClasses";
        String e = entry == null ? null : entry.trim();
        String name = e == null ? "" : e.endsWith(".**") ? e.substring(0, e.length() - 3) : e.endsWith(".*") ? e.substring(0, e.length() - 2) : e;
        if (!JAVA_NAME.matcher(name).matches()) {
            throw new GridConfigException(key, key + " entries must be a class (com.example.Order), a package (com.example.*) "
                    + "or a package tree (com.example.**), was " + Require.quote(entry));
        }
        if (!allowedClasses.contains(e)) {
            allowedClasses.add(e);
        }
        return this;
    }

    /** Replaces the allowed entries; each as in {@link #allowClasses(String)}. */
    public GridSecurityConfig setAllowedClasses(List<String> entries) {
        Require.nonNull(PREFIX + ".allowedClasses", entries);
        allowedClasses.clear();
        for (int i = 0; i < entries.size(); i++) {
            try {
                allowClasses(entries.get(i));
            } catch (GridConfigException e) {
                String key = PREFIX + ".allowedClasses[" + i + "]";
                throw new GridConfigException(key, e.getMessage().replace(PREFIX + ".allowedClasses entries", key), e);
            }
        }
        return this;
    }

    /** @return the allowed entries added to the defaults, in order */
    public List<String> getAllowedClasses() {
        return Collections.unmodifiableList(allowedClasses);
    }
}
