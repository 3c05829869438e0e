package io.tokenrack.engine.power;

/**
 * Accelerator power from utilisation (docs/model-reference.md §8, GenZ's structure):
 * {@code P / TDP = min(1, s + c·U_compute + m·U_memory)}, where U are this model's achieved
 * fractions of peak FLOP/s and bandwidth over a step. The weights are solved from the public
 * anchors with this model's own utilisations: H100 serving an 8B model draws ≈ 300 W at batch 1
 * and ≈ 600 W at batch 128 of 700 W (ML.ENERGY, via fleet-sim); the model gives U = (0.003, 0.49)
 * and (0.22, 0.49) there, so c = 1.96 and m = 0.31 with s = 0.27. Prefill (U_c ≈ 0.58) then runs
 * at TDP, as Splitwise measures; small-batch decode at 0.4·TDP, inside H200's 137–300 W.
 * c is large because U_c tops out near the calibrated GEMM efficiency (≈ 0.5), not at 1.
 * A last term, {@code (1 − s)·B_c}, counts the share of the step spent in compute-bound kernels
 * whatever efficiency they reach: busy math units draw power even when grouped or small GEMMs use
 * a small share of peak, so a step that is all compute-bound runs at TDP (Splitwise: prompt phase
 * near TDP). It is zero at the two decode anchors, which are memory-bound in the model.
 */
public final class PowerModel {
    /** Engine-active floor: clocks up, HBM refreshed, no useful work (0.2–0.3 from the H200 decode data). */
    public static final double STATIC_FRACTION = 0.27;
    /** Weight of achieved compute utilisation (solved from the two H100 anchors). */
    public static final double COMPUTE_FRACTION = 1.96;
    /** Weight of achieved memory-bandwidth utilisation (solved from the two H100 anchors). */
    public static final double MEMORY_FRACTION = 0.31;
    /** An accelerator with no work at all (not in any replica): ≈ 0.1·TDP (docs/model-reference.md §8, to be measured). */
    public static final double IDLE_FRACTION = 0.10;
    /**
     * Max-Q limit as a share of TDP, for every accelerator: NVIDIA's power-optimised MLPerf v4.1
     * configuration of 8 × H200-SXM (H200_SXM_141GBx8_MaxQ) sets power_limit = 500 W on a 700 W part.
     * Vendors publish no Max-Q limit for the other accelerators: for them it is this same share, an
     * assumption (docs/model.md, Power).
     */
    public static final double MAX_Q_FRACTION = 500.0 / 700.0;
    /**
     * γ in "dynamic power ∝ clock^γ" under a power limit (voltage falls with the clock, so γ lies
     * between 1, clock alone, and 3, voltage in proportion). Fitted to the throughput the H200 Max-Q
     * MLPerf v4.1 runs lose against the same system at Max-P (0.79–0.83×, docs/data/power-calibration.csv).
     */
    public static final double DVFS_EXPONENT = 2.0;
    /**
     * Server power-supply efficiency, AC wall to DC: 80 PLUS Titanium (230 V internal redundant)
     * requires 96% at 50% load and 91% at 100%; redundant supplies share the load and run near half.
     */
    public static final double PSU_EFFICIENCY = 0.95;

    /**
     * Share of a server's non-accelerator nameplate power (CPUs, NICs, switches, fans, PSU loss) drawn
     * while serving, as the model counted hosts before {@link HostPower} built them from their parts
     * (kept for comparison; the evaluator no longer uses it): DGX H100 runs at 6.5–8.5 kW "typical" of 10.2 kW max with ≈ 3.9 kW in its GPUs,
     * leaving 2.6–4.6 kW of the 4.6 kW non-GPU maximum (S19) — the middle is 0.75.
     */
    public static final double HOST_LOAD_FRACTION = 0.75;
    /**
     * Non-accelerator nameplate power per accelerator when a server publishes none: DGX H100's
     * (10.2 kW − 8 × 0.7 kW) / 8 = 575 W (S19). An assumption, flagged as such wherever it is used;
     * {@link io.tokenrack.engine.design.NameplatePower} applies it wherever such a server's power is
     * counted (design checks, cluster, the app's budgets), so they all agree.
     */
    public static final double ASSUMED_HOST_WATTS_PER_ACCELERATOR = 575;

    private PowerModel() {}

    /** Average power of one busy accelerator. */
    public static double acceleratorWatts(double tdpWatts, double computeUtilization, double memoryUtilization) {
        return acceleratorWatts(tdpWatts, computeUtilization, memoryUtilization, 0);
    }

    /**
     * Average power of one busy accelerator.
     *
     * @param computeBusy share of the step spent in compute-bound kernels
     */
    public static double acceleratorWatts(double tdpWatts, double computeUtilization, double memoryUtilization, double computeBusy) {
        double f = STATIC_FRACTION + COMPUTE_FRACTION * computeUtilization + MEMORY_FRACTION * memoryUtilization
                + (1 - STATIC_FRACTION) * computeBusy;
        return tdpWatts * Math.min(1.0, f);
    }

    /**
     * Average power of one busy accelerator under a power limit, from the same work at Max-P: the
     * engine-active floor {@code s·TDP} stays; the memory term {@code m·U_m·TDP} keeps its energy
     * (HBM does not follow the core clock); the rest, the compute side, costs clock^(γ−1) as much
     * energy per operation (voltage squared); both are spread over the longer step. For a step all
     * in compute-bound kernels this is {@code s + (1 − s)·clock^γ} of TDP, the limit the clock was
     * solved for. Never above the limit nor the Max-P figure, and lower for a lower clock.
     *
     * @param maxPWatts             the same step's power at Max-P, W
     * @param maxPMemoryUtilization its achieved share of peak bandwidth at Max-P
     * @param clock                 core clock over the Max-P clock, (0, 1]
     * @param stretch               the step's time under the limit over its time at Max-P, ≥ 1
     */
    public static double cappedWatts(double tdpWatts, double maxPWatts, double maxPMemoryUtilization, double clock, double stretch,
            double limitWatts) {
        return cappedWatts(tdpWatts, maxPWatts, maxPMemoryUtilization, clock, stretch, limitWatts, STATIC_FRACTION);
    }

    /**
     * As {@link #cappedWatts(double, double, double, double, double, double)}, with the engine-active
     * floor at the operating point ({@code floorFraction} of TDP; {@link OperatingPoint#floorFraction}):
     * the Max-P figure is split into floor, memory and compute with the Max-P floor
     * {@link #STATIC_FRACTION}, and the floor then drawn at its own level, not spread over the stretch
     * (it is drawn for as long as the step runs).
     */
    public static double cappedWatts(double tdpWatts, double maxPWatts, double maxPMemoryUtilization, double clock, double stretch,
            double limitWatts, double floorFraction) {
        double floor = STATIC_FRACTION * tdpWatts;
        double memory = Math.min(Math.max(0, maxPWatts - floor), MEMORY_FRACTION * maxPMemoryUtilization * tdpWatts);
        double compute = Math.max(0, maxPWatts - floor - memory);
        double w = Math.min(floor, floorFraction * tdpWatts) + (memory + compute * Math.pow(clock, DVFS_EXPONENT - 1)) / Math.max(1, stretch);
        return Math.min(limitWatts, Math.min(maxPWatts, w));
    }

    public static double idleAcceleratorWatts(double tdpWatts) {
        return tdpWatts * IDLE_FRACTION;
    }
}
