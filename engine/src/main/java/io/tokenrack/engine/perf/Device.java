package io.tokenrack.engine.perf;

import io.tokenrack.engine.catalog.AcceleratorSpec;
import io.tokenrack.engine.workload.Precision;

/**
 * One accelerator as the performance model sees it, in SI units.
 *
 * @param bf16FlopsPerSecond dense peak at bf16, 0 when the part has no bf16 path (an FP8-only LPU)
 * @param fp8FlopsPerSecond  dense peak at fp8, 0 when the part has no fp8 path
 * @param fp4FlopsPerSecond  dense peak at fp4, 0 when the part has no fp4 path
 * @param sramResident       the memory is the chips' on-chip SRAM (no HBM or DRAM): weights and KV
 *                           must fit in the SRAM of many chips, and the chips run statically scheduled
 *                           layers with no kernel launches (GroqChip, LP30)
 * @param kvDramBytes        DRAM beside an SRAM-resident chip that holds the KV cache the SRAM cannot
 *                           (LPX: the rack's DDR5 per chip), 0 when none
 * @param kvDramBytesPerSecond that DRAM's bandwidth, 0 when none
 */
public record Device(
        String id,
        double bf16FlopsPerSecond,
        double fp8FlopsPerSecond,
        double fp4FlopsPerSecond,
        double memBandwidthBytesPerSecond,
        double memoryBytes,
        double tdpWatts,
        boolean sramResident,
        double kvDramBytes,
        double kvDramBytesPerSecond) {

    public Device {
        if (kvDramBytes < 0 || kvDramBytesPerSecond < 0 || (kvDramBytes > 0) != (kvDramBytesPerSecond > 0)) {
            throw new IllegalArgumentException("KV DRAM: a size and a bandwidth, both positive, or neither; was " + kvDramBytes + " B at "
                    + kvDramBytesPerSecond + " B/s");
        }
    }

    /** A device without KV DRAM. */
    public Device(String id, double bf16FlopsPerSecond, double fp8FlopsPerSecond, double fp4FlopsPerSecond,
                  double memBandwidthBytesPerSecond, double memoryBytes, double tdpWatts, boolean sramResident) {
        this(id, bf16FlopsPerSecond, fp8FlopsPerSecond, fp4FlopsPerSecond, memBandwidthBytesPerSecond, memoryBytes, tdpWatts, sramResident, 0, 0);
    }

    /** A device with off-chip memory (HBM, GDDR, DRAM). */
    public Device(String id, double bf16FlopsPerSecond, double fp8FlopsPerSecond, double fp4FlopsPerSecond,
                  double memBandwidthBytesPerSecond, double memoryBytes, double tdpWatts) {
        this(id, bf16FlopsPerSecond, fp8FlopsPerSecond, fp4FlopsPerSecond, memBandwidthBytesPerSecond, memoryBytes, tdpWatts, false);
    }

    /**
     * The accelerator as the model computes with it: its dense peaks times the share its software
     * reaches ({@link AcceleratorSpec#computeEfficiency()}, 1 for the stacks the constants were
     * fitted on), its memory bandwidth and capacity as published.
     */
    public static Device of(AcceleratorSpec a) {
        double s = a.computeEfficiency();
        return new Device(a.id(),
                a.bf16DenseTflops() == null ? 0 : a.bf16DenseTflops() * 1e12 * s,
                a.fp8DenseTflops() == null ? 0 : a.fp8DenseTflops() * 1e12 * s,
                a.fp4DenseTflops() == null ? 0 : a.fp4DenseTflops() * 1e12 * s,
                a.memBandwidthBytesPerSecond(),
                a.memoryBytes(),
                a.tdpWatts() == null ? Double.NaN : a.tdpWatts(),
                isSramResident(a),
                isSramResident(a) ? a.kvDramBytes() : 0,
                isSramResident(a) ? a.kvDramBytesPerSecond() : 0);
    }

    /**
     * Whether the chip's memory is its on-chip SRAM: the catalog gives an SRAM size and a memory
     * capacity no larger than it (the SRAM-only chips list their SRAM as their memory).
     */
    public static boolean isSramResident(AcceleratorSpec a) {
        return a.onChipSramMB() != null && a.memoryGB() * 1000 <= a.onChipSramMB() * (1 + 1e-9);
    }

    /**
     * Dense peak for math in {@code p}. A part without a native path for the format computes in the
     * next wider one it has (fp4 weights on Hopper are dequantised to fp8): bytes still move at the
     * narrow width, but the math gets no faster.
     */
    /** Whether the part has its own math path for {@code p} (a published peak), not the next wider one's. */
    public boolean hasNativeMath(Precision p) {
        return switch (p) {
            case FP4 -> fp4FlopsPerSecond > 0;
            case FP8 -> fp8FlopsPerSecond > 0;
            case BF16, FP32 -> true;
        };
    }

    public double peakFlops(Precision p) {
        return switch (p) {
            case FP4 -> fp4FlopsPerSecond > 0 ? fp4FlopsPerSecond : peakFlops(Precision.FP8);
            case FP8 -> fp8FlopsPerSecond > 0 ? fp8FlopsPerSecond : bf16FlopsPerSecond; // 0 on an fp4-only part: refused
            case BF16, FP32 -> bf16FlopsPerSecond;
        };
    }
}
