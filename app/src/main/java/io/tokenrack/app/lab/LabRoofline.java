package io.tokenrack.app.lab;

import io.tokenrack.engine.kernels.llama.LlamaConfig;
import io.tokenrack.engine.lab.host.HostProfile;
import io.tokenrack.engine.lab.host.HostProfile.GemmPoint;
import io.tokenrack.engine.lab.host.HostProfile.GemvPoint;
import io.tokenrack.engine.lab.host.HostProfile.MemoryLevel;
import io.tokenrack.engine.lab.host.HostProfile.RooflinePoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The empirical roofline of a {@link HostProfile}, as the Lab draws it, for one thread or all
 * cores: the compute ceiling (measured FMA peak), one bandwidth slope per memory level (measured
 * triad), and each kernel's achieved point at its arithmetic intensity. Rates are GFLOP/s and GB/s;
 * intensity is FLOPs per byte of minimal memory traffic:
 *
 * <ul>
 *   <li>fp32 GEMM M×N×K: 2MNK / 4(MK + KN + MN), so a square n³ GEMM sits at n / 6;
 *   <li>fp32 GEMV: 2 FLOPs per 4-byte weight = 0.5, its GFLOP/s = GB/s × 0.5;
 *   <li>fp64 triad: 2 FLOPs per 24 bytes (STREAM convention) = 1/12;
 *   <li>decode attention, GQA: 4·heads·headDim FLOPs per 8·kvHeads·headDim bytes of K and V per
 *       cached token = heads / (2·kvHeads) = 2 for the small model;
 *   <li>ERT: the intensities it was run at (all cores only).
 * </ul>
 *
 * The one-thread view shows the GEMM sizes and the GEMM-versus-M sweep (measured on one thread);
 * the all-core view the best square GEMM on all cores and the ERT sweep. A memory level whose
 * measured rate falls below the DRAM rate (small working sets split over many threads are bound by
 * dispatch, not by the cache) is no ceiling and is left out, with a note.
 */
public record LabRoofline(boolean allCores, double peakGflops, List<Roof> roofs, List<KernelPoint> points, String note) {

    /** A memory level's bandwidth slope: attainable GFLOP/s = gbps × intensity, up to the peak. */
    public record Roof(String level, double gbps) {
        /** The intensity where this slope meets the compute ceiling. */
        public double ridge(double peakGflops) {
            return peakGflops / gbps;
        }
    }

    /** What kind of kernel a point is; the chart draws one series per kind. */
    public enum Kind {
        GEMM("GEMM, square"), GEMM_BY_M("GEMM versus M"), GEMV("GEMV"), TRIAD("triad"), ATTENTION("attention"), ERT("ERT");

        private final String title;

        Kind(String title) {
            this.title = title;
        }

        public String title() {
            return title;
        }
    }

    /** One kernel's achieved rate at its arithmetic intensity. */
    public record KernelPoint(Kind kind, String label, double flopsPerByte, double gflops) {}

    public LabRoofline {
        roofs = List.copyOf(roofs);
        points = List.copyOf(points);
    }

    static final double GEMV_FLOPS_PER_BYTE = 2.0 / 4;
    static final double TRIAD_FLOPS_PER_BYTE = 2.0 / 24;

