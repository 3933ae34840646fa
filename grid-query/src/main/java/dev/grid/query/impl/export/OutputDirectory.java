package dev.grid.query.impl.export;

import dev.grid.query.export.ExportException;
import dev.grid.query.export.ExportManifest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;

/** The output directory: checked and made ready before anything is read, the manifest written last. */
public final class OutputDirectory {
    private OutputDirectory() {
    }

    /**
     * Creates the directory, or checks that it is empty; with {@code overwrite}, deletes the data files and the
     * manifest an earlier export left there.
     *
     * @throws ExportException naming the directory
     */
    static void prepare(Path dir, boolean overwrite) {
        try {
            if (Files.exists(dir) && !Files.isDirectory(dir)) {
                throw new ExportException("output directory " + dir + " is a file, not a directory");
            }
            if (!Files.exists(dir)) {
                Files.createDirectories(dir);
                return;
            }
            List<Path> entries;
            try (Stream<Path> list = Files.list(dir)) {
                entries = list.sorted().toList();
            }
            if (entries.isEmpty()) {
                return;
            }
            if (!overwrite) {
                throw new ExportException("output directory " + dir + " exists and is not empty (" + entries.size()
                        + (entries.size() == 1 ? " entry: " : " entries, the first: ") + entries.get(0).getFileName()
                        + "); name another directory, or overwrite (--overwrite) to replace the export in it");
            }
            for (Path entry : entries) {
                String name = entry.getFileName().toString();
                if (Files.isRegularFile(entry) && (name.equals(ExportManifest.FILE_NAME) || name.endsWith(".parquet")
                        || name.endsWith(".csv"))) {
                    Files.delete(entry);
                }
            }
        } catch (IOException e) {
            throw new ExportException("output directory " + dir + " cannot be prepared: " + e, e);
        }
    }

    /** Writes the manifest to a temporary file, then renames it: a directory with a manifest holds a finished export. */
    static void writeManifest(Path dir, ExportManifest manifest) {
        Path file = dir.resolve(ExportManifest.FILE_NAME);
        Path temporary = dir.resolve(ExportManifest.FILE_NAME + ".tmp");
        try {
            Json.MAPPER.writerWithDefaultPrettyPrinter().writeValue(temporary.toFile(), manifest);
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new ExportException("cannot write the manifest " + file + ": " + e, e);
        }
    }

    /**
     * @return the manifest in the directory
     * @throws IOException if it is missing or cannot be read
     */
    public static ExportManifest readManifest(Path dir) throws IOException {
        return Json.MAPPER.readValue(dir.resolve(ExportManifest.FILE_NAME).toFile(), ExportManifest.class);
    }
}
