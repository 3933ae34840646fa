package dev.grid.perf.bench.stream;

/** The two systems {@code grid bench stream} compares, by their label in results. */
enum StreamSystem {
    /** grid-log topic → {@code GridSources.log} → window → {@code GridSinks.gridMap}. */
    GRID("grid", "grid-log topic (key product, value amount) -> GridSources.log -> window -> GridSinks.gridMap"),
    /** IMap with its event journal → {@code Sources.mapJournal} → window → {@code Sinks.map}. */
    IMAP_JOURNAL("imap-journal", "IMap with event journal (key sequence number, value long[]{product, amount, timestamp}) -> "
            + "Sources.mapJournal (START_FROM_OLDEST) -> window -> Sinks.map (IMap)");

    private final String label;
    private final String description;

    StreamSystem(String label, String description) {
        this.label = label;
        this.description = description;
    }

    String label() {
        return label;
    }

    String description() {
        return description;
    }
}
