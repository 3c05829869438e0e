package io.tokenrack.engine.lab.calibration;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tokenrack.engine.lab.host.HostProfile.MemoryLevel;
import io.tokenrack.engine.lab.host.HostProfile.StreamPoint;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Memory-level detection from a bandwidth sweep, on made-up inputs. */
class MemoryLevelsTest {

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
