package dev.grid.server.impl;

import dev.grid.core.GridConfig;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --config FILE} option: the named file, else {@code ./grid.yaml} if present, else the
 * defaults.
 */
final class ConfigOption {
    static final String NAME = "--config";
    static final Path DEFAULT_FILE = Path.of("grid.yaml");

    private final GridConfig config;
    private final String source;

    private ConfigOption(GridConfig config, String source) {
        this.config = config;
        this.source = source;
    }

    /** @throws dev.grid.core.GridConfigException if the file is missing or invalid */
    static ConfigOption load(CommandLine line) {
        if (line.value(NAME).isPresent()) {
            Path file = Path.of(line.value(NAME).get());
            return new ConfigOption(GridConfig.load(file), file.toString());
        }
        if (Files.isRegularFile(DEFAULT_FILE)) {
            return new ConfigOption(GridConfig.load(DEFAULT_FILE), DEFAULT_FILE + " (found in the working directory)");
        }
        return new ConfigOption(new GridConfig().validate(), "defaults (no --config, no ./grid.yaml)");
    }

    GridConfig config() {
        return config;
    }

    /** @return where the configuration came from, for the first lines a command prints */
    String source() {
        return source;
    }
}
