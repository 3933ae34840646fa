package dev.grid.core.config;

import dev.grid.core.config.GridConfigException;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class SecretsTest {

    @Test
    void theConfiguredSecretWinsOverTheEnvironment() {
        assertEquals(Optional.of("configured secret value"), Secrets.resolve("configured secret value", "environment secret value"));
    }

    @Test
    void theEnvironmentVariableServesWhenNothingIsConfigured() {
        assertEquals(Optional.of("environment secret value"), Secrets.resolve("", "environment secret value"));
        assertEquals(Optional.of("environment secret value"), Secrets.resolve(null, "environment secret value"));
    }

    @Test
    void noSecretAnywhereMeansNone() {
        assertEquals(Optional.empty(), Secrets.resolve("", null));
        assertEquals(Optional.empty(), Secrets.resolve("", ""));
    }

    @Test
    void aShortSecretInTheEnvironmentIsRefusedNamingTheVariable() {
        GridConfigException e = assertThrows(GridConfigException.class, () -> Secrets.resolve("", "short"));
        assertEquals("GRID_SECRET", e.key());
        assertEquals("the environment variable GRID_SECRET must hold at least 16 characters, not blank; was 5 characters long",
                e.getMessage());
    }
}
