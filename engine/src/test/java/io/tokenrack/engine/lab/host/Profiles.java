package io.tokenrack.engine.lab.host;

import io.tokenrack.engine.lab.host.HostProfile.GemmPoint;
import io.tokenrack.engine.lab.host.HostProfile.GemvPoint;
import io.tokenrack.engine.lab.host.HostProfile.MemoryLevel;
import io.tokenrack.engine.lab.host.HostProfile.RooflinePoint;
import io.tokenrack.engine.lab.host.HostProfile.StreamPoint;
import java.util.List;

/** Synthetic host profiles with round numbers, for tests that need one. */
final class Profiles {
    private Profiles() {}

    /**
     * Flat 10 GB/s triad on one thread and 20 GB/s on all cores at every working set; GEMV at
     * half the triad; 100 / 200 GFLOP/s peaks; 1 us calls; 2 us dispatch.
     */
    static HostProfile flat() {
        return withBandwidth(10, 20);
    }

    static HostProfile withBandwidth(double oneThreadGBps, double allCoresGBps) {
        List<StreamPoint> sweep = List.of(new StreamPoint(16 << 10, oneThreadGBps, allCoresGBps),
                new StreamPoint(1L << 30, oneThreadGBps, allCoresGBps));
        return new HostProfile("2026-01-02T03:04:05Z", true, "Test CPU 9000", "AMD", 2, 2, 16_000_000_000L,
                "Java 25 (test)", "vector", "Vector API, 512-bit, 16 float lanes", 16, 100, 200, 80, 150, 1024, List.of(),
                allCoresGBps, allCoresGBps * 1.1,
                List.of(new MemoryLevel("L1", 32 << 10, 100, 200), new MemoryLevel("DRAM", 1L << 30, oneThreadGBps, allCoresGBps)),
                sweep,
                List.of(new GemmPoint(1, 1792, 512, 10, 0.1), new GemmPoint(512, 1792, 512, 80, 0.8)),
                List.of(new GemvPoint(1 << 20, oneThreadGBps / 2, allCoresGBps / 2, 0.5, 0.5),
                        new GemvPoint(1L << 30, oneThreadGBps / 2, allCoresGBps / 2, 0.5, 0.5)),
                List.of(new RooflinePoint(0.125, 2.5, allCoresGBps), new RooflinePoint(32, 190, 5.9)),
                1e-6, 2e-6, 5, 10);
    }
}
