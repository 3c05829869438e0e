package io.tokenrack.app.results;

import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.FrontierPoint;
import io.tokenrack.engine.evaluate.ServingConfig;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Workload;
import java.util.ArrayList;
import java.util.List;

/** The "why" panel's account of the serving configuration the engine chose, in words. */
final class ServingWhy {
    private ServingWhy() {}

    static String explain(Evaluation.Ok e, Workload w, List<FrontierPoint> frontier) {
        ServingConfig c = ServingConfig.of(e);
        Parallelism p = c.parallelism();
        StringBuilder sb = new StringBuilder("Served ");
        if (c.mode() == ServingConfig.Mode.DISAGGREGATED) {
            // the pools' layouts and link are the steady-step line's; here what the choice is
            sb.append("disaggregated (").append(c.split().prefillReplicas()).append("P").append(c.split().decodeReplicas())
                    .append("D: a prefill pool and a decode pool, the KV cache moved between them), ")
                    .append(count(c.concurrency(), "request")).append(" in flight, ");
        } else {
            sb.append(c.mode() == ServingConfig.Mode.AGGREGATED ? "aggregated (each replica prefills and decodes)" : c.mode().label());
            sb.append(": ").append(layout(p)).append(", ").append(count(c.replicas(), "replica")).append(" on ")
                    .append(count(c.replicas() * p.tp() * p.pp() * p.dp(), "accelerator")).append(", ")
                    .append(count(c.concurrency(), "request")).append(" in flight, ");
        }
        sb.append(c.speculative().isOff() ? "no speculative decoding" : "speculative decoding " + c.speculative().label())
                .append(". ");
        sb.append(reason(e, w));
        if (frontier.size() >= 2) {
            FrontierPoint dense = frontier.getFirst();
            FrontierPoint fast = frontier.getLast();
            sb.append(" The frontier runs from ").append(Units.number(dense.outputTokensPerSecondPerAccelerator()))
                    .append(" tokens/s per accelerator at ").append(Units.number(dense.tokensPerSecondPerUser()))
                    .append(" tokens/s per user (").append(layout(dense.config().parallelism())).append(") to ")
                    .append(Units.number(fast.tokensPerSecondPerUser())).append(" tokens/s per user (")
                    .append(layout(fast.config().parallelism())).append(", ").append(count(fast.config().concurrency(), "request"))
                    .append(").");
        }
        return sb.toString();
    }

    /** Why this configuration: the most throughput, under the workload's targets if it has any. */
    private static String reason(Evaluation.Ok e, Workload w) {
        if (w == null) {
            return "";
        }
        List<String> targets = new ArrayList<>();
        if (w.minTokensPerSecondPerUser() != null) {
            targets.add("at least " + Units.number(w.minTokensPerSecondPerUser()) + " tokens/s per user");
        }
        if (w.ttftLimitMs() != null) {
            targets.add("TTFT within " + Units.number(w.ttftLimitMs()) + " ms");
        }
        if (w.tpotLimitMs() != null) {
            targets.add("TPOT within " + Units.number(w.tpotLimitMs()) + " ms");
        }
        String layoutChoice = w.parallelism().isAuto() ? "the layout" : "your layout";
        if (!w.isMaxConcurrency()) {
            return "Chosen as " + layoutChoice + " with the most output tokens/s for the " + count(w.concurrency(), "request")
                    + " asked" + (targets.isEmpty() ? "." : " (targets " + String.join(", ", targets) + ").");
        }
        if (targets.isEmpty()) {
            return w.parallelism().isAuto() ? "Chosen for the most output tokens/s: the best layout, each replica holding as many requests as fit."
                    : "Chosen for the most output tokens/s on your layout: each replica holds as many requests as fit.";
        }
        boolean met = e.notes().stream().noneMatch(n -> n instanceof io.tokenrack.engine.evaluate.Note.LimitsNotMet);
        String where = w.parallelism().isAuto() ? "over every layout" : "on your layout";
        return (met ? "Chosen as the most output tokens/s " + where + " that keeps " : "No configuration " + where + " keeps ")
                + String.join(", ", targets) + (met ? ": more requests in flight would be slower per user." : "; this is the closest.");
    }

    private static String layout(Parallelism p) {
        List<String> parts = new ArrayList<>();
        parts.add("tensor parallel " + p.tp());
        if (p.dp() > 1) {
            parts.add("attention data parallel " + p.dp());
        }
        if (p.ep() > 1) {
            parts.add("expert parallel " + p.ep());
        }
        if (p.pp() > 1) {
            parts.add(p.pp() + " pipeline stages");
        }
        return String.join(" × ", parts);
    }

    private static String count(long n, String noun) {
        return String.format(java.util.Locale.ROOT, "%,d %s", n, n == 1 ? noun : noun + "s");
    }
}
