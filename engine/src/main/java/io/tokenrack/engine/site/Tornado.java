package io.tokenrack.engine.site;

import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.SpeculationRequest;
import io.tokenrack.engine.perf.Speculation;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How much the headline moves when one input moves across its plausible range, all else held:
 * one bar per input, widest first (a tornado chart). See docs/site.md for the ranges.
 */
public final class Tornado {
    /** Electricity price from half to one and a half times the site's. */
    public static final double ELECTRICITY_LOW = 0.5;
    public static final double ELECTRICITY_HIGH = 1.5;
    /** PUE ± this much around the site's (never below 1). */
    public static final double PUE_SPAN = 0.1;
    /** Utilization from 50% to 90% of the hours. */
    public static final double UTILIZATION_LOW = 0.5;
    public static final double UTILIZATION_HIGH = 0.9;
    /** Hardware price from 80% to 130% of the catalog's (street prices are estimates). */
    public static final double HARDWARE_LOW = 0.8;
    public static final double HARDWARE_HIGH = 1.3;
    /**
     * Acceptance length ± this share of the chosen one (kept within 1 and k + 1): 15%, the spread of
     * published MTP acceptance lengths of different models around one curve (docs/model.md,
     * Speculative decoding: rms of ln 15%); the same model's AL moves with the prompts as much.
     */
    public static final double ACCEPTANCE_SPAN = 0.15;
    /** Prefix-hit rate ± this much around each workload's (kept in [0, 0.95]). */
    public static final double PREFIX_SPAN = 0.3;
    /**
     * The model's accuracy band on throughput: ± 10.3%, the median |error| of the calibrated
     * throughput model on its 105 public rows (docs/model.md, Calibration).
     */
    public static final double MODEL_ACCURACY_BAND = 0.103;

    private Tornado() {}

    /**
     * One input's bar: the headline at the input's low and high ends.
     *
     * @param available false when this build cannot vary the input (then the values equal the base)
     */
    public record Bar(String input, String lowLabel, String highLabel, Headline low, Headline high, boolean available, String note) {
        /** The widest swing of the three headline figures, relative to the base, for ordering. */
        double swing(Headline base) {
            return Math.max(Math.abs(high.tokensPerSecondPerMegawatt() - low.tokensPerSecondPerMegawatt()) / base.tokensPerSecondPerMegawatt(),
                    Math.abs(rel(high.usdPerMillionOutputTokens(), low.usdPerMillionOutputTokens(), base.usdPerMillionOutputTokens())));
        }

        private static double rel(double a, double b, double base) {
            double d = (a - b) / base;
            return Double.isFinite(d) ? d : 0;
        }
    }

    /** The three headline figures the tornado follows. */
    public record Headline(double tokensPerSecondPerMegawatt, double usdPerMillionOutputTokens, double paybackYears) {
        static Headline of(SitePlan p) {
            return new Headline(p.outputTokensPerSecondPerMegawatt(), p.usdPerMillionOutputTokens(), p.paybackYears());
        }
    }

    public record Result(Headline base, List<Bar> bars) {
        public Result {
            bars = List.copyOf(bars);
        }
    }

    public static Result of(SitePlanner planner, SiteDocument site, List<RackDesign> designs, List<UnitEvaluation> units) {
        return of(planner, site, units, s -> planner.evaluate(s, designs));
    }

    /**
     * As {@link #of(SitePlanner, SiteDocument, List, List)}, with the designs evaluated on a changed
     * mix by {@code evaluate} (which may keep what it evaluated: the app re-plans on every envelope change).
     */
    public static Result of(SitePlanner planner, SiteDocument site, List<UnitEvaluation> units,
                            java.util.function.Function<SiteDocument, List<UnitEvaluation>> evaluate) {
        SitePlan basePlan = planner.plan(site, units);
        Headline base = Headline.of(basePlan);
        List<Bar> bars = new ArrayList<>();
        double price = site.finance().apply(io.tokenrack.engine.evaluate.Assumptions.defaults(planner.evaluator().catalog().facility()))
                .electricityUsdPerKwh();
        bars.add(bar("electricity price", "$" + round(price * ELECTRICITY_LOW, 3) + "/kWh", "$" + round(price * ELECTRICITY_HIGH, 3) + "/kWh",
                planner.plan(financed(site, site.finance().withElectricityUsdPerKwh(price * ELECTRICITY_LOW)), units),
                planner.plan(financed(site, site.finance().withElectricityUsdPerKwh(price * ELECTRICITY_HIGH)), units)));
        double f = basePlan.facilityPerItWatt();
        double fLow = Math.max(1, f - PUE_SPAN);
        bars.add(bar("PUE", round(fLow, 2), round(f + PUE_SPAN, 2),
                planner.plan(site, units, new SitePlanner.Knobs(1, 1, fLow)),
                planner.plan(site, units, new SitePlanner.Knobs(1, 1, f + PUE_SPAN))));
        bars.add(bar("utilization", pct(UTILIZATION_LOW), pct(UTILIZATION_HIGH),
                planner.plan(financed(site, site.finance().withUtilization(UTILIZATION_LOW)), units),
                planner.plan(financed(site, site.finance().withUtilization(UTILIZATION_HIGH)), units)));
        bars.add(bar("hardware price", pct(HARDWARE_LOW), pct(HARDWARE_HIGH),
                planner.plan(site, units, new SitePlanner.Knobs(HARDWARE_LOW, 1, null)),
                planner.plan(site, units, new SitePlanner.Knobs(HARDWARE_HIGH, 1, null))));
        bars.add(acceptance(planner, site, units, base));
        SiteFinance fin = site.finance();
        double rate = fin.facilityCapexPerMegawatt();
        double rateLow = Math.min(rate, FacilityCapex.LOW_USD_PER_MW);
        double rateHigh = Math.max(rate, FacilityCapex.HIGH_USD_PER_MW);
        bars.add(bar("facility capex", "$" + round(rateLow / 1e6, 1) + " M/MW", "$" + round(rateHigh / 1e6, 1) + " M/MW",
                planner.plan(financed(site, fin.withFacilityCapexUsdPerMegawatt(rateLow)), units),
                planner.plan(financed(site, fin.withFacilityCapexUsdPerMegawatt(rateHigh)), units)));
        List<MixEntry> low = new ArrayList<>();
        List<MixEntry> high = new ArrayList<>();
        for (MixEntry m : site.workloads()) {
            double h = m.workload().effectivePrefixHitRate();
            low.add(m.withWorkload(m.workload().withPrefixHitRate(Math.max(0, h - PREFIX_SPAN))));
            high.add(m.withWorkload(m.workload().withPrefixHitRate(Math.min(0.95, h + PREFIX_SPAN))));
        }
        SiteDocument lowSite = site.withWorkloads(low);
        SiteDocument highSite = site.withWorkloads(high);
        bars.add(bar("prefix-hit rate", hits(low), hits(high),
                planner.plan(lowSite, evaluate.apply(lowSite)),
                planner.plan(highSite, evaluate.apply(highSite))));
        bars.add(bar("model accuracy band", "throughput −" + pct(MODEL_ACCURACY_BAND), "throughput +" + pct(MODEL_ACCURACY_BAND),
                planner.plan(site, units, new SitePlanner.Knobs(1, 1 - MODEL_ACCURACY_BAND, null)),
                planner.plan(site, units, new SitePlanner.Knobs(1, 1 + MODEL_ACCURACY_BAND, null))));
        bars.sort(Comparator.comparingDouble((Bar b) -> -b.swing(base)));
        return new Result(base, bars);
    }

