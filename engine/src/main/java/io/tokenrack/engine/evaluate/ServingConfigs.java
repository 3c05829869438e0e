package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.perf.ServingPoint;
import io.tokenrack.engine.workload.Parallelism;
import java.util.ArrayList;
import java.util.List;

/**
 * The serving configurations the frontier search tries, each scored cheaply (tokens/s per user,
 * output tokens/s per accelerator) before the few on the frontier are evaluated in full. Today:
 * aggregated serving over every parallel layout the planner offers × requests in flight on a
 * geometric grid, each layout once per speculative decoding the model supports (off and every
 * draft depth {@code auto} tries). Disaggregated pools would add their own generator here; a
 * candidate without a {@link Plan} is evaluated through {@link ServingConfig#applyTo}.
 */
final class ServingConfigs {
    private ServingConfigs() {}

    /**
     * A configuration and its two frontier coordinates.
     *
     * @param plan        the aggregated plan it runs on, or null when the evaluator must be asked with the configuration
     * @param perReplica  requests in flight per replica on {@code plan}
     */
    record Candidate(ServingConfig config, double tokensPerSecondPerUser, double outputTokensPerSecondPerAccelerator, Plan plan,
            double perReplica) {
        Candidate(ServingConfig config, double tokensPerSecondPerUser, double outputTokensPerSecondPerAccelerator) {
            this(config, tokensPerSecondPerUser, outputTokensPerSecondPerAccelerator, null, 0);
        }
    }

    /**
     * Aggregated serving: each plan at {@code perPlan} concurrencies per replica from 1 to the most that fit,
     * on a geometric grid, every replica busy.
     */
    static List<Candidate> aggregated(List<Plan> plans, int accelerators, boolean moe, int perPlan) {
        List<Candidate> out = new ArrayList<>(plans.size() * perPlan);
        for (Plan plan : plans) {
            aggregated(plan, accelerators, moe, perPlan, out);
        }
        return out;
    }

    static void aggregated(Plan plan, int accelerators, boolean moe, int perPlan, List<Candidate> out) {
        int max = plan.serving().maxConcurrency();
        if (max < 1 || plan.replicas() < 1) {
            return;
        }
        var s = plan.step();
        Parallelism p = new Parallelism(s.tp(), s.pp(), moe ? s.tp() * s.dp() : 1, s.dp());
        int last = 0;
        for (int i = 0; i < perPlan; i++) {
            double f = perPlan == 1 ? 1 : (double) i / (perPlan - 1);
            int c = Math.max(last + 1, (int) Math.round(Math.exp(f * Math.log(max))));
            if (c > max) {
                break;
            }
            last = c;
            long total = (long) c * plan.replicas();
            if (total > Integer.MAX_VALUE) {
                break;
            }
            ServingPoint sp = plan.serving().at(c);
            out.add(new Candidate(new ServingConfig(ServingConfig.Mode.AGGREGATED, p, plan.replicas(), (int) total,
                    plan.serving().speculation()), sp.tokensPerSecondPerUser(), sp.outputTokensPerSecond() * plan.replicas() / accelerators,
                    plan, c));
        }
    }
}
