package io.tokenrack.engine.perf;

/**
 * The links between SRAM-resident chips (GroqChip, LP30), which hold a model only as a pipeline of
 * many chips: a token crosses one hop per pipeline stage and two per tensor-parallel all-reduce.
 * Constants and their evidence: docs/model.md, "SRAM-resident chips".
 */
public final class ChipToChip {
    private ChipToChip() {}

    /**
     * Latency of one chip-to-chip hop (serialiser, forward error correction, wire, deserialiser):
     * an explicit assumption, since no source gives it for GroqChip or LP30. Directly wired SerDes
     * links sit between a few hundred nanoseconds and about a microsecond per hop; 1 µs is the slow
     * end of that range.
     */
    public static final double HOP_SECONDS = 1.0e-6;

    /**
     * Hops of one all-reduce inside a tensor-parallel group of directly linked chips: each chip
     * sends its partial sums to their owners (one hop) and gathers the reduced slices back (one hop).
     */
    public static final int ALL_REDUCE_HOPS = 2;

    /** The link a tensor-parallel group of SRAM chips all-reduces over: α = two hops. */
    public static Fabric tensorGroup(double bytesPerSecondPerDirection) {
        return new Fabric(bytesPerSecondPerDirection, ALL_REDUCE_HOPS * HOP_SECONDS, false);
    }

    /** The link from one pipeline stage to the next: α = one hop. */
    public static Fabric stageHop(double bytesPerSecondPerDirection) {
        return new Fabric(bytesPerSecondPerDirection, HOP_SECONDS, false);
    }
}
