package io.tokenrack.engine.site;

import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Note;
import io.tokenrack.engine.evaluate.PowerDetail;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The spread of one unit's IT draw over time, from its phase mix: the unit is idle for the share of
 * the hours it is not used (1 − utilization); while busy it serves each workload for that workload's
 * share of its time, and within it runs either prefill-heavy or decode-heavy steps. Requests arrive
 * in bursts, so over a power meter's window (seconds) a unit sits in runs of one phase or the other,
 * not in the per-step average: each workload's busy time is split into a run at its prefill draw
 * and a run at its decode draw, in the shares that give its modelled steady draw as their mean.
 * Every accelerator in a unit is taken to be in the same state (its replicas share a scheduler and
 * a burst reaches them together): this makes the P90 an upper estimate. See docs/site.md.
 *
 * @param states draw and share of time, ascending by draw; the shares add up to 1
 */
public record PhaseMixPower(List<State> states) {
    /** The percentile a site is sized by under {@link RackPowerBasis#P90}. */
    public static final double P90 = 0.90;

    /** A state of the unit: its IT draw, W, and the share of all hours it spends there. */
    public record State(String name, double itWatts, double share) {}

    public PhaseMixPower {
        states = states.stream().sorted(Comparator.comparingDouble(State::itWatts)).toList();
    }

    /**
     * @param results      one per workload of the mix (only the {@link Evaluation.Ok} ones count)
     * @param timeShares   per workload, the share of the unit's busy time it serves it (adding up to 1 over the served ones)
     * @param utilization  share of the hours the unit is busy
     */
    public static PhaseMixPower of(List<String> names, List<Evaluation> results, double[] timeShares, double utilization) {
        List<State> out = new ArrayList<>();
        double idle = Double.NaN;
        for (int j = 0; j < results.size(); j++) {
            if (!(results.get(j) instanceof Evaluation.Ok e) || !(timeShares[j] > 0)) {
                continue;
            }
            double busy = utilization * timeShares[j];
            double it = e.power().itWatts();
            PowerDetail pd = e.power().detail();
            int used = e.plan().acceleratorsUsed();
            // the same unit with no work: its accelerators idle, hosts and network as while serving (an upper figure)
            double idleHere = pd == null ? Double.NaN
                    : it - e.power().acceleratorWatts() + e.accelerators() * pd.idleWattsPerAccelerator();
            idle = Double.isNaN(idle) ? idleHere : Math.min(idle, idleHere);
            double spread = pd == null ? 0 : pd.prefillWattsPerAccelerator() - pd.decodeWattsPerAccelerator();
            boolean pools = e.plan().split().disaggregated() || e.notes().stream().anyMatch(n -> n instanceof Note.AttentionFfn);
            if (pd == null || pools || !(spread > 1e-9) || used < 1) {
                // pools work at once (prefill/decode or attention/FFN), or no phase figures: the steady draw throughout
                out.add(new State(names.get(j), it, busy));
                continue;
            }
            double prefillShare = Math.clamp((pd.steadyWattsPerAccelerator() - pd.decodeWattsPerAccelerator()) / spread, 0, 1);
            out.add(new State(names.get(j) + " prefill", it + used * (pd.prefillWattsPerAccelerator() - pd.steadyWattsPerAccelerator()),
                    busy * prefillShare));
            out.add(new State(names.get(j) + " decode", it + used * (pd.decodeWattsPerAccelerator() - pd.steadyWattsPerAccelerator()),
                    busy * (1 - prefillShare)));
        }
        if (out.isEmpty()) {
            return new PhaseMixPower(List.of());
        }
        if (utilization < 1) {
            // no idle figure (no power detail): idle at the lowest busy draw, which never lowers a percentile
            double low = out.stream().mapToDouble(State::itWatts).min().orElse(0);
            out.add(new State("idle", Double.isNaN(idle) ? low : idle, 1 - utilization));
        }
        return new PhaseMixPower(out);
    }

    /** The draw the unit stays at or below for the share {@code q} of the hours, W. NaN with no states. */
    public double percentile(double q) {
        double total = states.stream().mapToDouble(State::share).sum();
        double acc = 0;
        for (State s : states) {
            acc += s.share();
            if (acc >= q * total - 1e-12) {
                return s.itWatts();
            }
        }
        return states.isEmpty() ? Double.NaN : states.getLast().itWatts();
    }

    /** The mean draw over all hours (idle included), W. */
    public double meanWatts() {
        double total = states.stream().mapToDouble(State::share).sum();
        return states.stream().mapToDouble(s -> s.itWatts() * s.share()).sum() / total;
    }

    /** The share of the hours the unit draws more than {@code watts}. */
    public double shareAbove(double watts) {
        double total = states.stream().mapToDouble(State::share).sum();
        return states.stream().filter(s -> s.itWatts() > watts * (1 + 1e-9)).mapToDouble(State::share).sum() / total;
    }
}
