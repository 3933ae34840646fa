package dev.grid.perf.bench.impl;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.PrettyPrinter;
import com.fasterxml.jackson.core.util.Instantiatable;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The layout of the harness's JSON files: two-space indentation, {@code "name": value}, an object's fields one per
 * line, an array of objects or arrays one element per line, an array of numbers or strings on one line
 * ({@code [99.9, 41.5]}). An array is laid out by its first element (the harness's arrays hold one kind of element).
 * One instance per document: it keeps the nesting.
 */
final class BenchPrettyPrinter implements PrettyPrinter, Instantiatable<BenchPrettyPrinter> {
    /** One open object or array. */
    private static final class Level {
        final boolean array;
        /** An array whose elements are objects or arrays: one per line. */
        boolean multiline;
        boolean empty = true;

        Level(boolean array) {
            this.array = array;
        }
    }

    private final Deque<Level> levels = new ArrayDeque<>();

    @Override
    public BenchPrettyPrinter createInstance() {
        return new BenchPrettyPrinter();
    }

    private void newline(JsonGenerator gen) throws IOException {
        gen.writeRaw('\n');
        for (int i = 0; i < levels.size(); i++) {
            gen.writeRaw("  ");
        }
    }

    /** An object or array starts: as the first element of an array, it puts that array's elements one per line. */
    private void open(JsonGenerator gen, boolean array, char bracket) throws IOException {
        Level parent = levels.peek();
        if (parent != null && parent.array && parent.empty) {
            parent.multiline = true;
            newline(gen);
        }
        if (parent != null) {
            parent.empty = false;
        }
        gen.writeRaw(bracket);
        levels.push(new Level(array));
    }

    private void close(JsonGenerator gen, char bracket) throws IOException {
        Level level = levels.pop();
        if (!level.empty && (!level.array || level.multiline)) {
            newline(gen);
        }
        gen.writeRaw(bracket);
    }

    @Override
    public void writeRootValueSeparator(JsonGenerator gen) throws IOException {
        gen.writeRaw('\n');
    }

    @Override
    public void writeStartObject(JsonGenerator gen) throws IOException {
        open(gen, false, '{');
    }

    @Override
    public void beforeObjectEntries(JsonGenerator gen) throws IOException {
        levels.peek().empty = false;
        newline(gen);
    }

    @Override
    public void writeObjectFieldValueSeparator(JsonGenerator gen) throws IOException {
        gen.writeRaw(": ");
    }

    @Override
    public void writeObjectEntrySeparator(JsonGenerator gen) throws IOException {
        gen.writeRaw(',');
        newline(gen);
    }

    @Override
    public void writeEndObject(JsonGenerator gen, int nrOfEntries) throws IOException {
        close(gen, '}');
    }

    @Override
    public void writeStartArray(JsonGenerator gen) throws IOException {
        open(gen, true, '[');
    }

    @Override
    public void beforeArrayValues(JsonGenerator gen) throws IOException {
        // the first element decides: an object or array breaks the line when it opens, a number or string does not
    }

    @Override
    public void writeArrayValueSeparator(JsonGenerator gen) throws IOException {
        Level level = levels.peek();
        level.empty = false;
        if (level.multiline) {
            gen.writeRaw(',');
            newline(gen);
        } else {
            gen.writeRaw(", ");
        }
    }

    @Override
    public void writeEndArray(JsonGenerator gen, int nrOfValues) throws IOException {
        levels.peek().empty = nrOfValues == 0;
        close(gen, ']');
    }
}
