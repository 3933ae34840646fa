package dev.grid.perf.bench;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.function.IntSupplier;

/** Runs a command in this JVM while copying its stdout and stderr into strings (and still printing them). */
final class Console {
    final String out;
    final String err;
    final int code;

    private Console(String out, String err, int code) {
        this.out = out;
        this.err = err;
        this.code = code;
    }

    static Console capture(IntSupplier command) {
        PrintStream originalOut = System.out;
        PrintStream originalErr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(new Tee(originalOut, out), true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(new Tee(originalErr, err), true, StandardCharsets.UTF_8));
        try {
            int code = command.getAsInt();
            return new Console(out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8), code);
        } finally {
            System.setOut(originalOut);
            System.setErr(originalErr);
        }
    }

    /** Writes to both streams. */
    private static final class Tee extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        Tee(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public synchronized void write(int c) throws java.io.IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public synchronized void write(byte[] bytes, int off, int len) throws java.io.IOException {
            a.write(bytes, off, len);
            b.write(bytes, off, len);
        }
    }
}
