package dev.grid.core;

/**
 * A GridMap partition store has no room for another entry. Nothing was stored, every stored entry
 * stays readable and the member stays up. Raise {@code grid.maps.<name>.entries} (or the average
 * sizes) for the map and restart, or remove entries.
 *
 * @since 0.1
 */
public class GridMapFullException extends GridException {
    private static final long serialVersionUID = 1L;

    public GridMapFullException(String message) {
        super(message);
    }
}