    /** Each workload's prefix-hit rate: "chat 0%, agentic coding 50%". */
    private static String hits(List<MixEntry> mix) {
        return String.join(", ", mix.stream().map(m -> m.name() + " " + pct(m.workload().effectivePrefixHitRate())).toList());
    }

    /**
     * The acceptance length of every speculating workload ± {@link #ACCEPTANCE_SPAN}, its method and
     * depth held; the designs re-evaluated (the serving search may then pick another mode). Not
     * available when no design speculates on any workload.
     */
    private static Bar acceptance(SitePlanner planner, SiteDocument site, List<UnitEvaluation> units, Headline base) {
        List<String> lowLabels = new ArrayList<>();
        List<String> highLabels = new ArrayList<>();
        List<UnitEvaluation> low = new ArrayList<>();
        List<UnitEvaluation> high = new ArrayList<>();
        io.tokenrack.engine.evaluate.Assumptions a = planner.assumptions(site);
        for (UnitEvaluation u : units) {
            SpeculationRequest[] lo = new SpeculationRequest[u.results().size()];
            SpeculationRequest[] hi = new SpeculationRequest[u.results().size()];
            boolean any = false;
            for (int j = 0; j < lo.length; j++) {
                lo[j] = SpeculationRequest.AUTO;
                hi[j] = SpeculationRequest.AUTO;
                if (u.results().get(j) instanceof Evaluation.Ok e && !e.plan().speculation().isOff()) {
                    Speculation s = e.plan().speculation();
                    int k = s.draftTokens();
                    double l = Math.clamp(s.acceptanceLength() * (1 - ACCEPTANCE_SPAN), 1, k + 1);
                    double h = Math.clamp(s.acceptanceLength() * (1 + ACCEPTANCE_SPAN), 1, k + 1);
                    SpeculationRequest fixed = new SpeculationRequest(s.method(), k, s.draftModelId(), null);
                    lo[j] = fixed.withAcceptanceLength(l);
                    hi[j] = fixed.withAcceptanceLength(h);
                    addOnce(lowLabels, s.label() + " AL " + round(l, 2));
                    addOnce(highLabels, s.label() + " AL " + round(h, 2));
                    any = true;
                }
            }
            if (!any) {
                low.add(u);
                high.add(u);
                continue;
            }
            low.add(planner.evaluateUnit(u.entry(), u.design(), site.workloads(), a, j -> lo[j]));
            high.add(planner.evaluateUnit(u.entry(), u.design(), site.workloads(), a, j -> hi[j]));
        }
        if (lowLabels.isEmpty()) {
            return new Bar("acceptance length", "–", "–", base, base, false,
                    "no design speculates on any workload at its SLO (speculation off is best, or the model ships no draft): nothing to vary");
        }
        return bar("acceptance length", String.join(", ", lowLabels), String.join(", ", highLabels), planner.plan(site, low),
                planner.plan(site, high));
    }

    private static void addOnce(List<String> labels, String label) {
        if (!labels.contains(label)) {
            labels.add(label);
        }
    }

    private static SiteDocument financed(SiteDocument site, SiteFinance f) {
        return site.withFinance(f);
    }

    private static Bar bar(String input, String lo, String hi, SitePlan low, SitePlan high) {
        return new Bar(input, lo, hi, Headline.of(low), Headline.of(high), true, "");
    }

    private static String pct(double f) {
        return Math.round(f * 1000) / 10.0 + "%";
    }

    private static String round(double v, int digits) {
        return new java.math.BigDecimal(v).setScale(digits, java.math.RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }
}
