package dev.grid.core.impl;

import dev.grid.core.config.GridConfigYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/config.md must list every key grid.yaml accepts. */
class ConfigReferenceTest {

    @Test
    void configReferenceDocumentsEveryKey() throws Exception {
        Path doc = Path.of("..", "docs", "config.md");
        assertTrue(Files.exists(doc), "missing " + doc.toAbsolutePath());
        String text = Files.readString(doc);
        List<String> undocumented = new ArrayList<>();
        for (String key : GridConfigYaml.knownKeys()) {
            if (!text.contains("`" + key + "`")) {
                undocumented.add(key);
            }
        }
        assertEquals(List.of(), undocumented, "keys missing from docs/config.md");
    }
}
