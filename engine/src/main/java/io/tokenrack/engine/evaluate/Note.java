package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.workload.Precision;
import java.util.Locale;

/**
 * Something a reader of an {@link Evaluation.Ok} should know beside its numbers, as a typed fact.
 * {@link #text()} says it in the words the CLI, the JSON and the app show; code branches on the
 * type, never on the text.
 */
public sealed interface Note {
    /** The note as shown: a sentence fragment without a final full stop. */
    String text();

    /** Accelerators left over after the whole replicas: they draw idle power and serve nothing. */
    record IdleAccelerators(int idle, int total, int replicaSize) implements Note {
        @Override
        public String text() {
            return idle + " of " + total + " accelerators do not make a whole replica of " + replicaSize + " and stay idle";
        }
    }

    /**
     * Pools of the sizes asked: each uses whole replicas of its layout, so a pool that is not a
     * multiple of its replica size leaves the rest idle, and accelerators in neither pool idle too.
     */
    record IdlePools(int idle, int total, int prefillPool, int prefillUsed, int prefillReplicaSize, int decodePool, int decodeUsed,
            int decodeReplicaSize) implements Note {
        @Override
        public String text() {
            int outside = total - prefillPool - decodePool;
            return idle + " of " + total + " accelerators stay idle: each pool serves in whole replicas of its layout, so the prefill pool of "
                    + prefillPool + " uses " + prefillUsed + " (replicas of " + prefillReplicaSize + ") and the decode pool of " + decodePool
                    + " uses " + decodeUsed + " (replicas of " + decodeReplicaSize + ")"
                    + (outside > 0 ? "; " + outside + " are in neither pool" : "");
        }
    }

    /** Fewer requests than replicas: some replicas have nothing to do. */
    record IdleReplicas(int idle, int total) implements Note {
        @Override
        public String text() {
            return idle + " of " + total + " replicas have no request at this concurrency and idle";
        }
    }

    /** The requested concurrency breaks the workload's latency limits. */
    record LimitsNotMet() implements Note {
        @Override
        public String text() {
            return "the latency limits are not met at this concurrency";
        }
    }

    /** Disaggregated serving whose prefill pool is the slower: requests beyond what it keeps busy wait for it. */
    record WaitingForPrefill(double requests) implements Note {
        @Override
        public String text() {
            return String.format(Locale.ROOT, "%,.0f requests wait for the prefill pool; they add to TTFT", requests);
        }
    }

    /** More requests than fit in the KV cache: the rest queue and wait. */
    record QueuedRequests(double perReplica) implements Note {
        @Override
        public String text() {
            return String.format(Locale.ROOT, "%,.0f requests per replica wait for KV-cache space; they add to TTFT", perReplica);
        }
    }

    /**
     * The accelerator has no power figure, so power, tokens per joule and energy cost are unknown.
     *
     * @param measuredHost the kernel lab's measured computer (it measures speed, not power), not a published part
     */
    record UnknownPower(String acceleratorName, boolean measuredHost) implements Note {
        @Override
        public String text() {
            return measuredHost
                    ? acceleratorName + " has no power figure (the kernel lab measures speed, not a power rating): "
                            + "power, tokens per joule and energy cost are unknown"
                    : acceleratorName + " has no published TDP: power, tokens per joule and energy cost are unknown";
        }
    }

    /** No price for the accelerator or its server, so cost is unknown. */
    record UnknownCost(String acceleratorName) implements Note {
        @Override
        public String text() {
            return "no price estimate in the catalog for " + acceleratorName + " or its server: cost is unknown (set a capital cost)";
        }
    }

    /** A stand-in figure the result rests on, with where it comes from. */
    record AssumedValue(Provenance assumption) implements Note {
        @Override
        public String text() {
            return "assumed: " + assumption.label() + " = " + assumption.value() + " (" + assumption.source() + ")";
        }
    }

    /** An item with no power figure, left out of the totals: the IT power is a lower bound. */
    record NotCounted(Provenance item) implements Note {
        @Override
        public String text() {
            return item.label() + " is not counted (" + item.source() + "): the IT power is a lower bound";
        }
    }

    /** The accelerator lacks math in the workload's format and computes in a wider one. */
    record NoNativeMath(String acceleratorName, Precision precision) implements Note {
        @Override
        public String text() {
            return acceleratorName + " has no " + precision.label() + " math: weights move at "
                    + precision.label() + " width but compute runs at the next wider format it has";
        }
    }

