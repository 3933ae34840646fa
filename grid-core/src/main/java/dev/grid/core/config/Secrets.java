package dev.grid.core.config;

import dev.grid.core.config.GridConfigException;
import dev.grid.core.config.GridSecurityConfig;

import java.util.Optional;

/** Where a member's or client's secret comes from: its configuration, else the {@code GRID_SECRET} environment variable. */
public final class Secrets {
    private Secrets() {
    }

    /** @return the secret configured, else the one in {@code GRID_SECRET}, else none */
    public static Optional<String> resolve(String configured) {
        return resolve(configured, System.getenv(GridSecurityConfig.SECRET_ENVIRONMENT_VARIABLE));
    }

    /**
     * @param configured  the configured secret (empty or null: none)
     * @param environment the value of {@code GRID_SECRET} (null: unset)
     * @return the secret to use, if any
     * @throws GridConfigException naming {@code GRID_SECRET} if it is set but too short
     */
    static Optional<String> resolve(String configured, String environment) {
        if (configured != null && !configured.isEmpty()) {
            return Optional.of(configured);
        }
        if (environment == null || environment.isEmpty()) {
            return Optional.empty();
        }
        String key = GridSecurityConfig.SECRET_ENVIRONMENT_VARIABLE;
        if (environment.length() < GridSecurityConfig.MIN_SECRET_LENGTH || environment.isBlank()) {
            throw new GridConfigException(key, "the environment variable " + key + " must hold at least "
                    + GridSecurityConfig.MIN_SECRET_LENGTH + " characters, not blank; was " + environment.length() + " characters long");
        }
        return Optional.of(environment);
    }
}
