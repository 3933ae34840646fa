package dev.grid.perf.bench.impl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;

/**
 * Writes a double in full ({@link Double#toString}: the shortest text that reads back as the same double), a whole
 * value in plain notation ({@code 10000000.0}, not {@code 1.0E7}), and NaN or an infinity as {@code null}.
 */
final class FullDoubleSerializer extends StdSerializer<Double> {
    private static final long serialVersionUID = 1L;
    /** Whole values below this are written in plain notation (above it a double has no fraction to show anyway). */
    private static final double PLAIN_LIMIT = 1e15;

    FullDoubleSerializer() {
        super(Double.class);
    }

    @Override
    public void serialize(Double value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        double d = value;
        if (Double.isNaN(d) || Double.isInfinite(d)) {
            gen.writeNull();
        } else if (d == Math.rint(d) && Math.abs(d) < PLAIN_LIMIT) {
            gen.writeNumber((long) d + ".0");
        } else {
            gen.writeNumber(d);
        }
    }
}
