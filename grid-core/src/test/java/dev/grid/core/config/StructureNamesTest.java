package dev.grid.core.config;

import dev.grid.core.config.StructureNames;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

class StructureNamesTest {

    @Test
    void acceptsLettersDigitsDotsUnderscoresAndDashesUpToTheLimit() {
        assertNull(StructureNames.problem("GridMap name", "orders-2026_v1.eu"));
        assertNull(StructureNames.problem("GridMap name", "a".repeat(StructureNames.MAX_LENGTH)));
        assertEquals("orders", StructureNames.check("GridMap name", "orders"));
    }

    @Test
    void namesTheLimitAndShowsATooLongNameTruncated() {
        String name = "b".repeat(StructureNames.MAX_LENGTH + 1);
        assertEquals("GridMap name must be at most 256 characters, was \"" + "b".repeat(64) + "...\" (257 characters)",
                StructureNames.problem("GridMap name", name));
    }

    @Test
    void namesTheFirstBadCharacterEscaped() {
        assertEquals("FencedLock name must use only letters, digits, '.', '_' and '-', was \"caf\\u00e9\" (character '\\u00e9' at index 3)",
                StructureNames.problem("FencedLock name", "caf\u00e9"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> StructureNames.check("GridMap name", "a\"b"));
        assertEquals("GridMap name must use only letters, digits, '.', '_' and '-', was \"a\\u0022b\" (character '\\u0022' at index 1)",
                e.getMessage());
    }

    @Test
    void refusesNullAndEmpty() {
        assertEquals("GridMap name must be set, was null", StructureNames.problem("GridMap name", null));
        assertEquals("GridMap name must not be empty", StructureNames.problem("GridMap name", ""));
    }
}
