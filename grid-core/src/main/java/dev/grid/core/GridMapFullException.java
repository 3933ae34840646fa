package dev.grid.core;

/**
 * A GridMap partition store could not get the memory for a write. Stores start at the map's
 * {@code grid.maps.<name>.entries} sizing and grow as they fill; this is thrown only when the
 * member's {@code grid.offHeapBudget} refuses a store's first table or a full store's larger table,
 * when creating the larger table failed, or when one entry does not fit even into a newly grown
 * table. Nothing was stored, every stored entry stays readable and the member stays up. Raise the
 * budget, add members, or remove entries (the message says which limit refused).
 *
 * @since 0.1
 */
public class GridMapFullException extends GridException {
    private static final long serialVersionUID = 1L;

    public GridMapFullException(String message) {
        super(message);
    }
}
