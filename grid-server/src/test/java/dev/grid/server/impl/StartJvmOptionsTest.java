package dev.grid.server.impl;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** What the launcher's first small JVM tells it about a member's JVM, and what the member then says about its heap. */
class StartJvmOptionsTest {

    @Test
    void theHeapBoundComesFromTheConfigFileGiven(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, "grid:\n  jvm:\n    heap: 384m\n");
        assertEquals(List.of("-Xmx384m"), StartJvmOptions.options("--config", file.toString()));
        Files.writeString(file, "grid:\n  clusterName: no-heap-key\n");
        assertEquals(List.of("-Xmx1024m"), StartJvmOptions.options("--config", file.toString()));
    }

    @Test
    void aBadConfigOrBadArgumentsGiveNoOptionsSoTheMemberReportsThem(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("grid.yaml");
        Files.writeString(file, "grid:\n  jvm:\n    heap: 1m\n");
        assertEquals(List.of(), StartJvmOptions.options("--config", file.toString()));
        assertEquals(List.of(), StartJvmOptions.options("--config", dir.resolve("missing.yaml").toString()));
        assertEquals(List.of(), StartJvmOptions.options("--no-such-option"));
        assertEquals(List.of(), StartJvmOptions.options("--help"));
    }

    @Test
    void theStartLineSaysTheHeapBoundAndWhetherItIsTheConfiguredOne() {
        assertEquals("jvm: heap max 1024 MB (grid.jvm.heap)", HeapReport.line(1L << 30, 1L << 30));
        String overridden = HeapReport.line(1L << 30, 320L << 20);
        assertTrue(overridden.startsWith("jvm: heap max 320 MB (this JVM's -Xmx, not grid.jvm.heap 1024 MB"), overridden);
        assertTrue(HeapReport.maxHeapBytes() > 0);
    }
}
