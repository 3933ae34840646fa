package dev.grid.monitor.impl.http;

import dev.grid.monitor.MemberCounters;

import java.util.Map;

/**
 * {@code GET /api/counters}: this member's counters file.
 *
 * @param file        the file
 * @param description who the member is
 * @param values      counter values by label
 */
record CountersDocument(String file, String description, Map<String, Long> values) {

    static CountersDocument of(MemberCounters counters) {
        return new CountersDocument(counters.file().toString(), counters.description(), counters.values());
    }
}
