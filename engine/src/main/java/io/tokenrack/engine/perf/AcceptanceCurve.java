package io.tokenrack.engine.perf;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Acceptance length AL(k): the mean tokens a sequence emits per verify step with k draft tokens,
 * the verified token included (docs/model.md, "Speculative decoding"). Draft token i is accepted
 * only if all before it were, with probability p_i given that, and p_i falls with depth:
 * <pre>
 *   AL(k) = 1 + Σ_{i=1..k} Π_{j=1..i} p_j,     p_j = a · d^(j−1)
 * </pre>
 * a is the first draft token's acceptance rate, d ≤ 1 how fast deeper drafts lose it (d = 1 is
 * the geometric curve Σ a^i). AL rises with k and never exceeds k + 1; it saturates when d &lt; 1.
 *
 * @param firstRate a, in (0, 1)
 * @param decay     d, in (0, 1]
 */
public record AcceptanceCurve(double firstRate, double decay) {

    /**
     * EAGLE-style draft heads, fitted on the published EAGLE points: InferenceX golden AL of
     * Kimi-K2.5 EAGLE3 (1.83 / 2.43 / 2.88 / 3.24 / 3.77 at k = 1, 2, 3, 4, 8) and MiniMax-M3 EAGLE3
     * (1.78 / 2.38 / 2.83 / 3.11 / 3.74), SGLang EAGLE (1.72 at k = 1, 2.4 at k = 3): rms log error 4.9%.
     */
    public static final AcceptanceCurve EAGLE = new AcceptanceCurve(0.765, 0.992);

    /**
     * MTP modules of a model that publishes no acceptance figures of its own, fitted on the InferenceX
     * golden AL of DeepSeek-V4-Pro (thinking and non-thinking), GLM-5.2 and Qwen3.5-397B MTP at k = 1,
     * 2, 3, 4, 8: rms log error 15% (the models differ: at k = 8 from 2.58 to 5.21).
     */
    public static final AcceptanceCurve MTP = new AcceptanceCurve(0.844, 0.912);

    /**
     * A separate draft model: an explicit assumption, the geometric curve with a = 0.7 (GenZ's default
     * acceptance rate; a vLLM log shows 0.675 of 4 speculative tokens accepted). No published AL of a
     * catalog draft–target pair is in the project's data.
     */
    public static final AcceptanceCurve DRAFT = new AcceptanceCurve(0.7, 1.0);

    private static final Map<List<Double>, AcceptanceCurve> FITTED = new ConcurrentHashMap<>();

    public AcceptanceCurve {
        if (!(firstRate > 0 && firstRate < 1)) {
            throw new IllegalArgumentException("acceptance rate must be in (0, 1), was " + firstRate);
        }
        if (!(decay > 0 && decay <= 1)) {
            throw new IllegalArgumentException("acceptance decay must be in (0, 1], was " + decay);
        }
    }

    /** AL with {@code k} draft tokens (k = 0: 1). */
    public double at(int k) {
        double sum = 1;
        double chain = 1;
        double p = firstRate;
        for (int i = 1; i <= k; i++) {
            chain *= p;
            sum += chain;
            p *= decay;
        }
        return sum;
    }

    /**
     * The curve closest to published acceptance lengths {@code al[i]} at draft depth i + 1, in the
     * least-squares sense on ln AL (a grid over a and d, refined). Fits are remembered.
     */
    public static AcceptanceCurve fit(List<Double> al) {
        if (al.isEmpty()) {
            throw new IllegalArgumentException("no acceptance lengths to fit");
        }
        return FITTED.computeIfAbsent(List.copyOf(al), AcceptanceCurve::search);
    }

    private static AcceptanceCurve search(List<Double> al) {
        double bestA = 0.5;
        double bestD = 1;
        double best = Double.POSITIVE_INFINITY;
        for (double step : new double[] {0.01, 0.001}) {
            double a0 = step == 0.01 ? 0.01 : Math.max(0.001, bestA - 0.01);
            double a1 = step == 0.01 ? 0.99 : Math.min(0.999, bestA + 0.01);
            double d0 = step == 0.01 ? 0.3 : Math.max(0.3, bestD - 0.01);
            double d1 = step == 0.01 ? 1.0 : Math.min(1.0, bestD + 0.01);
            for (double a = a0; a <= a1 + 1e-12; a += step) {
                for (double d = d0; d <= d1 + 1e-12; d += step) {
                    AcceptanceCurve c = new AcceptanceCurve(a, Math.min(1, d));
                    double err = 0;
                    for (int i = 0; i < al.size(); i++) {
                        double r = Math.log(c.at(i + 1) / al.get(i));
                        err += r * r;
                    }
                    if (err < best) {
                        best = err;
                        bestA = a;
                        bestD = Math.min(1, d);
                    }
                }
            }
        }
        return new AcceptanceCurve(Math.round(bestA * 1000) / 1000.0, Math.round(bestD * 1000) / 1000.0);
    }
}
