package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.perf.ChipToChip;
import io.tokenrack.engine.perf.Device;
import io.tokenrack.engine.perf.Fabric;
import io.tokenrack.engine.perf.ModelConstants;
import io.tokenrack.engine.perf.ModelShape;
import io.tokenrack.engine.perf.StepTime;
import io.tokenrack.engine.workload.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * Layouts for SRAM-resident chips, whose few hundred megabytes each hold a sliver of a model: the
 * layers are spread over pipeline stages (several layers per chip, or one) and, when there are more
 * chips than layers, each stage's layers are split over a tensor-parallel group of chips (several
 * chips per layer). Every (tp, pp) whose weights and one request's KV fit is tried; the evaluator
 * keeps the best. Chips talk over chip-to-chip links ({@link ChipToChip}): inside a scale-up domain,
 * or anywhere when the catalog gives no domain (GroqChip's links reach every chip of a system).
 */
final class SramLayouts {
    private SramLayouts() {}

    static List<Plan> plans(Cluster c, Device device, ModelSpec model, ModelShape shape, Workload w, ModelConstants k, Batching batching) {
        int n = c.accelerators();
        List<Plan> out = new ArrayList<>();
        for (int tp = 1; tp <= Math.min(n, model.attentionHeads()); tp *= 2) {
            if (model.attentionHeads() % tp != 0) {
                continue;
            }
            int maxPp = Math.min(model.layers(), n / tp);
            for (int pp = 1; pp <= maxPp; pp++) {
                Plan plan = ParallelismPlanner.plan(c, device, shape, w, k, tp, pp, 1, batching);
                if (plan.serving().maxConcurrency() >= 1) {
                    out.add(plan);
                }
            }
        }
        return out;
    }

    /**
     * Link bandwidth per chip and direction: the catalog's scale-up figure, else the scale-out NIC's,
     * else (no rate published and no NIC in the design, as for GroqChip's chip-to-chip links) the
     * stand-in {@link ClusterFactory} assumes for a server without a NIC: one 400 Gb/s port per chip.
     */
    static double linkBytesPerSecond(Cluster c) {
        double up = c.accelerator().scaleUpBytesPerSecond();
        double out = c.scaleOutBytesPerSecondPerAccelerator();
        return up > 0 ? up : out > 0 ? out : ClusterFactory.ASSUMED_SCALE_OUT_GBPS_PER_ACCELERATOR * 1e9 / 8;
    }

    /** The assumed value a multi-chip layout rests on when neither the catalog nor the design gives a link rate. */
    static java.util.Optional<Note> assumedLink(Cluster c, int chips) {
        if (chips <= 1 || c.accelerator().scaleUpBytesPerSecond() > 0 || c.scaleOutBytesPerSecondPerAccelerator() > 0) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Note.AssumedValue(new Provenance(c.accelerator().name() + " chip-to-chip link",
                Evaluator.plain(ClusterFactory.ASSUMED_SCALE_OUT_GBPS_PER_ACCELERATOR) + " Gb/s per chip", Provenance.Kind.ASSUMPTION,
                "no link rate is published and the design lists no NIC: one 400 Gb/s port per chip, as for a server without one")));
    }

    /**
     * The note for requests whose KV cache lies beyond the chips' SRAM, in the DRAM beside it (LPX DDR5),
     * when the replica serves more of them than its SRAM holds; empty otherwise.
     */
    static java.util.Optional<Note> kvInDram(Plan plan, double concurrencyPerReplica) {
        Device d = plan.step().device();
        int own = plan.serving().ownMemoryConcurrency();
        if (d.kvDramBytes() <= 0 || concurrencyPerReplica <= own) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new Note.KvInDram(own, concurrencyPerReplica, d.kvDramBytesPerSecond()));
    }

    /** Whether a group of {@code span} chips talks over chip-to-chip links (not over Ethernet between racks). */
    private static boolean chipToChip(Cluster c, int span) {
        return span <= c.scaleUpDomain() || c.accelerator().scaleUpBytesPerSecond() == 0;
    }

    static Fabric tensorFabric(Cluster c, int span, ModelConstants k) {
        double link = Math.max(linkBytesPerSecond(c), 1e9); // span 1 sends nothing: a finite stand-in
        return chipToChip(c, span) ? ChipToChip.tensorGroup(link) : new Fabric(link, k.collectiveLatencyScaleOutSeconds(), true);
    }

    static Fabric stageFabric(Cluster c, int span, ModelConstants k) {
        double link = Math.max(linkBytesPerSecond(c), 1e9);
        return chipToChip(c, span) ? ChipToChip.stageHop(link) : new Fabric(link, k.collectiveLatencyScaleOutSeconds(), true);
    }

    /** Why a token takes as long as it does on this layout, in its parts (the note of an SRAM-resident evaluation). */
    static Note.SramToken explain(Plan plan, StepTime stage, double tpotSeconds, int layers, double linkBytesPerSecond) {
        var step = plan.step();
        int pp = step.pp();
        int tp = step.tp();
        int allReduces = tp > 1 ? 2 * layers : 0;
        int hops = allReduces * ChipToChip.ALL_REDUCE_HOPS + (pp > 1 ? pp : 0);
        return new Note.SramToken(step.groupSize(), tp, pp, step.weightBytesPerAccelerator(),
                step.device().memBandwidthBytesPerSecond(), pp * stage.memoryBoundSeconds(), pp * stage.computeBoundSeconds(),
                allReduces, hops, ChipToChip.HOP_SECONDS, linkBytesPerSecond,
                pp * stage.secondsByClass()[io.tokenrack.engine.perf.OperatorClass.COMMUNICATION.ordinal()],
                pp * stage.secondsByClass()[io.tokenrack.engine.perf.OperatorClass.OVERHEAD.ordinal()], tpotSeconds,
                plan.serving().speculation().label(), plan.serving().speculation().acceptanceLength());
    }
}
