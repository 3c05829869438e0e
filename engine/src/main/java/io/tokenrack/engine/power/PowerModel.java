package io.tokenrack.engine.power;

/**
 * Accelerator power from utilisation (MODEL-REFERENCE §7.2, GenZ's structure):
 * {@code P / TDP = min(1, s + c·U_compute + m·U_memory)}. The constants were fitted
 * to the public anchors: H100 batch-1 decode ≈ 300 W and batch-128 ≈ 600 W of 700 W (ML.ENERGY via
 * fleet-sim), prefill near TDP (Splitwise), H200 decode 137–300 W (Ma et al. 2026).
 */
public final class PowerModel {
    /** Engine-active floor: clocks up, HBM refreshed, no useful work (0.2–0.3 from the H200 decode data). */
    public static final double STATIC_FRACTION = 0.27;
    /** Weight of achieved compute utilisation. */
    public static final double COMPUTE_FRACTION = 0.75;
    /** Weight of achieved memory-bandwidth utilisation. */
    public static final double MEMORY_FRACTION = 0.39;
    /** An accelerator with no work at all (not in any replica): ≈ 0.1·TDP (MODEL-REFERENCE §7.2, to be measured). */
    public static final double IDLE_FRACTION = 0.10;
    /**
     * Share of a server's non-accelerator nameplate power (CPUs, NICs, switches, fans, PSU loss) drawn
     * while serving: DGX H100 runs at 6.5–8.5 kW "typical" of 10.2 kW max with ≈ 3.9 kW in its GPUs,
     * leaving 2.6–4.6 kW of the 4.6 kW non-GPU maximum (S19) — the middle is 0.75.
     */
    public static final double HOST_LOAD_FRACTION = 0.75;
    /**
     * Non-accelerator nameplate power per accelerator when a server publishes none: DGX H100's
     * (10.2 kW − 8 × 0.7 kW) / 8 = 575 W (S19). An assumption, flagged as such wherever it is used.
     */
    public static final double ASSUMED_HOST_WATTS_PER_ACCELERATOR = 575;

    private PowerModel() {}

    /** Average power of one busy accelerator. */
    public static double acceleratorWatts(double tdpWatts, double computeUtilization, double memoryUtilization) {
        double f = STATIC_FRACTION + COMPUTE_FRACTION * computeUtilization + MEMORY_FRACTION * memoryUtilization;
        return tdpWatts * Math.min(1.0, f);
    }

    public static double idleAcceleratorWatts(double tdpWatts) {
        return tdpWatts * IDLE_FRACTION;
    }
}
