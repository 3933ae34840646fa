package com.example.outside;

import dev.grid.core.GridEntry;
import dev.grid.core.GridEntryProcessor;

import java.io.IOException;
import java.io.ObjectInputStream;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An entry processor standing for a deserialization gadget: its {@code readObject} counts every time
 * a JVM deserializes it. A member whose allowlist does not name it must refuse it before that runs.
 */
public final class GadgetProcessor implements GridEntryProcessor<String, String, String> {
    private static final long serialVersionUID = 1L;
    /** How many times any JVM in this test run deserialized a GadgetProcessor. */
    public static final AtomicInteger DESERIALIZED = new AtomicInteger();

    @Override
    public String process(GridEntry<String, String> entry) {
        entry.setValue("written by a gadget");
        return "gadget ran";
    }

    private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
        in.defaultReadObject();
        DESERIALIZED.incrementAndGet();
    }
}