    public static LabRoofline of(HostProfile p, boolean allCores) {
        double peak = allCores ? p.peakGflopsAllCores() : p.peakGflopsOneThread();
        double dram = allCores ? p.triadGBpsDram()
                : p.memoryLevels().isEmpty() ? p.triadGBpsDram() : p.memoryLevels().getLast().triadGBpsOneThread();
        List<Roof> roofs = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        List<MemoryLevel> levels = p.memoryLevels();
        for (int i = 0; i < levels.size() - 1; i++) {
            MemoryLevel l = levels.get(i);
            double gbps = allCores ? l.triadGBpsAllCores() : l.triadGBpsOneThread();
            if (gbps > dram) {
                roofs.add(new Roof(l.name(), gbps));
            } else {
                skipped.add(l.name());
            }
        }
        roofs.add(new Roof(levels.isEmpty() ? "DRAM" : levels.getLast().name(), dram));

        List<KernelPoint> points = new ArrayList<>();
        if (allCores) {
            points.add(new KernelPoint(Kind.GEMM, "GEMM " + p.gemmSize() + "³", p.gemmSize() / 6.0, p.gemmGflopsAllCores()));
        } else {
            for (GemmPoint g : p.gemmSquare()) {
                points.add(new KernelPoint(Kind.GEMM, "GEMM " + g.n() + "³", gemmIntensity(g.m(), g.n(), g.k()), g.gflopsOneThread()));
            }
            if (p.gemmSquare().isEmpty()) {
                points.add(new KernelPoint(Kind.GEMM, "GEMM " + p.gemmSize() + "³", p.gemmSize() / 6.0, p.gemmGflopsOneThread()));
            }
            for (GemmPoint g : p.gemmByM()) {
                points.add(new KernelPoint(Kind.GEMM_BY_M, "M=" + g.m(), gemmIntensity(g.m(), g.n(), g.k()), g.gflopsOneThread()));
            }
        }
        for (GemvPoint g : p.gemvByWorkingSet()) {
            double gbps = allCores ? g.gbpsAllCores() : g.gbpsOneThread();
            points.add(new KernelPoint(Kind.GEMV, "GEMV " + bytes(g.workingSetBytes()), GEMV_FLOPS_PER_BYTE, gbps * GEMV_FLOPS_PER_BYTE));
        }
        if (allCores) {
            points.add(new KernelPoint(Kind.TRIAD, "triad DRAM", TRIAD_FLOPS_PER_BYTE, p.triadGBpsDram() * TRIAD_FLOPS_PER_BYTE));
        } else {
            for (MemoryLevel l : levels) {
                points.add(new KernelPoint(Kind.TRIAD, "triad " + l.name(), TRIAD_FLOPS_PER_BYTE, l.triadGBpsOneThread() * TRIAD_FLOPS_PER_BYTE));
            }
        }
        LlamaConfig small = LlamaConfig.small();
        points.add(new KernelPoint(Kind.ATTENTION, "attention", attentionIntensity(small),
                allCores ? p.attentionGflopsAllCores() : p.attentionGflopsOneThread()));
        if (allCores) {
            for (RooflinePoint r : p.roofline()) {
                // ERT: 2F FLOPs per 16 bytes, so F = 8 × intensity
                points.add(new KernelPoint(Kind.ERT, "ERT F=" + trim(8 * r.flopsPerByte()), r.flopsPerByte(), r.gflopsAllCores()));
            }
        }
        points.removeIf(k -> !(k.flopsPerByte() > 0) || !(k.gflops() > 0));
        String note = skipped.isEmpty() ? ""
                : String.join(", ", skipped) + (skipped.size() == 1 ? " is" : " are")
                        + " left out: measured on " + (allCores ? "all cores" : "one thread")
                        + " below the DRAM rate (small working sets split over threads are bound by dispatch)";
        return new LabRoofline(allCores, peak, roofs, points, note);
    }

    /** Minimal traffic of an fp32 GEMM: read A and B, write C once. */
    static double gemmIntensity(int m, int n, int k) {
        return 2.0 * m * n * k / (4.0 * ((double) m * k + (double) k * n + (double) m * n));
    }

    /** Decode attention per cached token: 4·heads·headDim FLOPs over K and V rows of kvHeads·headDim fp32 each. */
    static double attentionIntensity(LlamaConfig c) {
        return 4.0 * c.heads() * c.headDim() / (2.0 * 4 * c.kvHeads() * c.headDim());
    }

    /** Attainable GFLOP/s at an intensity under the ceilings: min(peak, the fastest slope × intensity). */
    public double attainable(double flopsPerByte) {
        double best = roofs.stream().mapToDouble(Roof::gbps).max().orElse(0);
        return Math.min(peakGflops, best * flopsPerByte);
    }

    /** The intensity range worth drawing: every point and every ridge, with a margin. */
    public double minIntensity() {
        double min = points.stream().mapToDouble(KernelPoint::flopsPerByte).min().orElse(0.1);
        return Math.min(min, 0.05) / 2;
    }

    public double maxIntensity() {
        double max = points.stream().mapToDouble(KernelPoint::flopsPerByte).max().orElse(10);
        for (Roof r : roofs) {
            max = Math.max(max, r.ridge(peakGflops));
        }
        return max * 3;
    }

    static String bytes(long b) {
        if (b >= 1L << 30 && b % (1L << 30) == 0) {
            return (b >> 30) + " GiB";
        }
        if (b >= 1L << 20) {
            return trim(b / (double) (1L << 20)) + " MiB";
        }
        return trim(b / 1024.0) + " KiB";
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.format(Locale.ROOT, "%.3g", v);
    }
}
