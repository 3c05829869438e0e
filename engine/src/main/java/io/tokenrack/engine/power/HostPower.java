package io.tokenrack.engine.power;

/**
 * A server's power beside its accelerators, built from its parts at serving load: CPUs, memory and
 * storage, NICs, the rest of the board (PCIe and NVLink switch chips, BMC), fans, and the power
 * supplies' conversion loss on everything (AC wall → DC). Per accelerator, because the 8-GPU
 * servers and NVL72 trays the catalog holds pair their parts with accelerators in fixed ratios
 * (2 CPUs and 8 NICs per 8 GPUs in DGX H100/B200; one NIC per GPU in NVL72 trays). Each constant
 * says whether a source gives it or it is an assumption; docs/model.md lists them with their evidence.
 */
public final class HostPower {
    /** CPU sockets per accelerator: 2 per 8 GPUs (DGX H100: 2 × Xeon 8480C; DGX B200: 2 × Xeon 8570). Sourced. */
    public static final double CPU_SOCKETS_PER_ACCELERATOR = 2.0 / 8;
    /** TDP of one host CPU: Intel Xeon Platinum 8480+ and 8570 are 350 W parts (Intel product pages). Sourced. */
    public static final double CPU_TDP_WATTS = 350;
    /** Share of CPU TDP drawn while the accelerators serve (a scheduler and tokenizer, not all-core load). Assumption. */
    public static final double CPU_LOAD_FRACTION = 0.5;
    /** DIMMs and NVMe drives per accelerator at light load (DGX H100: 32 DDR5 DIMMs, 8 U.2 drives per 8 GPUs; ≈ 5 W and ≈ 10 W each). Assumption. */
    public static final double MEMORY_STORAGE_WATTS_PER_ACCELERATOR = 30;
    /** Scale-out NICs per accelerator: one 400–800 G NIC per GPU (DGX H100/B200 8 × ConnectX-7; NVL72 trays 4 per 4 GPUs). Sourced. */
    public static final double NICS_PER_ACCELERATOR = 1;
    /** One NIC with its optical module: vendors publish no NIC power; a 400G module alone draws 9–17 W. Assumption. */
    public static final double NIC_WATTS = 30;
    /** The rest of the board per accelerator: PCIe switches, NVLink switch chips of an 8-GPU baseboard, BMC, voltage regulators. Fitted (docs/model.md). */
    public static final double OTHER_WATTS_PER_ACCELERATOR = 50;
    /** Fans of an air-cooled server as a share of the DC power they cool: 10–15% or more of server power (the low end). */
    public static final double AIR_FAN_FRACTION = 0.10;
    /** Fans left in a liquid-cooled server (NICs, drives, power supplies): a share of its DC power. Assumption. */
    public static final double LIQUID_FAN_FRACTION = 0.03;

    private static final Draw NONE = new Draw(0, 0, 0, 0, 0, 0);
    private static final Draw UNKNOWN = new Draw(Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    private HostPower() {}

    /**
     * What a group of servers draws beside its accelerators' boards, W.
     *
     * @param cpuWatts            host CPUs
     * @param memoryWatts         DIMMs and drives
     * @param nicWatts            scale-out NICs with their optics
     * @param otherWatts          the rest of the board
     * @param fanWatts            fans
     * @param conversionLossWatts power-supply loss on the whole server, boards included (wall − DC)
     */
    public record Draw(double cpuWatts, double memoryWatts, double nicWatts, double otherWatts, double fanWatts,
            double conversionLossWatts) {
        /** Everything but the accelerators' boards, at the wall. */
        public double totalWatts() {
            return cpuWatts + memoryWatts + nicWatts + otherWatts + fanWatts + conversionLossWatts;
        }

        /** The parts and fans alone, DC, without the conversion loss. */
        public double dcWatts() {
            return cpuWatts + memoryWatts + nicWatts + otherWatts + fanWatts;
        }
    }

    /**
     * The host draw of servers holding {@code accelerators} accelerators whose boards draw
     * {@code boardWatts} together.
     *
     * @param hostNameplateWatts the servers' non-accelerator nameplate (published AC maximum − TDPs), W:
     *                           the parts, fans and conversion loss together never exceed it (parts are
     *                           scaled down to fit); 0 or NaN when unknown (no limit)
     * @param liquid             whether the servers are liquid-cooled (fewer fans)
     * @param cpuIsAccelerator   the accelerator is the host CPU itself: no separate host parts
     */
    public static Draw of(int accelerators, double boardWatts, double hostNameplateWatts, boolean liquid, boolean cpuIsAccelerator) {
        if (accelerators < 0 || boardWatts < 0 || Double.isInfinite(boardWatts)) {
            throw new IllegalArgumentException("accelerators " + accelerators + ", board watts " + boardWatts + ": must be zero or more");
        }
        if (cpuIsAccelerator) {
            return NONE; // a measured computer: its one power figure is the whole package, nothing is added beside it
        }
        if (Double.isNaN(boardWatts)) {
            return UNKNOWN; // no TDP: the fans and conversion loss that scale with it are unknown too
        }
        double cpu = accelerators * CPU_SOCKETS_PER_ACCELERATOR * CPU_TDP_WATTS * CPU_LOAD_FRACTION;
        double memory = accelerators * MEMORY_STORAGE_WATTS_PER_ACCELERATOR;
        double nic = accelerators * NICS_PER_ACCELERATOR * NIC_WATTS;
        double other = accelerators * OTHER_WATTS_PER_ACCELERATOR;
        double fans = (liquid ? LIQUID_FAN_FRACTION : AIR_FAN_FRACTION) * (boardWatts + cpu + memory + nic + other);
        double parts = cpu + memory + nic + other + fans;
        double lossRate = 1 / PowerModel.PSU_EFFICIENCY - 1;
        double boardLoss = boardWatts * lossRate;
        if (hostNameplateWatts > 0 && parts > 0 && parts * (1 + lossRate) + boardLoss > hostNameplateWatts) {
            // a server draws no more beside its accelerators than its nameplate leaves them (the nameplate is an AC figure)
            double room = Math.max(0, hostNameplateWatts - boardLoss) / (1 + lossRate);
            double scale = room / parts;
            cpu *= scale;
            memory *= scale;
            nic *= scale;
            other *= scale;
            fans *= scale;
            parts = room;
        }
        double loss = Math.min(boardLoss + parts * lossRate, hostNameplateWatts > 0 ? hostNameplateWatts - parts : Double.MAX_VALUE);
        return new Draw(cpu, memory, nic, other, fans, loss);
    }
}
