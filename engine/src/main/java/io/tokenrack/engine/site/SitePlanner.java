package io.tokenrack.engine.site;

import io.tokenrack.engine.catalog.CoolingType;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.cost.CostModel;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.evaluate.ServingOptions;
import io.tokenrack.engine.evaluate.ServingSearch;
import io.tokenrack.engine.evaluate.SpeculationRequest;
import io.tokenrack.engine.perf.Batching;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Plans a site: evaluates each design once per workload of the mix ({@link #evaluate}), then
 * scales those numbers to the envelope ({@link #plan}), so a gigawatt of racks costs no more than
 * one rack. Pure; see docs/site.md for the arithmetic.
 */
public final class SitePlanner {
    /** Hours in a year (as {@link CostModel}). */
    static final double SECONDS_PER_YEAR = CostModel.HOURS_PER_YEAR * 3600;
    /**
     * Rack power per floor position for units given as "N accelerators in standard servers", liquid
     * cooled: 140 kW, the GB300 NVL72's 135 kW nominal / 142 kW budget (presets/designs/gb300-nvl72.json).
     * A TokenRack assumption used only to count floor positions.
     */
    public static final double LIQUID_RACK_WATTS = 140_000;
    /** As {@link #LIQUID_RACK_WATTS} for air-cooled servers: 30 kW, the room-air practical ceiling (presets/hardware/cooling.json). */
    public static final double AIR_RACK_WATTS = 30_000;

    private final Evaluator evaluator;
    private final Assumptions base;

    /** @param base the catalog's assumptions (the site's finance is applied on top) */
    public SitePlanner(Evaluator evaluator, Assumptions base) {
        this.evaluator = evaluator;
        this.base = base;
    }

    public Evaluator evaluator() {
        return evaluator;
    }

    /** Adjustments for what-if questions (the tornado): all 1 / null for the site as written. */
    public record Knobs(double capexScale, double throughputScale, Double facilityPerItWatt) {
        public static final Knobs NONE = new Knobs(1, 1, null);
    }

    /**
     * Each design of the site, evaluated on each workload. {@code designs} holds, for each entry of
     * {@code site.designs()} in order, its read design file (null for an accelerator entry).
     */
    public List<UnitEvaluation> evaluate(SiteDocument site, List<RackDesign> designs) {
        if (designs.size() != site.designs().size()) {
            throw new IllegalArgumentException("one design (or null) per entry: " + designs.size() + " for " + site.designs().size());
        }
        List<UnitEvaluation> out = new ArrayList<>();
        for (int i = 0; i < designs.size(); i++) {
            out.add(evaluateUnit(site.designs().get(i), designs.get(i), site.workloads(), site.finance().apply(base)));
        }
        return out;
    }

    /** One unit evaluated on each workload of {@code mix}, each served by the engine's best serving configuration. */
    public UnitEvaluation evaluateUnit(SiteDesign entry, RackDesign design, List<MixEntry> mix, Assumptions a) {
        return evaluateUnit(entry, design, mix, a, j -> SpeculationRequest.AUTO);
    }

    /**
     * As {@link #evaluateUnit(SiteDesign, RackDesign, List, Assumptions)}, with the speculative
     * decoding asked for per workload (index into {@code mix}): the tornado fixes the acceptance length.
     * Each workload is served the way {@code evaluate} serves it: {@link ServingSearch} with the
     * workload's own {@code serving} and {@code speculative} when it names them, else auto
     * (aggregated, prefill/decode pools or, for a design with two kinds of accelerators,
     * attention–FFN or prefill/decode pools, whichever serves the SLO better; speculation auto).
     */
    public UnitEvaluation evaluateUnit(SiteDesign entry, RackDesign design, List<MixEntry> mix, Assumptions a,
                                       java.util.function.IntFunction<SpeculationRequest> speculation) {
        UnitHardware hw;
        try {
            hw = UnitHardware.of(evaluator, entry, design);
        } catch (InputException e) {
            throw new InputException("designs: " + entry.label() + ": " + e.getMessage(), e);
        }
        ServingSearch search = new ServingSearch(evaluator);
        // the workloads in parallel (the engine is pure): a design with two kinds searches its pools for seconds
        List<Evaluation> results = java.util.stream.IntStream.range(0, mix.size()).parallel().mapToObj(j -> {
            MixEntry m = mix.get(j);
            try {
                // a workload may name its serving mode and speculative decoding (as a design's workload does for evaluate)
                ServingOptions options = m.workload().serving() == null ? ServingOptions.AUTO
                        : new ServingOptions(io.tokenrack.engine.evaluate.ServingMode.parse(m.workload().serving()), null, null, null);
                SpeculationRequest spec = speculation.apply(j);
                if (spec.isAuto() && m.workload().speculative() != null) {
                    spec = SpeculationRequest.parse(m.workload().speculative());
                }
                return hw.cluster() != null
                        ? search.evaluate(hw.cluster(), m.workload(), a, Batching.CONTINUOUS, options, spec)
                        : search.evaluate(design, m.workload(), a, Batching.CONTINUOUS, options, spec);
            } catch (InputException ex) {
                return (Evaluation) new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, ex.getMessage(), hw.acceleratorId(),
                        m.workload().modelId(), hw.accelerators(), List.of());
            }
        }).toList();
        return new UnitEvaluation(entry, design, hw.label(), hw.acceleratorId(), hw.accelerators(), hw.positions(), hw.provisionedWatts(),
                hw.maxPWatts(), entry.unitPriceUsd() != null ? entry.unitPriceUsd() : hw.capexUsd(), results);
    }

    /** The site's assumptions: the catalog's with the site's finance put in. */
    public Assumptions assumptions(SiteDocument site) {
        return site.finance().apply(base);
    }

    /** The units re-evaluated on a changed mix (the tornado's prefix-hit rate). */
    public List<UnitEvaluation> reevaluate(SiteDocument site, List<RackDesign> designs, List<MixEntry> mix) {
        return evaluate(site.withWorkloads(mix), designs);
    }

    public SitePlan plan(SiteDocument site, List<UnitEvaluation> units) {
        return plan(site, units, Knobs.NONE);
    }

    /** Scales the evaluated units to the site's envelope and limits. */
    public SitePlan plan(SiteDocument site, List<UnitEvaluation> units, Knobs knobs) {
        Assumptions a = site.finance().apply(base);
        List<MixEntry> mix = site.workloads();
        PowerChain chain = site.powerChain();
        double f = knobs.facilityPerItWatt() != null ? knobs.facilityPerItWatt() : site.cooling().facilityPerItWatt(chain);
        double lossPerIt = Math.min(1 / chain.efficiency() - 1, f - 1);
        double coolingPerIt = f - 1 - lossPerIt;
        double utilityWatts = site.utilityMegawatts() * 1e6;
        double itBudget = utilityWatts / f;
        List<String> notes = new ArrayList<>();

        int n = units.size();
        Mixed[] mixed = new Mixed[n];
        double[] sized = new double[n];
        for (int i = 0; i < n; i++) {
            UnitEvaluation u = units.get(i);
            mixed[i] = mixed(u, mix, knobs.throughputScale(), a.utilization());
            sized[i] = switch (site.rackPowerBasis()) {
                case PROVISIONED -> u.provisionedWatts();
                case MAX_P -> u.maxPWatts();
                case MODELLED -> mixed[i].power.itWatts();
                case P90 -> mixed[i].phases.percentile(PhaseMixPower.P90);
            };
            if (site.rackPowerBasis() == RackPowerBasis.MAX_P && !(sized[i] > 0) && u.provisionedWatts() > 0 && u.servesAny()) {
                sized[i] = u.provisionedWatts();
                notes.add(u.label() + " has no Max-P (its accelerator publishes no TDP): sized by its provisioned power instead");
            }
            if (!u.servesAny()) {
                notes.add(u.label() + " serves none of the workloads and is left out: " + u.whyNot());
            } else if (!(sized[i] > 0 && Double.isFinite(sized[i]))) {
                throw new InputException("designs: " + u.label() + " has no known " + site.rackPowerBasis().label()
                        + " power (a TDP or a server's power is not published): size the site by another rackPowerBasis");
            }
        }
        // Units by power: fixed counts first, then the shares of what is left.
        double[] units0 = new double[n];
        double fixedWatts = 0;
        for (int i = 0; i < n; i++) {
            if (units.get(i).entry().count() != null && units.get(i).servesAny()) {
                units0[i] = units.get(i).entry().count();
                fixedWatts += units0[i] * sized[i];
            }
        }
        double fixedScale = fixedWatts > itBudget ? itBudget / fixedWatts : 1;
        double left = Math.max(0, itBudget - fixedWatts * fixedScale);
        for (int i = 0; i < n; i++) {
            SiteDesign e = units.get(i).entry();
            if (e.count() != null) {
                units0[i] *= fixedScale;
            } else if (units.get(i).servesAny()) {
                units0[i] = e.share() * left / sized[i];
            }
        }
        // The other limits scale every design alike.
        double positions = 0;
        double capex = 0;
        double heat = 0;
        for (int i = 0; i < n; i++) {
            positions += Math.floor(units0[i]) * units.get(i).rackPositions();
            capex += Math.floor(units0[i]) * units.get(i).capexUsd() * site.finance().hardwarePrice() * knobs.capexScale();
            heat += Math.floor(units0[i]) * sized[i];
        }
        // Power set the counts; another limit binds if it allows only a smaller share of them.
        BindingLimit binding = BindingLimit.POWER;
        double scale = 1;
        if (site.floorRackPositions() != null && positions > site.floorRackPositions() && site.floorRackPositions() / positions < scale) {
            scale = site.floorRackPositions() / positions;
            binding = BindingLimit.FLOOR_SPACE;
        }
        if (site.cooling().capacityMegawatts() != null && heat > site.cooling().capacityMegawatts() * 1e6
                && site.cooling().capacityMegawatts() * 1e6 / heat < scale) {
            scale = site.cooling().capacityMegawatts() * 1e6 / heat;
            binding = BindingLimit.COOLING;
        }
        if (site.capexBudgetUsd() != null && capex > site.capexBudgetUsd() && site.capexBudgetUsd() / capex < scale) {
            scale = site.capexBudgetUsd() / capex;
            binding = BindingLimit.BUDGET;
        }

        List<SitePlan.DesignLine> lines = new ArrayList<>();
        double[] perWorkload = new double[mix.size()];
        UnitPower power = UnitPower.ZERO;
        double tokens = 0;
        double rackPositions = 0;
        int accelerators = 0;
        double sizedIt = 0;
        double provisioned = 0;
        double maxP = 0;
        double totalCapex = 0;
        double p90 = 0;
        double meanIt = 0;
        double exceedance = 0;
        for (int i = 0; i < n; i++) {
            UnitEvaluation u = units.get(i);
            int count = (int) Math.floor(units0[i] * scale + 1e-9);
            Mixed m = mixed[i];
            double unitCapex = u.capexUsd() * site.finance().hardwarePrice() * knobs.capexScale();
            List<String> served = new ArrayList<>();
            for (int j = 0; j < mix.size(); j++) {
                if (m.tokensPerWorkload[j] > 0) {
                    served.add(mix.get(j).name());
                    perWorkload[j] += count * m.tokensPerWorkload[j];
                }
            }
            lines.add(new SitePlan.DesignLine(u.label(), u.acceleratorId(), count, (int) Math.ceil(count * u.rackPositions() - 1e-9),
                    count * u.accelerators(), sized[i], m.power.itWatts(), count * m.tokens, count * unitCapex, served,
                    m.phases.percentile(PhaseMixPower.P90)));
            power = power.plus(m.power.times(count));
            tokens += count * m.tokens;
            rackPositions += count * u.rackPositions();
            accelerators += count * u.accelerators();
            if (count > 0) {
                p90 += count * m.phases.percentile(PhaseMixPower.P90);
                meanIt += count * m.phases.meanWatts();
                exceedance = Math.max(exceedance, m.phases.shareAbove(sized[i]));
                sizedIt += count * sized[i];
                provisioned += count * u.provisionedWatts();
                maxP += count * u.maxPWatts();
                totalCapex += count * unitCapex;
            }
        }
        if (tokens == 0) {
            boolean anyServes = units.stream().anyMatch(UnitEvaluation::servesAny);
            throw new InputException((anyServes ? "designs: not one whole unit of any design fits the site"
                    : "designs: no design of the site serves any of its workloads")
                    + (units.isEmpty() ? "" : " (" + whyNone(site, units, sized, units0, scale, binding, f) + ")"));
        }
        double it = power.itWatts();
        double facility = it * f;
        SitePlan.PowerFlow flow = new SitePlan.PowerFlow(power.acceleratorWatts(), power.hostWatts(), power.networkWatts(), it,
                it * lossPerIt, it * coolingPerIt, facility);
        double utilization = a.utilization();
        double annualTokens = tokens * utilization * SECONDS_PER_YEAR;
        List<SitePlan.WorkloadLine> wl = new ArrayList<>();
        double revenue = 0;
        for (int j = 0; j < mix.size(); j++) {
            MixEntry me = mix.get(j);
            double annual = perWorkload[j] * utilization * SECONDS_PER_YEAR;
            double r = annual / 1e6 * me.priceUsdPerMillionOutputTokens();
            revenue += r;
            wl.add(new SitePlan.WorkloadLine(me.name(), me.tier(), me.share(), perWorkload[j], annual, me.priceUsdPerMillionOutputTokens(), r));
        }
        double capital = totalCapex * CostModel.capitalRecoveryFactor(a.costOfCapital(), a.amortizationYears());
        double energy = CostModel.energyUsdPerHour(facility, a.electricityUsdPerKwh()) * CostModel.HOURS_PER_YEAR;
        double facilityCost = CostModel.facilityUsdPerHour(sizedIt, a.colocationUsdPerKwMonth()) * CostModel.HOURS_PER_YEAR;
        double usdPerM = (capital + energy + facilityCost) / annualTokens * 1e6;
        double margin = revenue - energy - facilityCost;
        double hardwarePayback = margin > 0 ? totalCapex / margin : Double.POSITIVE_INFINITY;
        // the owner builds the facility: its capex counts, its rent does not
        double facilityRate = site.finance().facilityCapexPerMegawatt();
        double facilityCapex = sizedIt / 1e6 * facilityRate;
        double ownerMargin = revenue - energy;
        double payback = ownerMargin > 0 ? (totalCapex + facilityCapex) / ownerMargin : Double.POSITIVE_INFINITY;
        double low = sizedIt / 1e6 * Math.min(facilityRate, FacilityCapex.LOW_USD_PER_MW);
        double high = sizedIt / 1e6 * Math.max(facilityRate, FacilityCapex.HIGH_USD_PER_MW);
        SitePlan.FacilityCost facilityCost2 = new SitePlan.FacilityCost(facilityRate, facilityCapex, low, high, totalCapex + facilityCapex,
                hardwarePayback, ownerMargin > 0 ? (totalCapex + low) / ownerMargin : Double.POSITIVE_INFINITY,
                ownerMargin > 0 ? (totalCapex + high) / ownerMargin : Double.POSITIVE_INFINITY);
        if (Double.isNaN(totalCapex)) {
            notes.add("a design has no price in the catalog: capex, $ per million tokens and payback are unknown");
        }
        if (site.cooling().plant() == CoolingPlant.Plant.DRY_COOLERS) {
            for (SitePlan.DesignLine d : lines) {
                CoolingType t = evaluator.catalog().find(d.acceleratorId(), io.tokenrack.engine.catalog.AcceleratorSpec.class)
                        .map(io.tokenrack.engine.catalog.AcceleratorSpec::cooling).orElse(CoolingType.LIQUID);
                if (d.units() > 0 && t == CoolingType.AIR) {
                    notes.add(d.label() + " is air-cooled: dry coolers serve warm-water liquid cooling, so its heat needs chillers"
                            + " (plan the site with cooling plant chillers, or a PUE, to count them)");
                }
            }
        }
        if (site.rackPowerBasis() == RackPowerBasis.MODELLED || site.rackPowerBasis() == RackPowerBasis.P90) {
            notes.add(String.format(Locale.ROOT, "oversubscribed: racks %s (modelled: a unit draws more than it is sized for %.0f%% of the hours)",
                    site.rackPowerBasis().risk(), exceedance * 100));
        }
        double oversubscription = provisioned / sizedIt;
        return new SitePlan(site.name(), site.utilityMegawatts(), site.rackPowerBasis(), chain.efficiency(), coolingPerIt, f, lines, wl,
                (int) Math.ceil(rackPositions - 1e-9), accelerators, tokens, flow, sizedIt, provisioned, maxP, oversubscription,
                site.rackPowerBasis().risk(), annualTokens, revenue, totalCapex, capital, energy, facilityCost, usdPerM, payback, binding,
                utilization, notes, new SitePlan.Powers(provisioned, maxP, p90, it, meanIt, exceedance), facilityCost2);
    }

    /**
     * Why no unit was placed: the first unit that serves nothing says why it does not; where every
     * unit serves, what does not fit (one unit's power at the utility against its share of the envelope,
     * or the limit that binds).
     */
    private static String whyNone(SiteDocument site, List<UnitEvaluation> units, double[] sized, double[] units0, double scale,
                                  BindingLimit binding, double f) {
        boolean anyServes = units.stream().anyMatch(UnitEvaluation::servesAny);
        for (UnitEvaluation u : units) {
            if (!anyServes && !u.whyNot().isBlank()) {
                return u.label() + ": " + u.whyNot();
            }
        }
        List<String> why = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            UnitEvaluation u = units.get(i);
            if (!u.servesAny()) {
                continue;
            }
            String s = fmt("%s: one unit needs %s MW at the utility (%.1f kW sized × PUE %.3f), its share of the site's %s MW is %s MW",
                    u.label(), mw(sized[i] * f), sized[i] / 1e3, f, mw(site.utilityMegawatts() * 1e6), mw(units0[i] * sized[i] * f));
            if (binding != BindingLimit.POWER) {
                s += fmt(" and the %s limit allows %.0f%% of that", binding.label(), scale * 100);
            }
            why.add(s);
        }
        return why.isEmpty() ? "no unit serves the mix" : String.join("; ", why);
    }

    private static String mw(double watts) {
        return new java.math.BigDecimal(watts / 1e6).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    /** A unit serving the mix: its output tokens/s (in all, and per workload) and its mean draw. */
    private record Mixed(double tokens, double[] tokensPerWorkload, UnitPower power, PhaseMixPower phases) {}

    /**
     * The unit serves each workload it can in proportion to the workload's share of tokens: a token of
     * workload j takes 1/tps_j of the unit's time, so tokens/s = 1 / Σ (w_j / tps_j) over the served
     * workloads (shares renormalised), and the draw is the time-weighted mean of each workload's draw.
     */
    private static Mixed mixed(UnitEvaluation u, List<MixEntry> mix, double throughputScale, double utilization) {
        double served = 0;
        for (int j = 0; j < mix.size(); j++) {
            if (u.results().get(j) instanceof Evaluation.Ok) {
                served += mix.get(j).share();
            }
        }
        double[] per = new double[mix.size()];
        if (served == 0) {
            return new Mixed(0, per, UnitPower.ZERO, new PhaseMixPower(List.of()));
        }
        double secondsPerToken = 0;
        for (int j = 0; j < mix.size(); j++) {
            if (u.results().get(j) instanceof Evaluation.Ok e) {
                secondsPerToken += mix.get(j).share() / served / (e.throughput().outputTokensPerSecond() * throughputScale);
            }
        }
        double tokens = 1 / secondsPerToken;
        UnitPower p = UnitPower.ZERO;
        double[] times = new double[mix.size()];
        for (int j = 0; j < mix.size(); j++) {
            if (u.results().get(j) instanceof Evaluation.Ok e) {
                double w = mix.get(j).share() / served;
                per[j] = tokens * w;
                double time = w / (e.throughput().outputTokensPerSecond() * throughputScale) * tokens;
                times[j] = time;
                p = p.plus(UnitPower.of(e).times(time));
            }
        }
        PhaseMixPower phases = PhaseMixPower.of(mix.stream().map(MixEntry::name).toList(), u.results(), times, utilization);
        return new Mixed(tokens, per, p, phases);
    }

    static String fmt(String f, Object... args) {
        return String.format(Locale.ROOT, f, args);
    }
}
