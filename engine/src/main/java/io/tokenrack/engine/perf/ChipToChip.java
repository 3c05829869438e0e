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

    /**
     * The constants an SRAM-resident chip computes with: the same, except that its matrix units reach
     * η_max at any number of rows (no M½ ramp) and grouped expert GEMMs run as fast as dense ones.
     * The ramp and the grouped-GEMM penalty were fitted on GPU kernels, where they come from tiles
     * left part-empty, kernel launches and routing gathers; a statically scheduled chip that streams
     * its weights from SRAM through its matrix units has none of these, and no measurement of an
     * SRAM chip says otherwise. A modelling choice, documented in docs/model.md.
     */
    public static ModelConstants constantsFor(ModelConstants k) {
        return new ModelConstants(k.gemmEfficiencyMax(), k.fp8EfficiencyScale(), k.fp4EfficiencyScale(), 0, k.memoryEfficiency(),
                k.attentionComputeEfficiency(), k.attentionMemoryEfficiency(), k.stepOverheadSeconds(), k.sequenceOverheadSeconds(),
                k.layerOverheadSeconds(), k.collectiveLatencyScaleUpSeconds(), k.collectiveLatencyScaleOutSeconds(), k.linkEfficiency(),
                1.0, k.moeImbalance(), k.kvMemoryFraction(), k.outputResidency(), k.maxTokensPerStep(), k.maxSequencesPerRank());
    }
}
