package dev.grid.core.impl.map.table;

/**
 * Where the off-heap memory of a {@link GrowingTable}'s tables is accounted (the member's
 * {@code grid.offHeapBudget}).
 */
public interface TableMemory {
    /** No limit (tests, the warm-up store). */
    TableMemory UNLIMITED = new TableMemory() {
        @Override
        public void reserve(long bytes, long entriesHeld) {
        }

        @Override
        public void release(long bytes) {
        }
    };

    /**
     * Reserves memory for a new table.
     *
     * @param bytes       what the table needs
     * @param entriesHeld the entries the growing table holds already (0 for its first table)
     * @throws dev.grid.core.GridMapFullException naming the budget if the bytes do not fit
     */
    void reserve(long bytes, long entriesHeld);

    /** Gives back bytes reserved earlier (a table was closed, or needed less than estimated). */
    void release(long bytes);
}
