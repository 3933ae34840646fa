package dev.grid.perf.bench;

/** Bad input on the command line: the message names the option; the command exits with code 2. */
public final class UsageException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }
}
