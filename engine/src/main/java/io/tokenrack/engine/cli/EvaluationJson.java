package io.tokenrack.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Note;
import io.tokenrack.engine.evaluate.PhaseBreakdown;
import io.tokenrack.engine.evaluate.Provenance;
import io.tokenrack.engine.evaluate.RackDraw;
import io.tokenrack.engine.evaluate.ServingPlan;
import io.tokenrack.engine.evaluate.Throughput;

/** The JSON form of an {@link Evaluation}: the CLI contract. Numbers that are unknown are null, never NaN. */
final class EvaluationJson {
    private EvaluationJson() {}

    static ObjectNode of(Evaluation.Ok e) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("status", e.status().name());
        o.put("acceleratorId", e.acceleratorId());
        o.put("modelId", e.modelId());
        o.put("accelerators", e.accelerators());
        ServingPlan plan = e.plan();
        Throughput t = e.throughput();
        o.put("acceleratorsUsed", plan.acceleratorsUsed());
        o.put("replicas", plan.replicas());
        num(o, "outputTokensPerSecond", t.outputTokensPerSecond());
        num(o, "inputTokensPerSecond", t.inputTokensPerSecond());
        num(o, "outputTokensPerSecondPerAccelerator", t.outputTokensPerSecondPerAccelerator());
        num(o, "totalTokensPerSecondPerAccelerator", t.totalTokensPerSecondPerAccelerator());
        num(o, "tokensPerSecondPerUser", t.tokensPerSecondPerUser());
        num(o, "ttftSeconds", e.latency().ttftSeconds());
        num(o, "tpotSeconds", e.latency().tpotSeconds());
        if (Double.isFinite(plan.concurrency())) {
            o.put("concurrency", Math.round(plan.concurrency())); // requests in flight: a whole number
        } else {
            o.putNull("concurrency");
        }
        o.put("maxConcurrency", plan.maxConcurrency());
        ObjectNode p = o.putObject("parallelism");
        p.put("tp", plan.parallelism().tp());
        p.put("pp", plan.parallelism().pp());
        p.put("ep", plan.parallelism().ep());
        p.put("dp", plan.parallelism().dp());
        ServingJson.split(o, plan.split(), e.acceleratorId());
        num(o, "weightBytesPerAccelerator", e.memory().weightBytesPerAccelerator());
        num(o, "kvCacheBytesPerAccelerator", e.memory().kvCacheBytesPerAccelerator());
        num(o, "acceleratorPowerWatts", e.power().acceleratorWatts());
        num(o, "hostPowerWatts", e.power().hostWatts());
        // unknown when no network item with a figure was counted and some have none (null, never a guessed 0)
        num(o, "networkPowerWatts", e.networkPowerIncomplete() && e.power().networkWatts() == 0 ? Double.NaN : e.power().networkWatts());
        o.put("networkPowerComplete", !e.networkPowerIncomplete());
        num(o, "itPowerWatts", e.power().itWatts());
        num(o, "coolingOverheadWatts", e.power().coolingOverheadWatts());
        num(o, "facilityPowerWatts", e.power().facilityWatts());
        num(o, "pue", e.power().pue());
        PowerText.json(o, e.power(), e.networkPowerIncomplete() && e.power().networkWatts() == 0 ? Double.NaN : e.power().networkWatts());
        num(o, "outputTokensPerJoule", e.efficiency().outputTokensPerJoule());
        num(o, "outputTokensPerJouleFacility", e.efficiency().outputTokensPerJouleFacility());
        num(o, "tokensPerSecondPerProvisionedMW", e.efficiency().tokensPerSecondPerProvisionedMW());
        num(o, "usdPerHour", e.cost().totalUsdPerHour());
        num(o, "usdPerAcceleratorHour", e.cost().usdPerAcceleratorHour());
        num(o, "usdPerMillionOutputTokens", e.cost().usdPerMillionOutputTokens());
        num(o, "usdPerMillionInputTokens", e.cost().usdPerMillionInputTokens());
        o.put("bottleneck", e.bottleneck().name());
        ServingJson.speculative(o, plan.speculation());
        ArrayNode racks = o.putArray("racks"); // a design's racks: each one's modelled draw against its limits
        for (RackDraw r : e.racks()) {
            ObjectNode x = racks.addObject();
            x.put("rackId", r.rackId());
            x.put("name", r.name());
            x.put("accelerators", r.accelerators());
            num(x, "itPowerWatts", r.itWatts());
            num(x, "powerBudgetWatts", r.powerBudgetWatts());
            num(x, "coolingCapacityWatts", r.coolingCapacityWatts());
        }
        ArrayNode phases = o.putArray("phases");
        for (PhaseBreakdown ph : e.phases()) {
            ObjectNode x = phases.addObject();
            x.put("phase", ph.phase().label());
            num(x, "stepSeconds", ph.stepSeconds());
            x.put("bound", ph.bound().name());
            ObjectNode shares = x.putObject("shares");
            for (PhaseBreakdown.Share s : ph.shares()) {
                num(shares, s.operatorClass().name(), s.fraction());
            }
        }
        serving(o, e);
        ArrayNode notes = o.putArray("notes");
        e.notes().forEach(n -> notes.add(n.text()));
        ArrayNode prov = o.putArray("provenance");
        for (Provenance pr : e.provenance()) {
            ObjectNode x = prov.addObject();
            x.put("label", pr.label());
            x.put("value", pr.value());
            x.put("kind", pr.kind().name());
            x.put("status", pr.status().name()); // what the figure is, or why it is missing (NOT_PUBLISHED, NOT_MEASURED, NOT_COUNTED)
            x.put("source", pr.source());
        }
        return o;
    }

    /** {@code serving}: how the design serves; with attention–FFN disaggregation, its two pools and the ratio. */
    static void serving(ObjectNode o, Evaluation.Ok e) {
        ObjectNode s = o.has("serving") ? (ObjectNode) o.get("serving") : o.putObject("serving");
        var afd = e.notes().stream().filter(Note.AttentionFfn.class::isInstance).map(Note.AttentionFfn.class::cast).findFirst();
        if (afd.isEmpty()) {
            if (!s.has("mode")) {
                s.put("mode", "aggregated");
            }
            return;
        }
        Note.AttentionFfn a = afd.get();
        s.put("mode", "afd");
        var split = e.plan().split();
        boolean pools = split.disaggregated();
        // with prefill/decode pools, the split's prefill pool prefills; without, the attention accelerators do; each decode step runs on both pools
        s.put("prefillAccelerators", pools ? split.prefillAccelerators() : a.attentionAccelerators());
        s.put("decodeAccelerators", a.attentionAccelerators() + a.ffnAccelerators());
        s.put("prefillDecodePools", pools);
        s.put("prefillAcceleratorId", a.attentionAcceleratorId());
        s.put("attentionAcceleratorId", a.attentionAcceleratorId());
        s.put("attentionAccelerators", a.attentionAccelerators());
        s.put("ffnAcceleratorId", a.ffnAcceleratorId());
        s.put("ffnAccelerators", a.ffnAccelerators());
        num(s, "attentionShare", a.attentionShare());
        s.put("offloadedLayers", a.offloadedLayers());
        s.put("ffnLayers", a.ffnLayers());
        s.put("microBatches", a.microBatches());
        num(s, "offloadedLayerSeconds", a.layerSeconds());
        num(s, "aggregatedLayerSeconds", a.aggregatedLayerSeconds());
        num(s, "aggregatedTpotSeconds", a.aggregatedTpotSeconds());
    }

    static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
