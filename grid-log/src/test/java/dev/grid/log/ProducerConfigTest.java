package dev.grid.log;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** A producer's settings: defaults, and bad values refused with the setting and the value named. */
class ProducerConfigTest {

    @Test
    void defaults() {
        ProducerConfig config = new ProducerConfig();
        assertEquals(Duration.ofMillis(1), config.getLinger());
        assertEquals(Duration.ofNanos(500_000), config.getIdleSendInterval());
        assertEquals(5, config.getMaxInFlight());
        assertEquals(ProducerConfig.Acks.ALL, config.getAcks());
    }

    @Test
    void durationsOutsideZeroToTenSecondsAreRefusedNamingTheSettingAndValue() {
        assertRefused("producer linger must be 0 to 10s, was PT-0.001S", () -> new ProducerConfig().setLinger(Duration.ofMillis(-1)));
        assertRefused("producer linger must be 0 to 10s, was PT11S", () -> new ProducerConfig().setLinger(Duration.ofSeconds(11)));
        assertRefused("producer idleSendInterval must be 0 to 10s, was null", () -> new ProducerConfig().setIdleSendInterval(null));
        assertRefused("producer idleSendInterval must be 0 to 10s, was PT-0.000001S",
                () -> new ProducerConfig().setIdleSendInterval(Duration.ofNanos(-1000)));
        assertRefused("producer idleSendInterval must be 0 to 10s, was PT10.001S",
                () -> new ProducerConfig().setIdleSendInterval(Duration.ofMillis(10_001)));
        assertEquals(Duration.ZERO, new ProducerConfig().setIdleSendInterval(Duration.ZERO).getIdleSendInterval());
        assertEquals(Duration.ofSeconds(10), new ProducerConfig().setIdleSendInterval(Duration.ofSeconds(10)).getIdleSendInterval());
    }

    @Test
    void sizesAndCountsOutOfRangeAreRefused() {
        assertRefused("producer batchBytes must be 1 KiB to 16 MiB, was 1023", () -> new ProducerConfig().setBatchBytes(1023));
        assertRefused("producer maxInFlight must be 1 to 64, was 0", () -> new ProducerConfig().setMaxInFlight(0));
        assertRefused("producer bufferBytes must be at least 1 MiB, was 1", () -> new ProducerConfig().setBufferBytes(1));
        assertRefused("producer deliveryTimeout must be at least 100ms, was PT0.099S",
                () -> new ProducerConfig().setDeliveryTimeout(Duration.ofMillis(99)));
    }

    private static void assertRefused(String message, Runnable set) {
        assertEquals(message, assertThrows(IllegalArgumentException.class, set::run).getMessage());
    }
}
