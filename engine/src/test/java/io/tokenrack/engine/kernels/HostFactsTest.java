package io.tokenrack.engine.kernels;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.kernels.HostProfile.MemoryLevel;
import io.tokenrack.engine.kernels.HostProfile.StreamPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CPU facts, energy counters and memory-level detection, on made-up inputs. */
class HostFactsTest {

    @Test
    void parsesCpuinfoAndMeminfo() {
        String cpuinfo = "processor\t: 0\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 9B45\ncache size\t: 1024 KB\n\n"
                + "processor\t: 1\nvendor_id\t: AuthenticAMD\nmodel name\t: AMD EPYC 9B45\n";
        String meminfo = "MemTotal:       24683620 kB\nMemFree:        24484348 kB\n";
        CpuInfo c = CpuInfo.parse(cpuinfo, meminfo, 2, List.of(49152L, 33554432L));
        assertEquals("AMD EPYC 9B45", c.model());
        assertEquals("AMD", c.vendor());
        assertEquals(24683620L * 1024, c.memoryBytes());
        assertEquals(33554432L, c.lastLevelCacheBytes());
        CpuInfo none = CpuInfo.parse("", "", 4, List.of());
        assertEquals("unknown CPU", none.model());
        assertEquals("unknown vendor", none.vendor());
        assertEquals(0, none.lastLevelCacheBytes());
        assertEquals("Intel", CpuInfo.parse("vendor_id : GenuineIntel\n", "", 1, List.of()).vendor());
        assertEquals(48 * 1024, CpuInfo.parseSize("48K"));
        assertEquals(32L << 20, CpuInfo.parseSize("32768K"));
    }

    @Test
    void energyIsUnavailableWithoutPowercap(@TempDir Path dir) {
        EnergyMeter m = EnergyMeter.open(dir.resolve("missing"));
        assertFalse(m.available());
        assertTrue(m.reason().contains("no RAPL"), m.reason());
    }

    @Test
    void energySumsPackagesAndHandlesWrapAround(@TempDir Path dir) throws Exception {
        for (String zone : List.of("intel-rapl:0", "intel-rapl:1", "intel-rapl:0:0")) {
            Files.createDirectories(dir.resolve(zone));
            Files.writeString(dir.resolve(zone).resolve("energy_uj"), "1000\n");
            Files.writeString(dir.resolve(zone).resolve("max_energy_range_uj"), "1000000\n");
        }
        EnergyMeter m = EnergyMeter.open(dir);
        assertTrue(m.available(), m.reason());
        long[] before = m.read();
        assertArrayEquals(new long[] {1000, 1000}, before, "the sub-zone intel-rapl:0:0 is not counted twice");
        // package 0 advanced 2 J; package 1 wrapped: 1000 -> 500 with a range of 1 J = 0.9995 J
        double j = m.joulesBetween(before, new long[] {2_001_000, 500});
        assertEquals(2.0 + 0.9995, j, 1e-9);
    }

    @Test
    void detectsPlateausOfTheBandwidthCurve() {
        List<StreamPoint> sweep = List.of(
                new StreamPoint(16 << 10, 120, 240), new StreamPoint(32 << 10, 118, 236),
                new StreamPoint(256 << 10, 70, 140), new StreamPoint(512 << 10, 66, 132),
                new StreamPoint(8 << 20, 40, 90), new StreamPoint(16 << 20, 38, 88),
                new StreamPoint(256 << 20, 20, 30), new StreamPoint(1 << 30, 19, 29));
        List<MemoryLevel> levels = MemoryLevels.detect(sweep);
        assertEquals(List.of("L1", "L2", "L3", "DRAM"), levels.stream().map(MemoryLevel::name).toList());
        assertEquals(new MemoryLevel("L2", 512 << 10, 68, 136), levels.get(1));
        assertEquals(1 << 30, levels.get(3).workingSetBytes());
    }

    @Test
    void aFlatCurveIsOneLevel() {
        List<MemoryLevel> levels = MemoryLevels.detect(List.of(new StreamPoint(1, 10, 20), new StreamPoint(2, 9, 18)));
        assertEquals(1, levels.size());
        assertEquals("L1", levels.get(0).name());
    }

    @Test
    void knownCacheSizesPickThePointsThatClearlyFitEachLevel() {
        List<StreamPoint> sweep = List.of(
                new StreamPoint(16 << 10, 120, 240), new StreamPoint(64 << 10, 90, 180),
                new StreamPoint(256 << 10, 70, 140), new StreamPoint(1 << 20, 60, 120),
                new StreamPoint(4 << 20, 40, 80), new StreamPoint(64 << 20, 25, 40),
                new StreamPoint(256 << 20, 20, 30));
        // L1 48 KiB, L2 1 MiB, L3 32 MiB: L1 <= 24 KiB; L2 96 KiB..512 KiB; L3 2..16 MiB; DRAM >= 128 MiB
        List<MemoryLevel> levels = MemoryLevels.detect(sweep, List.of(48L << 10, 1L << 20, 32L << 20));
        assertEquals(List.of(new MemoryLevel("L1", 16 << 10, 120, 240), new MemoryLevel("L2", 256 << 10, 70, 140),
                new MemoryLevel("L3", 4 << 20, 40, 80), new MemoryLevel("DRAM", 256 << 20, 20, 30)), levels);
        assertEquals(MemoryLevels.detect(sweep), MemoryLevels.detect(sweep, List.of()), "no sizes: plateaus");
    }
}
