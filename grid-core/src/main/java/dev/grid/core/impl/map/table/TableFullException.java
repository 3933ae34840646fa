package dev.grid.core.impl.map.table;

/**
 * A {@link ByteTable} has no room for an entry (one of its segments is full). Nothing was stored.
 * Internal: {@link GrowingTable} answers it by growing; callers outside this package never see it.
 */
final class TableFullException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    TableFullException(String message, IllegalStateException cause) {
        super(message, cause, false, false);
    }
}
