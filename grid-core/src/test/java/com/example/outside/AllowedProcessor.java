package com.example.outside;

import dev.grid.core.GridEntry;
import dev.grid.core.GridEntryProcessor;

/** An application's entry processor that a member allows by name (grid.security.allowedClasses). */
public final class AllowedProcessor implements GridEntryProcessor<String, Object, String> {
    private static final long serialVersionUID = 1L;

    @Override
    public String process(GridEntry<String, Object> entry) {
        Object before = entry.getValue();
        entry.setValue("processed");
        return "before: " + before;
    }
}
