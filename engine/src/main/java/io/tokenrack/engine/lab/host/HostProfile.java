package io.tokenrack.engine.lab.host;

import io.tokenrack.engine.catalog.AcceleratorSpec;
import io.tokenrack.engine.catalog.Availability;
import io.tokenrack.engine.catalog.CoolingType;
import io.tokenrack.engine.catalog.InputException;
import java.util.List;
import java.util.Locale;

/**
 * What the kernel lab measured on this computer: compute ceilings, bandwidth per memory level,
 * GEMM efficiency versus M, GEMV efficiency versus working set, the empirical roofline and
 * per-call overheads, with the CPU, JDK and vector width they were measured with. Rates are
 * GFLOP/s (10^9 FLOP/s) and GB/s (10^9 bytes/s); bandwidths follow the STREAM convention
 * (fp64 triad counts 24 bytes per element, no write-allocate traffic).
 *
 * @param measuredAt                 ISO-8601 date-time of the calibration
 * @param quick                      true for the short calibration ({@code --quick})
 * @param threads                    workers of the all-core runs (one per available processor)
 * @param kernelPath                 "vector" (Vector API) or "scalar" (fallback)
 * @param floatLanes                 fp32 lanes per vector (species length), 1 on the scalar path
 * @param peakGflopsOneThread        FMA-chain ceiling, fp32, one thread
 * @param peakGflopsAllCores         FMA-chain ceiling, fp32, all workers
 * @param gemmGflopsOneThread        best large square fp32 GEMM, one thread
 * @param gemmGflopsAllCores         best large square fp32 GEMM, all workers
 * @param gemmSize                   n of the square GEMM that gave the best one-thread rate
 * @param gemmSquare                 every square GEMM timed on one thread (packing included)
 * @param triadGBpsDram              fp64 triad on all workers at the largest working set (DRAM)
 * @param copyGBpsDram               fp64 copy on all workers at the largest working set
 * @param callOverheadSeconds        cost of one small kernel call on one thread
 * @param parallelCallOverheadSeconds cost of dispatching one task to all workers and waiting for them
 * @param attentionGflopsOneThread   decode attention (GQA, the small model's shape, 256 cached tokens), one thread
 * @param attentionGflopsAllCores    the same on all workers
 */