    /** A rack's modelled IT draw exceeds its power budget. */
    record RackOverPower(String rackName, double modelledWatts, double budgetWatts) implements Note {
        @Override
        public String text() {
            return String.format(Locale.ROOT, "%s: modelled %.1f kW exceeds its %.1f kW power budget", rackName, modelledWatts / 1000,
                    budgetWatts / 1000);
        }
    }

    /** A rack's modelled heat exceeds its cooling capacity. */
    record RackOverCooling(String rackName, double modelledWatts, double capacityWatts) implements Note {
        @Override
        public String text() {
            return String.format(Locale.ROOT, "%s: modelled heat %.1f kW exceeds its %.1f kW cooling", rackName, modelledWatts / 1000,
                    capacityWatts / 1000);
        }
    }

    /**
     * An SRAM-resident layout's time per output token in its parts: the SRAM reads of the pipeline
     * stages in turn, their compute, the chip-to-chip hops and the engine's fixed overheads.
     *
     * @param chips            chips in one replica (tp × pp)
     * @param weightBytesPerChip weights each chip holds in its SRAM
     * @param sramBytesPerSecond one chip's SRAM bandwidth (peak)
     * @param sramSeconds      per token: time the stages are limited by SRAM reads (weights and KV), all stages in turn
     * @param computeSeconds   per token: time limited by compute
     * @param allReduces       tensor-parallel all-reduces per token (two per layer when tp &gt; 1)
     * @param hops             chip-to-chip hops per token: all-reduce hops plus one per stage
     * @param hopSeconds       latency of one hop
     * @param linkBytesPerSecond link bandwidth per chip and direction
     * @param linkSeconds      per token: hop latencies plus transfer time on the links
     * @param overheadSeconds  per token: engine step and per-sequence overheads
     * @param tpotSeconds      the time per output token these add up to (divided by the acceptance length when speculating)
     * @param speculation      the speculative decoding's label ("off" when none)
     * @param acceptanceLength tokens each step emits per user (1 without speculation): the parts are one step's, TPOT = step ÷ this
     */
    record SramToken(int chips, int tp, int pp, double weightBytesPerChip, double sramBytesPerSecond, double sramSeconds,
                     double computeSeconds, int allReduces, int hops, double hopSeconds, double linkBytesPerSecond,
                     double linkSeconds, double overheadSeconds, double tpotSeconds, String speculation,
                     double acceptanceLength) implements Note {
        @Override
        public String text() {
            return String.format(Locale.ROOT, "SRAM-resident layout, %,d chips per replica (%d pipeline stages × tensor split %d), "
                            + "%,.0f MB of weights per chip: per token, %,.0f µs in operators bound by SRAM reads (each stage reads its slice at %,.0f TB/s, "
                            + "the stages in turn), %,.0f µs in compute-bound ones, chip-to-chip %,.0f µs (%,d hops of %.1f µs: %,d all-reduces × %d hops "
                            + "+ %,d stage hops; links %,.0f GB/s per direction), engine overheads %,.0f µs; %sTPOT %.2f ms = %,.0f tokens/s per user",
                    chips, pp, tp, weightBytesPerChip / 1e6, sramSeconds * 1e6, sramBytesPerSecond / 1e12, computeSeconds * 1e6,
                    linkSeconds * 1e6, hops, hopSeconds * 1e6, allReduces, io.tokenrack.engine.perf.ChipToChip.ALL_REDUCE_HOPS,
                    pp > 1 ? pp : 0, linkBytesPerSecond / 1e9, overheadSeconds * 1e6,
                    acceptanceLength > 1 ? String.format(Locale.ROOT, "these are one verify step (%s), which emits %.2f tokens per user, so ",
                            speculation, acceptanceLength) : "",
                    tpotSeconds * 1e3, 1 / tpotSeconds);
        }
    }

