package io.tokenrack.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.PhaseBreakdown;
import io.tokenrack.engine.evaluate.Provenance;

/** The JSON form of an {@link Evaluation}: the CLI contract. Numbers that are unknown are null, never NaN. */
final class EvaluationJson {
    private EvaluationJson() {}

    static ObjectNode of(Evaluation e) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("status", e.status().name());
        o.put("acceleratorId", e.acceleratorId());
        o.put("modelId", e.modelId());
        o.put("accelerators", e.accelerators());
        o.put("acceleratorsUsed", e.acceleratorsUsed());
        o.put("replicas", e.replicas());
        num(o, "outputTokensPerSecond", e.outputTokensPerSecond());
        num(o, "inputTokensPerSecond", e.inputTokensPerSecond());
        num(o, "outputTokensPerSecondPerAccelerator", e.outputTokensPerSecondPerAccelerator());
        num(o, "totalTokensPerSecondPerAccelerator", e.totalTokensPerSecondPerAccelerator());
        num(o, "tokensPerSecondPerUser", e.tokensPerSecondPerUser());
        num(o, "ttftSeconds", e.ttftSeconds());
        num(o, "tpotSeconds", e.tpotSeconds());
        if (Double.isFinite(e.concurrency())) {
            o.put("concurrency", Math.round(e.concurrency())); // requests in flight: a whole number
        } else {
            o.putNull("concurrency");
        }
        o.put("maxConcurrency", e.maxConcurrency());
        ObjectNode p = o.putObject("parallelism");
        p.put("tp", e.parallelism().tp());
        p.put("pp", e.parallelism().pp());
        p.put("ep", e.parallelism().ep());
        p.put("dp", e.parallelism().dp());
        num(o, "weightBytesPerAccelerator", e.weightBytesPerAccelerator());
        num(o, "kvCacheBytesPerAccelerator", e.kvCacheBytesPerAccelerator());
        num(o, "acceleratorPowerWatts", e.power().acceleratorWatts());
        num(o, "hostPowerWatts", e.power().hostWatts());
        // unknown when no network item with a figure was counted and some have none (null, never a guessed 0)
        num(o, "networkPowerWatts", e.networkPowerIncomplete() && e.power().networkWatts() == 0 ? Double.NaN : e.power().networkWatts());
        o.put("networkPowerComplete", !e.networkPowerIncomplete());
        num(o, "itPowerWatts", e.power().itWatts());
        num(o, "coolingOverheadWatts", e.power().coolingOverheadWatts());
        num(o, "facilityPowerWatts", e.power().facilityWatts());
        num(o, "pue", e.power().pue());
        num(o, "outputTokensPerJoule", e.outputTokensPerJoule());
        num(o, "outputTokensPerJouleFacility", e.outputTokensPerJouleFacility());
        num(o, "tokensPerSecondPerProvisionedMW", e.tokensPerSecondPerProvisionedMW());
        num(o, "usdPerHour", e.cost().totalUsdPerHour());
        num(o, "usdPerAcceleratorHour", e.cost().usdPerAcceleratorHour());
        num(o, "usdPerMillionOutputTokens", e.cost().usdPerMillionOutputTokens());
        num(o, "usdPerMillionInputTokens", e.cost().usdPerMillionInputTokens());
        o.put("bottleneck", e.bottleneck() == null ? null : e.bottleneck().name());
        ArrayNode phases = o.putArray("phases");
        for (PhaseBreakdown ph : e.phases()) {
            ObjectNode x = phases.addObject();
            x.put("phase", ph.phase());
            num(x, "stepSeconds", ph.stepSeconds());
            x.put("bound", ph.bound().name());
            ObjectNode shares = x.putObject("shares");
            for (PhaseBreakdown.Share s : ph.shares()) {
                num(shares, s.operatorClass().name(), s.fraction());
            }
        }
        ArrayNode notes = o.putArray("notes");
        e.notes().forEach(notes::add);
        ArrayNode prov = o.putArray("provenance");
        for (Provenance pr : e.provenance()) {
            ObjectNode x = prov.addObject();
            x.put("label", pr.label());
            x.put("value", pr.value());
            x.put("kind", pr.kind().name());
            x.put("source", pr.source());
        }
        return o;
    }

    static void num(ObjectNode o, String key, double v) {
        if (Double.isFinite(v)) {
            o.put(key, v);
        } else {
            o.putNull(key);
        }
    }
}
