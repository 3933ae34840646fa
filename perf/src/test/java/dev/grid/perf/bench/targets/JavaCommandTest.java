package dev.grid.perf.bench.targets;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

@Timeout(10)
class JavaCommandTest {

    @AfterEach
    void clear() {
        System.clearProperty(JavaCommand.EXTRA_OPTIONS);
    }

    @Test
    void childJvmOptionsComeAfterGridFlagsAndBeforeTheMainClass() {
        System.setProperty(JavaCommand.EXTRA_OPTIONS, " -Xlog:gc:file=/tmp/gc-%p.log   -Dprobe=1 ");
        List<String> command = JavaCommand.of("1g", "cp.jar", "dev.example.Main", List.of("arg"));
        int gc = command.indexOf("-Xlog:gc:file=/tmp/gc-%p.log");
        assertTrue(gc > 0, command.toString());
        assertEquals("-Dprobe=1", command.get(gc + 1));
        assertTrue(command.indexOf("dev.example.Main") > gc + 1, command.toString());
        assertFalse(command.contains(""), command.toString());
    }

    @Test
    void noChildJvmOptionsByDefault() {
        assertTrue(JavaCommand.extraOptions().isEmpty());
    }
}