    /**
     * SRAM chips with DRAM beside them (the LPX rack's DDR5) serve more requests than their SRAM holds:
     * the KV cache of the rest is read from the DRAM, far slower than SRAM.
     *
     * @param inSram              requests per replica whose KV the SRAM left by the weights holds
     * @param served              requests per replica served
     * @param dramBytesPerSecond  the DRAM's bandwidth per chip
     */
    record KvInDram(int inSram, double served, double dramBytesPerSecond) implements Note {
        @Override
        public String text() {
            return String.format(Locale.ROOT, "KV cache beyond SRAM: the chips' SRAM holds the KV of %,d requests per replica; the other %,.0f "
                    + "are read from the DRAM beside the chips at %,.1f GB/s per chip (an assumed figure), thousands of times slower than SRAM", inSram,
                    Math.max(0, served - inSram), dramBytesPerSecond / 1e9);
        }
    }

    /**
     * Attention–FFN disaggregation: which accelerators run attention (with the KV cache) and which
     * the FFN, the ratio, and one offloaded layer's time in its parts against the same layer run
     * aggregated on the attention accelerators.
     *
     * @param attentionAccelerators accelerators running attention (the rest of their kind idle)
     * @param ffnAccelerators       accelerators holding an offloaded layer's FFN
     * @param offloadedLayers       FFN layers moved to the FFN pool (as many as its memory holds)
     * @param layersThatFit         FFN layers the FFN pool's memory could hold at most
     * @param ffnLayers             FFN layers of the model
     * @param chipsPerLayer         FFN accelerators per offloaded layer
     * @param attentionSeconds      attention of one layer for one micro-batch
     * @param ffnSeconds            FFN of one layer for one micro-batch (all attention replicas' tokens)
     * @param sendSeconds           activations to the FFN pool, one layer, one micro-batch
     * @param returnSeconds         results back
     * @param layerSeconds          one offloaded layer with the micro-batches overlapped
     * @param aggregatedLayerSeconds the same layer's attention and FFN on the attention accelerators alone
     * @param tpotSeconds           time per output token with AFD
     * @param aggregatedTpotSeconds time per output token without
     */
    record AttentionFfn(String attentionAcceleratorId, int attentionAccelerators, int attentionPool, String ffnAcceleratorId,
                        int ffnAccelerators, int ffnPool, int offloadedLayers, int layersThatFit, int ffnLayers, int chipsPerLayer, int microBatches,
                        double attentionSeconds, double ffnSeconds, double sendSeconds, double returnSeconds, double layerSeconds,
                        double aggregatedLayerSeconds, double tpotSeconds, double aggregatedTpotSeconds) implements Note {
        /** GPU share of the accelerators serving: attention / (attention + FFN). */
        public double attentionShare() {
            return (double) attentionAccelerators / (attentionAccelerators + ffnAccelerators);
        }

        @Override
        public String text() {
            if (offloadedLayers == 0) {
                return String.format(Locale.ROOT, "attention–FFN disaggregation does not pay here: moving the FFN of any of the %d layers the "
                                + "%,d %s hold would slow each token, so %,d of %,d %s serve alone and the %s idle (TPOT %.2f ms)",
                        layersThatFit, ffnPool, ffnAcceleratorId, attentionAccelerators, attentionPool, attentionAcceleratorId, ffnAcceleratorId,
                        tpotSeconds * 1e3);
            }
            return String.format(Locale.ROOT, "attention–FFN disaggregation: %,d of %,d %s run attention and hold the KV cache, %,d of %,d %s "
                            + "run the FFN of %d of %d layers (%d chips per layer; their memory holds %d layers at most), %.0f%%:%.0f%% of the chips serving, "
                            + "%d micro-batch%s; one offloaded layer %,.1f µs (attention %,.1f, send %,.1f, FFN %,.1f, return %,.1f µs per micro-batch) "
                            + "against %,.1f µs on the %s alone; TPOT %.2f ms (%.2f ms without)",
                    attentionAccelerators, attentionPool, attentionAcceleratorId, ffnAccelerators, ffnPool, ffnAcceleratorId, offloadedLayers,
                    ffnLayers, chipsPerLayer, layersThatFit, 100 * attentionShare(), 100 * (1 - attentionShare()), microBatches, microBatches == 1 ? "" : "es",
                    layerSeconds * 1e6, attentionSeconds * 1e6, sendSeconds * 1e6, ffnSeconds * 1e6, returnSeconds * 1e6,
                    aggregatedLayerSeconds * 1e6, attentionAcceleratorId, tpotSeconds * 1e3, aggregatedTpotSeconds * 1e3);
        }
    }
}
