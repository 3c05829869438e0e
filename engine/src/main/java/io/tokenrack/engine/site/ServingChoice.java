package io.tokenrack.engine.site;

import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Note;
import io.tokenrack.engine.evaluate.ServingSplit;
import io.tokenrack.engine.perf.Speculation;
import io.tokenrack.engine.workload.Parallelism;
import java.util.Locale;

/**
 * The serving configuration the engine chose for one workload on one design of a site: the mode
 * (aggregated, prefill/decode pools, attention–FFN pools), the layout, the speculative decoding and
 * the operating point it runs at.
 *
 * @param mode                 aggregated, disaggregated or afd
 * @param layout               the layout in words (both pools when disaggregated)
 * @param speculative          off, mtp:K, eagle:K or draft:MODEL:K
 * @param acceptanceLength     tokens per step per user (1 with speculation off)
 * @param requestsInFlight     per unit
 */
public record ServingChoice(String workload, String design, String mode, String layout, String speculative, double acceptanceLength,
                            double requestsInFlight, double tokensPerSecondPerUser) {

    static ServingChoice of(String workload, String design, Evaluation.Ok e) {
        Speculation s = e.plan().speculation();
        ServingSplit split = e.plan().split();
        String mode = split.disaggregated() ? "disaggregated" : "aggregated";
        String layout = layout(e.plan().parallelism());
        for (Note n : e.notes()) {
            if (n instanceof Note.AttentionFfn a) {
                mode = "afd";
                layout = String.format(Locale.ROOT, "attention on %,d × %s, FFN of %d of %d layers on %,d × %s", a.attentionPool(),
                        a.attentionAcceleratorId(), a.offloadedLayers(), a.ffnLayers(), a.ffnPool(), a.ffnAcceleratorId());
            }
        }
        if (split.disaggregated()) {
            layout = String.format(Locale.ROOT, "%dP%dD: prefill %d accelerators (%s), decode %d (%s)", split.prefillReplicas(),
                    split.decodeReplicas(), split.prefillAccelerators(), layout(split.prefillParallelism()), split.decodeAccelerators(),
                    layout(split.decodeParallelism()));
        }
        return new ServingChoice(workload, design, mode, layout, s.label(), s.isOff() ? 1 : s.acceptanceLength(), e.plan().concurrency(),
                e.throughput().tokensPerSecondPerUser());
    }

    private static String layout(Parallelism p) {
        return String.format(Locale.ROOT, "tp %d, pp %d, ep %d, dp %d", p.tp(), p.pp(), p.ep(), p.dp());
    }

    /** "chat on GB200 NVL72: aggregated, tp 1, pp 1, ep 72, dp 72, speculative mtp:2 (AL 2.58); 3,265 requests in flight per unit, 50.0 tokens/s per user". */
    public String words() {
        return String.format(Locale.ROOT, "%s on %s: %s, %s, speculative %s; %,.0f requests in flight per unit, %.1f tokens/s per user",
                workload, design, mode, layout, speculative.equals("off") ? "off" : speculative + String.format(Locale.ROOT, " (AL %.2f)",
                        acceptanceLength), requestsInFlight, tokensPerSecondPerUser);
    }
}
