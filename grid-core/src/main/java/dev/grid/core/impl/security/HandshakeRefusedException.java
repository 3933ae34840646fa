package dev.grid.core.impl.security;

import java.io.IOException;

/** The two ends of a connection do not share grid's secret: one refused the other's proof. */
final class HandshakeRefusedException extends IOException {
    private static final long serialVersionUID = 1L;

    HandshakeRefusedException(String message) {
        super(message);
    }
}
