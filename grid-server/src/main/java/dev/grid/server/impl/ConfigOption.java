package dev.grid.server.impl;

import dev.grid.core.config.GridConfig;
import picocli.CommandLine.Option;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The {@code --config FILE} option of {@code grid start}, {@code stat}, {@code partitions} and the log's commands
 * ({@code topic}, {@code produce}, {@code consume}; a picocli mixin): the named file, else {@code ./grid.yaml} if present,
 * else the defaults. A client command connects to the cluster the file describes.
 */
public final class ConfigOption {
    static final Path DEFAULT_FILE = Path.of("grid.yaml");

    @Option(names = "--config", paramLabel = "FILE",
            description = "a member's grid.yaml (default: ./grid.yaml if present, else built-in defaults; every key is in docs/config.md)")
    private Path file;

    /**
     * @return the configuration and where it came from
     * @throws dev.grid.core.config.GridConfigException if the file is missing or invalid
     */
    public Loaded load() {
        if (file != null) {
            return new Loaded(GridConfig.load(file), file.toString());
        }
        if (Files.isRegularFile(DEFAULT_FILE)) {
            return new Loaded(GridConfig.load(DEFAULT_FILE), DEFAULT_FILE + " (found in the working directory)");
        }
        return new Loaded(new GridConfig().validate(), "defaults (no --config, no ./grid.yaml)");
    }

    /**
     * @param config the validated configuration
     * @param source where it came from, for the first lines a command prints
     */
    public record Loaded(GridConfig config, String source) {
    }
}
