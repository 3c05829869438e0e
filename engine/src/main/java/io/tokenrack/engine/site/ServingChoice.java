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
 * @param idle                 accelerators the mode leaves idle in words ("the 256 × lp30 idle": an attention–FFN unit
 *                             that moves no FFN layer, the GPUs alone serving best), null when none
 */
public record ServingChoice(String workload, String design, String mode, String layout, String speculative, double acceptanceLength,
                            double requestsInFlight, double tokensPerSecondPerUser, String idle) {

    /** The mode, and what it leaves idle: "afd (the 256 × lp30 idle: no FFN layer moved)". */
    public String modeInWords() {
        return idle == null ? mode : mode + " (" + idle + ")";
    }

    static ServingChoice of(String workload, String design, Evaluation.Ok e) {
        Speculation s = e.plan().speculation();
        ServingSplit split = e.plan().split();
        String mode = split.disaggregated() ? "disaggregated" : "aggregated";
        String layout = layout(e.plan().parallelism());
        String idle = null;
        if (split.disaggregated()) {
            layout = String.format(Locale.ROOT, "%dP%dD: prefill %d accelerators (%s), decode %d (%s)", split.prefillReplicas(),
                    split.decodeReplicas(), split.prefillAccelerators(), layout(split.prefillParallelism()), split.decodeAccelerators(),
                    layout(split.decodeParallelism()));
        }
        for (Note n : e.notes()) {
            if (n instanceof Note.AttentionFfn a) {
                mode = "afd";
                String ffn = ffn(a);
                if (a.offloadedLayers() == 0) {
                    idle = String.format(Locale.ROOT, "the %,d × %s idle: no FFN layer moved", a.ffnPool(), a.ffnAcceleratorId());
                }
                layout = split.disaggregated() ? layout + "; " + ffn
                        : String.format(Locale.ROOT, "attention on %,d × %s, %s", a.attentionPool(), a.attentionAcceleratorId(), ffn);
            }
        }
        return new ServingChoice(workload, design, mode, layout, s.label(), s.isOff() ? 1 : s.acceptanceLength(), e.plan().concurrency(),
                e.throughput().tokensPerSecondPerUser(), idle);
    }

    /**
     * Where the FFN layers run: "FFN of 7 of 60 layers on 238 of 256 × lp30"; with none moved (the
     * GPUs alone serve best), says that the FFN accelerators idle.
     */
    static String ffn(Note.AttentionFfn a) {
        if (a.offloadedLayers() == 0) {
            return String.format(Locale.ROOT, "no FFN layer moved: the %,d × %s idle (moving any would slow each token)", a.ffnPool(),
                    a.ffnAcceleratorId());
        }
        return String.format(Locale.ROOT, "FFN of %d of %d layers on %,d of %,d × %s", a.offloadedLayers(), a.ffnLayers(), a.ffnAccelerators(),
                a.ffnPool(), a.ffnAcceleratorId());
    }

    private static String layout(Parallelism p) {
        return String.format(Locale.ROOT, "tp %d, pp %d, ep %d, dp %d", p.tp(), p.pp(), p.ep(), p.dp());
    }

    /** "chat on GB200 NVL72: aggregated, tp 1, pp 1, ep 72, dp 72, speculative mtp:2 (AL 2.58); 3,265 requests in flight per unit, 50.0 tokens/s per user". */
    public String words() {
        return String.format(Locale.ROOT, "%s on %s: %s, %s, speculative %s; %,.0f requests in flight per unit, %.1f tokens/s per user",
                workload, design, idle == null ? mode : mode + " with the FFN accelerators idle", layout, speculative.equals("off") ? "off" : speculative + String.format(Locale.ROOT, " (AL %.2f)",
                        acceptanceLength), requestsInFlight, tokensPerSecondPerUser);
    }
}
