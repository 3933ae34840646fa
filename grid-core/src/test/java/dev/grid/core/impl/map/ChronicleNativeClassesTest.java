package dev.grid.core.impl.map;

import net.openhft.chronicle.hash.VanillaGlobalMutableState;
import net.openhft.chronicle.values.ValueModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * grid ships {@code VanillaGlobalMutableState$$Native}, the class Chronicle Values would otherwise
 * generate and compile with javac in every member JVM (2-3 s of CPU before the first store). The
 * shipped class must be exactly what this Chronicle version generates, and Chronicle must find it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ChronicleNativeClassesTest {
    private static final String NATIVE_CLASS = "VanillaGlobalMutableState$$Native";
    private static final Path SHIPPED = Path.of("src", "main", "java", "net", "openhft", "chronicle", "hash", NATIVE_CLASS + ".java");

    @Test
    void theShippedClassIsWhatChronicleGenerates() throws Exception {
        String generated = generate();
        String shipped = Files.readString(SHIPPED, StandardCharsets.UTF_8);
        String body = shipped.substring(shipped.indexOf("package "))
                .replace("@SuppressWarnings({\"rawtypes\", \"unchecked\"})\npublic class", "public class");
        if (!body.equals(generated)) {
            Path fresh = Path.of("target", NATIVE_CLASS + ".java");
            Files.writeString(fresh, generated, StandardCharsets.UTF_8);
            assertEquals(generated, body, "this Chronicle version generates another " + NATIVE_CLASS + " (written to " + fresh
                    + "): put it into " + SHIPPED + " below the header comment, with @SuppressWarnings({\"rawtypes\", \"unchecked\"})"
                    + " before 'public class'");
        }
    }

    @Test
    void chronicleLoadsTheShippedClassInsteadOfCompilingOne() {
        Class<?> nativeClass = ValueModel.acquire(VanillaGlobalMutableState.class).nativeClass();
        assertEquals(PartitionStore.class.getProtectionDomain().getCodeSource().getLocation(),
                nativeClass.getProtectionDomain().getCodeSource() == null ? null
                        : nativeClass.getProtectionDomain().getCodeSource().getLocation(),
                "Chronicle compiled its own " + NATIVE_CLASS + " instead of loading grid-core's");
    }

    /** Chronicle's generator is package-private; it is called the way Chronicle itself calls it. */
    private static String generate() throws ReflectiveOperationException, IOException {
        ValueModel model = ValueModel.acquire(VanillaGlobalMutableState.class);
        Method generate = Class.forName("net.openhft.chronicle.values.Generators")
                .getDeclaredMethod("generateNativeClass", ValueModel.class, String.class);
        generate.setAccessible(true);
        return (String) generate.invoke(null, model, NATIVE_CLASS);
    }
}
