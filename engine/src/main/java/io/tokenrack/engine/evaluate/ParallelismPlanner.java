package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.perf.Device;
import io.tokenrack.engine.perf.Fabric;
import io.tokenrack.engine.perf.ModelConstants;
import io.tokenrack.engine.perf.ModelShape;
import io.tokenrack.engine.perf.ServingModel;
import io.tokenrack.engine.perf.StepModel;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Workload;
import java.util.ArrayList;
import java.util.List;

/**
 * The parallel layouts worth trying on a cluster: the user's, checked, or, when none is given,
 * tensor parallelism inside the scale-up domain, attention-DP with expert parallelism for MoE
 * models, and pipeline stages only when the weights do not fit otherwise.
 */
final class ParallelismPlanner {
    private ParallelismPlanner() {}

    static List<Plan> plans(Cluster cluster, ModelSpec model, ModelShape shape, Workload w, ModelConstants k, Batching batching) {
        return plans(cluster, model, shape, w, k, batching, 1);
    }

    /**
     * As above, on accelerators whose core clock runs at {@code clockFraction} of Max-P (a power cap,
     * {@link io.tokenrack.engine.power.OperatingPoint#clockFraction}): their math peaks scale by it,
     * memory bandwidth does not.
     */
    static List<Plan> plans(Cluster cluster, ModelSpec model, ModelShape shape, Workload w, ModelConstants k, Batching batching,
            double clockFraction) {
        Device device = clocked(Device.of(cluster.accelerator()), clockFraction);
        Parallelism p = w.parallelism();
        List<Plan> out = new ArrayList<>();
        if (!p.isAuto()) {
            int tp = p.tp() == null ? 1 : p.tp();
            int pp = p.pp() == null ? 1 : p.pp();
            int dp = p.dp() == null ? 1 : p.dp();
            validate(cluster, model, tp, pp, dp, p.ep());
            out.add(plan(cluster, device, shape, w, k, tp, pp, dp, batching));
            return out;
        }
        if (device.sramResident()) {
            return SramLayouts.plans(cluster, device, model, shape, w, k, batching);
        }
        int n = cluster.accelerators();
        int domain = cluster.scaleUpDomain();
        boolean scaleOut = cluster.scaleOutBytesPerSecondPerAccelerator() > 0;
        int maxGroup = scaleOut ? n : Math.min(n, domain);
        for (int pp = 1; pp <= maxGroup && pp <= model.layers(); pp *= 2) {
            // a stage needs at least one layer: more stages than layers is no layout
            int before = out.size();
            for (int tp = 1; tp <= Math.min(domain, maxGroup / pp); tp *= 2) {
                if (model.attentionHeads() % tp != 0) {
                    continue;
                }
                int maxDp = model.moe() == null ? 1 : maxGroup / (tp * pp);
                for (int dp = 1; dp <= maxDp; dp = dp * 2 > maxDp && dp < maxDp ? maxDp : dp * 2) {
                    // Powers of two, then the whole remaining group (e.g. 72 on an NVL72).
                    Plan plan = plan(cluster, device, shape, w, k, tp, pp, dp, batching);
                    if (plan.serving().maxConcurrency() >= 1) {
                        out.add(plan);
                    }
                }
            }
            if (out.size() > before) {
                break; // pipeline stages only when fewer do not fit
            }
        }
        return out;
    }

