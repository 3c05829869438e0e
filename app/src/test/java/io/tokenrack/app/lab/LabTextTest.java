package io.tokenrack.app.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Lab's sentences, and the command-line option that opens it at start. */
class LabTextTest {

    @Test
    void whenItWasMeasuredReadsAsADateAndHowLongAgo() {
        Instant now = Instant.parse("2026-01-02T06:04:05Z");
        assertEquals("2 Jan 2026, 03:04 (3 hours ago), quick calibration",
                LabText.measuredAt(LabFixtures.profile(), now, ZoneOffset.UTC));
        assertEquals("just now", LabText.ago(Duration.ofSeconds(30)));
        assertEquals("1 minute ago", LabText.ago(Duration.ofSeconds(60)));
        assertEquals("2 minutes ago", LabText.ago(Duration.ofSeconds(90)));
        assertEquals("2 days ago", LabText.ago(Duration.ofDays(2)));
        assertEquals("not-a-date, quick calibration",
                LabText.measuredAt(LabFixtures.profile("not-a-date"), now, ZoneOffset.UTC));
    }

    @Test
    void numbersCarryUnitsAndSigns() {
        assertEquals("+10.0 %", LabText.errorPercent(10));
        assertEquals("-5.0 %", LabText.errorPercent(-5));
        assertEquals("100 tok/s", LabText.tokensPerSecond(100));
        assertEquals("32 GB/s", LabText.gbps(32));
        assertEquals("512-bit vectors, 16 fp32 lanes (Vector API)", LabText.vector(LabFixtures.profile()));
        assertEquals("Test CPU 9000 (AMD)", LabText.cpu(LabFixtures.profile()));
        assertEquals("2 worker threads on 2 logical CPUs, 16 GB memory", LabText.threads(LabFixtures.profile()));
    }

    @Test
    void energySaysPlainlyWhenItIsNotMeasuredHere() {
        String e = LabText.energy(LabFixtures.report());
        assertTrue(e.startsWith("Not measured on this computer: no powercap interface"), e);
        assertEquals("", LabText.load(LabFixtures.report()), "a quiet machine needs no warning");
    }
}
