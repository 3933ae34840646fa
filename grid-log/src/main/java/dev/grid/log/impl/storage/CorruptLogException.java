package dev.grid.log.impl.storage;

/** A batch that fails its length or CRC32C check when read (recovery on open cuts such a tail instead). */
public final class CorruptLogException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CorruptLogException(String message) {
        super(message);
    }
}