public record HostProfile(
        String measuredAt,
        boolean quick,
        String cpuModel,
        String cpuVendor,
        int logicalCpus,
        int threads,
        long memoryBytes,
        String jdkVersion,
        String kernelPath,
        String kernelPathReason,
        int floatLanes,
        double peakGflopsOneThread,
        double peakGflopsAllCores,
        double gemmGflopsOneThread,
        double gemmGflopsAllCores,
        int gemmSize,
        List<GemmPoint> gemmSquare,
        double triadGBpsDram,
        double copyGBpsDram,
        List<MemoryLevel> memoryLevels,
        List<StreamPoint> streamSweep,
        List<GemmPoint> gemmByM,
        List<GemvPoint> gemvByWorkingSet,
        List<RooflinePoint> roofline,
        double callOverheadSeconds,
        double parallelCallOverheadSeconds,
        double attentionGflopsOneThread,
        double attentionGflopsAllCores) {

    /** Bandwidth of one level of the memory hierarchy, as found in the stream sweep. */
    public record MemoryLevel(String name, long workingSetBytes, double triadGBpsOneThread, double triadGBpsAllCores) {}

    /** One working-set size of the triad sweep (total bytes of the three arrays, split across workers). */
    public record StreamPoint(long workingSetBytes, double triadGBpsOneThread, double triadGBpsAllCores) {}

    /** One GEMM shape, one thread; efficiency is the fraction of {@code peakGflopsOneThread}. */
    public record GemmPoint(int m, int n, int k, double gflopsOneThread, double efficiency) {}

    /** GEMV at one matrix size; each efficiency is its bandwidth over the triad's at that size and thread count. */
    public record GemvPoint(long workingSetBytes, double gbpsOneThread, double gbpsAllCores,
                            double efficiencyOneThread, double efficiencyAllCores) {}

    /** One arithmetic intensity of the ERT sweep, all workers, at the DRAM working set. */
    public record RooflinePoint(double flopsPerByte, double gflopsAllCores, double gbpsAllCores) {}

    public HostProfile {
        memoryLevels = List.copyOf(memoryLevels);
        gemmSquare = List.copyOf(gemmSquare);
        streamSweep = List.copyOf(streamSweep);
        gemmByM = List.copyOf(gemmByM);
        gemvByWorkingSet = List.copyOf(gemvByWorkingSet);
        roofline = List.copyOf(roofline);
        if (threads < 1) {
            throw new InputException("threads: must be at least 1, was " + threads);
        }
        if (logicalCpus < 1) {
            throw new InputException("logicalCpus: must be at least 1, was " + logicalCpus);
        }
        if (floatLanes < 1) {
            throw new InputException("floatLanes: must be at least 1, was " + floatLanes);
        }
        if (memoryBytes < 0) {
            throw new InputException("memoryBytes: must be zero (unknown) or more, was " + memoryBytes);
        }
        if (!(peakGflopsOneThread > 0)) {
            throw new InputException("peakGflopsOneThread: must be positive, was " + peakGflopsOneThread);
        }
        if (!(peakGflopsAllCores > 0)) {
            throw new InputException("peakGflopsAllCores: must be positive, was " + peakGflopsAllCores);
        }
        if (!(triadGBpsDram > 0)) {
            throw new InputException("triadGBpsDram: must be positive, was " + triadGBpsDram);
        }
    }

    /** Triad bandwidth at a working set, interpolated log-linearly in the sweep (clamped at its ends). */
    public double triadGBpsAt(long workingSetBytes, boolean allCores) {
        return interpolate(workingSetBytes, streamSweep.stream().mapToLong(StreamPoint::workingSetBytes).toArray(),
                streamSweep.stream().mapToDouble(allCores ? StreamPoint::triadGBpsAllCores : StreamPoint::triadGBpsOneThread)
                        .toArray(), triadGBpsDram);
    }

    /**
     * GEMV (weight-streaming) bandwidth at a working set, interpolated like {@link #triadGBpsAt};
     * the triad's when the profile has no GEMV points.
     */
    public double gemvGBpsAt(long workingSetBytes, boolean allCores) {
        if (gemvByWorkingSet.isEmpty()) {
            return triadGBpsAt(workingSetBytes, allCores);
        }
        return interpolate(workingSetBytes, gemvByWorkingSet.stream().mapToLong(GemvPoint::workingSetBytes).toArray(),
                gemvByWorkingSet.stream().mapToDouble(allCores ? GemvPoint::gbpsAllCores : GemvPoint::gbpsOneThread)
                        .toArray(), triadGBpsDram);
    }

    /** GEMV bandwidth over triad bandwidth at a working set, interpolated like {@link #triadGBpsAt}. */
    public double gemvEfficiencyAt(long workingSetBytes, boolean allCores) {
        return interpolate(workingSetBytes, gemvByWorkingSet.stream().mapToLong(GemvPoint::workingSetBytes).toArray(),
                gemvByWorkingSet.stream().mapToDouble(allCores ? GemvPoint::efficiencyAllCores : GemvPoint::efficiencyOneThread)
                        .toArray(), 1.0);
    }

    /**
     * The same profile with the GEMV rate at {@code workingSetBytes} (one thread or all cores)
     * replaced by {@code gbps}: the point of the sweep nearest that size on a log scale takes the
     * new rate (and its efficiency against the triad), or a point is added when the sweep has none.
     */
    public HostProfile withGemvAt(long workingSetBytes, double gbps, boolean allCores) {
        java.util.ArrayList<GemvPoint> points = new java.util.ArrayList<>(gemvByWorkingSet);
        int nearest = -1;
        for (int i = 0; i < points.size(); i++) {
            if (nearest < 0 || Math.abs(Math.log((double) points.get(i).workingSetBytes() / workingSetBytes))
                    < Math.abs(Math.log((double) points.get(nearest).workingSetBytes() / workingSetBytes))) {
                nearest = i;
            }
        }
        double efficiency = gbps / triadGBpsAt(workingSetBytes, allCores);
        if (nearest < 0) {
            points.add(new GemvPoint(workingSetBytes, gbps, gbps, efficiency, efficiency));
        } else {
            GemvPoint g = points.get(nearest);
            points.set(nearest, allCores
                    ? new GemvPoint(g.workingSetBytes(), g.gbpsOneThread(), gbps, g.efficiencyOneThread(), efficiency)
                    : new GemvPoint(g.workingSetBytes(), gbps, g.gbpsAllCores(), efficiency, g.efficiencyAllCores()));
        }
        return new HostProfile(measuredAt, quick, cpuModel, cpuVendor, logicalCpus, threads, memoryBytes, jdkVersion,
                kernelPath, kernelPathReason, floatLanes, peakGflopsOneThread, peakGflopsAllCores, gemmGflopsOneThread,
                gemmGflopsAllCores, gemmSize, gemmSquare, triadGBpsDram, copyGBpsDram, memoryLevels, streamSweep, gemmByM,
                points, roofline, callOverheadSeconds, parallelCallOverheadSeconds, attentionGflopsOneThread, attentionGflopsAllCores);
    }

    /**
     * {@code ys} at {@code x}, interpolated log-linearly between the points {@code xs} (ascending)
     * and clamped at the ends; {@code fallback} when there are no points.
     */
    public static double interpolate(long x, long[] xs, double[] ys, double fallback) {
        if (xs.length == 0) {
            return fallback;
        }
        if (x <= xs[0]) {
            return ys[0];
        }
        for (int i = 1; i < xs.length; i++) {
            if (x <= xs[i]) {
                double f = (Math.log(x) - Math.log(xs[i - 1])) / (Math.log(xs[i]) - Math.log(xs[i - 1]));
                return ys[i - 1] + f * (ys[i] - ys[i - 1]);
            }
        }
        return ys[ys.length - 1];
    }

    /**
     * This computer as an accelerator the engine can evaluate like any other. The CPU computes in
     * fp32; {@code bf16DenseTflops} carries the measured fp32 all-core FMA ceiling, and the memory
     * bandwidth is the measured all-core DRAM triad.
     */
    public AcceleratorSpec toAcceleratorSpec() {
        String date = measuredAt.length() >= 10 ? measuredAt.substring(0, 10) : measuredAt;
        double memGB = memoryBytes > 0 ? memoryBytes / 1e9 : 1.0;
        String notes = String.format(Locale.ROOT,
                "Measured by the kernel lab (%s path, %d fp32 lanes, %d threads). The CPU computes in fp32: "
                        + "bf16DenseTflops carries the measured fp32 all-core FMA peak (%.1f GFLOP/s); memBandwidthTBps "
                        + "is the all-core fp64 triad at a DRAM working set, STREAM convention (%.1f GB/s).%s",
                kernelPath, floatLanes, threads, peakGflopsAllCores, triadGBpsDram,
                memoryBytes > 0 ? "" : " Memory size was not readable; 1 GB is a placeholder.");
        return new AcceleratorSpec("this-computer", "This computer (measured)", cpuVendor, null,
                Availability.SHIPPING, AcceleratorSpec.CPU_FORM_FACTOR, peakGflopsAllCores / 1000.0, null, null, null,
                memGB, triadGBpsDram / 1000.0, null, null, null, null, null, CoolingType.AIR, null, null,
                notes, List.of("Measured on this computer by TokenRack calibrate on " + date + ": " + cpuModel + ", " + jdkVersion));
    }
}
