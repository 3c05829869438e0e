package io.tokenrack.engine.lab.harness;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** CPU facts and energy counters, on made-up inputs. */
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
}
