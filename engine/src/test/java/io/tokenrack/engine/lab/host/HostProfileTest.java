package io.tokenrack.engine.lab.host;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.AcceleratorSpec;
import io.tokenrack.engine.catalog.Availability;
import io.tokenrack.engine.catalog.CoolingType;
import io.tokenrack.engine.lab.host.HostProfile.StreamPoint;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostProfileTest {

    @Test
    void becomesAnAcceleratorTheEngineCanEvaluate() {
        AcceleratorSpec a = Profiles.flat().toAcceleratorSpec();
        assertEquals("this-computer", a.id());
        assertEquals("This computer (measured)", a.name());
        assertEquals("AMD", a.vendor());
        assertEquals(Availability.SHIPPING, a.availability());
        assertEquals("CPU", a.formFactor());
        assertEquals(0.2, a.bf16DenseTflops(), 1e-12, "200 GFLOP/s fp32 all-core peak");
        assertEquals(16.0, a.memoryGB(), 1e-12);
        assertEquals(0.02, a.memBandwidthTBps(), 1e-12, "20 GB/s DRAM triad");
        assertEquals(20e9, a.memBandwidthBytesPerSecond(), 1e-3);
        assertEquals(CoolingType.AIR, a.cooling());
        assertTrue(a.notes().contains("fp32"), a.notes());
        assertEquals(List.of("Measured on this computer by TokenRack calibrate on 2026-01-02: Test CPU 9000, Java 25 (test)"), a.sources());
    }

    @Test
    void interpolatesBandwidthLogLinearlyAndClampsAtTheEnds() {
        List<StreamPoint> sweep = List.of(new StreamPoint(1 << 10, 100, 200), new StreamPoint(1 << 20, 10, 20));
        HostProfile p = new HostProfile("2026-01-02T03:04:05Z", true, "cpu", "AMD", 2, 2, 1, "jdk", "vector", "r", 16,
                1, 2, 1, 2, 64, List.of(), 20, 22, List.of(), sweep, List.of(), List.of(), List.of(), 0, 0, 1, 1);
        assertEquals(100, p.triadGBpsAt(10, false));
        assertEquals(20, p.triadGBpsAt(1L << 30, true));
        // 32 KiB is halfway between 1 KiB and 1 MiB on a log scale
        assertEquals(55, p.triadGBpsAt(32 << 10, false), 1e-9);
        assertEquals(1.0, p.gemvEfficiencyAt(1 << 20, true), "no GEMV points: efficiency 1");
    }

    @Test
    void rejectsAProfileWithoutBandwidth() {
        assertThrows(IllegalArgumentException.class, () -> new HostProfile("d", true, "cpu", "AMD", 2, 2, 1, "jdk",
                "vector", "r", 16, 1, 2, 1, 2, 64, List.of(), 0, 0, List.of(), List.of(), List.of(), List.of(), List.of(), 0, 0, 1, 1));
    }

    @Test
    void theStoreRoundTripsAProfile(@TempDir Path dir) {
        HostProfileStore store = new HostProfileStore(dir.resolve("sub").resolve("host-profile.json"));
        assertTrue(store.load().isEmpty());
        HostProfile p = Profiles.flat();
        store.save(p);
        assertEquals(p, store.load().orElseThrow());
        store.save(Profiles.withBandwidth(1, 2));
        assertEquals(2, store.load().orElseThrow().triadGBpsDram(), "a later save replaces the earlier one");
    }

    @Test
    void aCorruptProfileIsAnErrorNamingTheFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("host-profile.json");
        Files.writeString(f, "{\"quick\": true, \"surprise\": 1}");
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> new HostProfileStore(f).load());
        assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
    }

    @Test
    void aStreamingRateMeasuredBesideTheDecodeReplacesTheNearestGemvPoint() {
        HostProfile p = Profiles.flat(); // GEMV points at 1 MiB and 1 GiB: 5 / 10 GB/s, efficiency 0.5
        HostProfile q = p.withGemvAt(600L << 20, 4, true);
        assertEquals(2, q.gemvByWorkingSet().size());
        assertEquals(4, q.gemvGBpsAt(1L << 30, true), 1e-12, "600 MiB is nearest the 1 GiB point on a log scale");
        assertEquals(0.2, q.gemvByWorkingSet().get(1).efficiencyAllCores(), 1e-12, "4 of the 20 GB/s triad");
        assertEquals(5, q.gemvGBpsAt(1L << 30, false), 1e-12, "the one-thread rate is kept");
        assertEquals(p.gemvByWorkingSet().get(0), q.gemvByWorkingSet().get(0), "the other point is kept");

        HostProfile none = new HostProfile("d", true, "cpu", "AMD", 2, 2, 1, "jdk", "vector", "r", 16, 1, 2, 1, 2, 64, List.of(),
                20, 22, List.of(), List.of(), List.of(), List.of(), List.of(), 0, 0, 1, 1);
        HostProfile added = none.withGemvAt(1 << 20, 7, false);
        assertEquals(7, added.gemvGBpsAt(1 << 20, false), 1e-12);
    }

    @Test
    void aDamagedProfileNamesTheFieldInTheProfilesOwnWords(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("host-profile.json");
        new HostProfileStore(f).save(Profiles.flat());
        String good = Files.readString(f);

        Files.writeString(f, "{}");
        String empty = assertThrows(UncheckedIOException.class, () -> new HostProfileStore(f).load()).getMessage();
        assertTrue(empty.contains(": quick: missing or null"), empty);

        Files.writeString(f, good.replaceFirst("\"peakGflopsAllCores\" : [0-9.]+", "\"peakGflopsAllCores\" : 0"));
        String zero = assertThrows(UncheckedIOException.class, () -> new HostProfileStore(f).load()).getMessage();
        assertTrue(zero.endsWith("peakGflopsAllCores: must be positive, was 0.0"), zero);

        Files.writeString(f, good.replaceFirst("\"logicalCpus\" : [0-9]+", "\"logicalCpus\" : -1"));
        String negative = assertThrows(UncheckedIOException.class, () -> new HostProfileStore(f).load()).getMessage();
        assertTrue(negative.endsWith("logicalCpus: must be at least 1, was -1"), negative);
        assertTrue(negative.startsWith("cannot read the host profile " + f), negative);
    }

    @Test
    void aProfileInUtf16OrTooLargeIsAnErrorNamingTheFileNotACrash(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path f = dir.resolve("host-profile.json");
        java.nio.file.Files.write(f, "{}".getBytes(java.nio.charset.StandardCharsets.UTF_16));
        String utf16 = assertThrows(UncheckedIOException.class, () -> new HostProfileStore(f).load()).getMessage();
        assertEquals("cannot read the host profile " + f + ": is UTF-16 text; the format is UTF-8 (save the file as UTF-8)", utf16);
        try (java.io.RandomAccessFile big = new java.io.RandomAccessFile(f.toFile(), "rw")) {
            big.setLength(17L << 20);
        }
        String huge = assertThrows(UncheckedIOException.class, () -> new HostProfileStore(f).load()).getMessage();
        assertTrue(huge.contains("too large: more than 16 MiB"), huge);
    }
}
