package dev.grid.server.cli;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import picocli.CommandLine.TypeConversionException;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A byte count option reads what grid.yaml reads, and writes it back the same way. */
@Timeout(10)
class ByteSizeConverterTest {
    private final ByteSizeConverter converter = new ByteSizeConverter();

    @Test
    void shouldReadBytesAndPowersOf1024() {
        assertEquals(4096L, converter.convert("4096"));
        assertEquals(512L << 10, converter.convert("512k"));
        assertEquals(64L << 20, converter.convert("64m"));
        assertEquals(1L << 30, converter.convert("1G"));
        assertEquals(2L << 40, converter.convert("2t"));
    }

    @Test
    void shouldWriteTheLargestUnitThatHoldsTheCountExactly() {
        assertEquals("64m", ByteSizeConverter.format(64L << 20));
        assertEquals("1536k", ByteSizeConverter.format(1536L << 10));
        assertEquals("1g", ByteSizeConverter.format(1L << 30));
        assertEquals("100", ByteSizeConverter.format(100));
        assertEquals("0", ByteSizeConverter.format(0));
        for (long bytes : new long[] {1, 1023, 1024, 4097, 3L << 20, (5L << 40) + 1}) {
            assertEquals(bytes, converter.convert(ByteSizeConverter.format(bytes)));
        }
    }

    @Test
    void shouldRefuseOtherTextNamingIt() {
        assertEquals("must be a byte count such as 1048576, 512k, 64m or 1g, was \"1.5g\"",
                assertThrows(TypeConversionException.class, () -> converter.convert("1.5g")).getMessage());
        assertEquals("must be a byte count such as 1048576, 512k, 64m or 1g, was \"-1\"",
                assertThrows(TypeConversionException.class, () -> converter.convert("-1")).getMessage());
        assertEquals("must be at most 9223372036854775807 bytes, was \"9999999999999t\"",
                assertThrows(TypeConversionException.class, () -> converter.convert("9999999999999t")).getMessage());
    }
}