    private static void validate(Cluster c, ModelSpec m, int tp, int pp, int dp, Integer ep) {
        // long: each degree may be up to a million, and their product must not wrap past the check
        long group = (long) tp * pp * dp;
        if (group > c.accelerators()) {
            throw new EvaluationException("tp × pp × dp = " + tp + " × " + pp + " × " + dp + " = " + group
                    + " exceeds the " + c.accelerators() + " accelerators");
        }
        if (m.attentionHeads() % tp != 0) {
            throw new EvaluationException("tp = " + tp + " does not divide the " + m.attentionHeads() + " attention heads of " + m.id());
        }
        if (pp > m.layers()) {
            throw new EvaluationException("pp = " + pp + " exceeds the " + m.layers() + " layers of " + m.id());
        }
        if (ep != null) {
            long expected = m.moe() == null ? 1 : (long) tp * dp;
            if (ep != expected) {
                throw new EvaluationException(m.moe() == null
                        ? "ep = " + ep + " needs a mixture-of-experts model; " + m.id() + " is dense"
                        : "ep must equal tp × dp = " + expected + " (experts are spread over every rank of a stage), was " + ep);
            }
        }
        if ((long) tp * dp > c.scaleUpDomain() && c.scaleOutBytesPerSecondPerAccelerator() == 0) {
            throw new EvaluationException("tp × dp = " + (long) tp * dp + " spans more than the scale-up domain of "
                    + (c.scaleUpDomain() == 1 ? "1 accelerator" : c.scaleUpDomain() + " accelerators") + " and the design has no scale-out network");
        }
        if (group > c.scaleUpDomain() && c.scaleOutBytesPerSecondPerAccelerator() == 0) {
            throw new EvaluationException("tp × pp × dp = " + group + " spans more than the scale-up domain of "
                    + (c.scaleUpDomain() == 1 ? "1 accelerator" : c.scaleUpDomain() + " accelerators") + " and the design has no scale-out network");
        }
    }

    /** {@code d} with its math peaks scaled by {@code f} (bandwidth and memory unchanged); {@code d} itself at f = 1. */
    static Device clocked(Device d, double f) {
        if (f == 1) {
            return d;
        }
        return new Device(d.id(), d.bf16FlopsPerSecond() * f, d.fp8FlopsPerSecond() * f, d.fp4FlopsPerSecond() * f,
                d.memBandwidthBytesPerSecond(), d.memoryBytes(), d.tdpWatts(), d.sramResident(), d.kvDramBytes(), d.kvDramBytesPerSecond());
    }

    static Plan plan(Cluster c, Device device, ModelShape shape, Workload w, ModelConstants k, int tp, int pp, int dp, Batching batching) {
        Fabric inside = device.sramResident() ? SramLayouts.tensorFabric(c, tp * dp, k) : fabric(c, tp * dp, k);
        Fabric stages = device.sramResident() ? SramLayouts.stageFabric(c, tp * dp * pp, k) : fabric(c, tp * dp * pp, k);
        StepModel step = new StepModel(shape, device, w.precision(), w.effectiveKvPrecision(), tp, pp, dp, inside, stages, k);
        if (inside.scaleOut() && tp * dp > c.scaleUpDomain() && c.scaleUpDomain() > 1 && c.accelerator().scaleUpBytesPerSecond() > 0) {
            // wide EP across domains: the all-to-all's share inside each domain rides the scale-up link
            step = step.withScaleUpInside(new Fabric(c.accelerator().scaleUpBytesPerSecond(), k.collectiveLatencyScaleUpSeconds(), false),
                    c.scaleUpDomain());
        }
        ServingModel serving = new ServingModel(step, k, w.inputTokens(), w.outputTokens(), batching, w.effectivePrefixHitRate());
        return new Plan(step, serving, c.accelerators() / (tp * pp * dp));
    }

    private static Fabric fabric(Cluster c, int span, ModelConstants k) {
        double scaleUp = c.accelerator().scaleUpBytesPerSecond();
        if (span <= c.scaleUpDomain() && scaleUp > 0) {
            return new Fabric(scaleUp, k.collectiveLatencyScaleUpSeconds(), false);
        }
        double out = c.scaleOutBytesPerSecondPerAccelerator();
        if (out > 0) {
            return new Fabric(out, k.collectiveLatencyScaleOutSeconds(), true);
        }
        // No link at all: only valid when nothing is sent (span 1); keep a finite stand-in.
        return new Fabric(Math.max(scaleUp, 1e9), k.collectiveLatencyScaleOutSeconds(), true);
    }
}
