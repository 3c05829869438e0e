package io.tokenrack.engine.site;

import io.tokenrack.engine.catalog.AcceleratorSpec;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.ServerSpec;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * For a site's envelope and workload mix, finds the designs that maximise output tokens (or
 * revenue): each candidate is evaluated once per workload, then planned alone over the whole
 * envelope, and the best two are also tried half and half. Returns the five best, best first, with
 * why the winner wins.
 */
public final class SiteOptimizer {
    /** What to maximise. */
    public enum Objective {
        TOKENS, REVENUE;

        public static Objective parse(String s) {
            return switch (s.toLowerCase(Locale.ROOT)) {
                case "tokens" -> TOKENS;
                case "revenue" -> REVENUE;
                default -> throw new InputException("--objective: tokens or revenue, was '" + s + "'");
            };
        }
    }

    /** How many alternatives are kept. */
    public static final int TOP = 5;

    /** A design the optimizer may build the site from: a design file (with its read design) or N accelerators. */
    public record Candidate(SiteDesign entry, RackDesign design) {}

    /**
     * One way to build the site.
     *
     * @param servingChoices for each workload each design serves: the serving configuration the engine chose at the
     *                       workload's SLO (mode, layout, speculative decoding) and requests in flight
     */
    public record Alternative(List<String> designs, SitePlan plan, List<ServingChoice> servingChoices, List<UnitEvaluation> units) {
        public Alternative {
            designs = List.copyOf(designs);
            servingChoices = List.copyOf(servingChoices);
            units = List.copyOf(units);
        }

        /** For each workload each design serves: its serving configuration in words. */
        public List<String> serving() {
            return servingChoices.stream().map(ServingChoice::words).toList();
        }

        /** The site built this way: the given site with this alternative's designs. */
        public SiteDocument site(SiteDocument base) {
            return base.withDesigns(units.stream().map(UnitEvaluation::entry).toList());
        }

        /** The read design files, one per design of {@link #site} (null for accelerator entries). */
        public List<io.tokenrack.engine.design.RackDesign> rackDesigns() {
            return units.stream().map(UnitEvaluation::design).toList();
        }
    }

    public record Result(Objective objective, List<Alternative> alternatives, int candidatesTried, int candidatesServing, String why) {
        public Result {
            alternatives = List.copyOf(alternatives);
        }
    }

    private final SitePlanner planner;

    public SiteOptimizer(SitePlanner planner) {
        this.planner = planner;
    }

    /** The site's own designs (with their prices), then {@link #defaultCandidates}. */
    public static List<Candidate> candidates(SiteDocument site, List<RackDesign> siteDesigns, Evaluator evaluator,
                                             Map<String, RackDesign> presetDesigns) {
        List<Candidate> out = new ArrayList<>();
        java.util.Set<String> names = new java.util.HashSet<>();
        for (int i = 0; i < site.designs().size(); i++) {
            out.add(new Candidate(site.designs().get(i).withShare(1), siteDesigns.get(i)));
            if (siteDesigns.get(i) != null) {
                names.add(siteDesigns.get(i).name());
            }
        }
        for (Candidate c : defaultCandidates(evaluator, presetDesigns)) {
            if (c.design() == null || !names.contains(c.design().name())) {
                out.add(c); // a preset the site already names (with its price) is tried once, as the site's
            }
        }
        return out;
    }

    /**
     * The designs in {@code presetsDir}/designs that read, by "presets/designs/NAME.json", in name
     * order: the optimizer's preset candidates (a file that does not read, like the broken example, is none).
     */
    public static Map<String, RackDesign> presetDesigns(java.nio.file.Path presetsDir) {
        Map<String, RackDesign> out = new java.util.TreeMap<>();
        java.nio.file.Path designs = presetsDir.resolve("designs");
        if (!java.nio.file.Files.isDirectory(designs)) {
            return out;
        }
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(designs)) {
            for (java.nio.file.Path f : files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
                try {
                    out.put("presets/designs/" + f.getFileName(),
                            io.tokenrack.engine.catalog.StrictJson.read(f, f.toString(), RackDesign.class));
                } catch (RuntimeException e) {
                    // a preset that does not read is no candidate
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out;
    }

    /**
     * Every preset design and every accelerator in the catalog in its standard server (one server,
     * or one scale-up domain of compute trays, per unit).
     */
    public static List<Candidate> defaultCandidates(Evaluator evaluator, Map<String, RackDesign> presetDesigns) {
        List<Candidate> out = new ArrayList<>();
        java.util.Set<String> inDesigns = new java.util.HashSet<>();
        presetDesigns.forEach((path, d) -> {
            out.add(new Candidate(SiteDesign.ofFile(path, 1), d));
            try {
                inDesigns.add(evaluator.clusters().fromDesign(d).accelerator().id());
            } catch (InputException e) {
                // not a usable design: it will not serve, and adds nothing to skip
            }
        });
        for (AcceleratorSpec a : evaluator.catalog().accelerators()) {
            if (a.cpuAsAccelerator() || inDesigns.contains(a.id())) {
                continue; // a preset design already builds the site from this accelerator
            }
            ServerSpec s = evaluator.catalog().servers().stream().filter(x -> a.id().equals(x.acceleratorId()))
                    .min(Comparator.comparing((ServerSpec x) -> x.role() == ServerSpec.Role.SERVER ? 0 : 1).thenComparing(ServerSpec::id))
                    .orElse(null);
            int perUnit = s == null ? 8 : s.role() == ServerSpec.Role.COMPUTE_TRAY && s.scaleUpDomain() != null
                    ? Math.max(s.acceleratorCount(), a.scaleUpDomain()) : s.acceleratorCount();
            out.add(new Candidate(SiteDesign.ofAccelerator(a.id(), perUnit, 1), null));
        }
        return out;
    }

    public Result optimize(SiteDocument site, List<Candidate> candidates, Objective objective) {
        return optimize(site, candidates, objective, p -> { }, () -> false);
    }

    /**
     * @param progress  told the share done, 0 to 1, after each candidate
     * @param cancelled polled between candidates; true stops the search with a {@link CancellationException}
     */
    public Result optimize(SiteDocument site, List<Candidate> candidates, Objective objective, DoubleConsumer progress,
                           BooleanSupplier cancelled) {
        Assumptions a = site.finance().apply(Assumptions.defaults(planner.evaluator().catalog().facility()));
        // candidates are evaluated in parallel (the engine is pure); each one's serving search is the costly part
        int[] done = {0};
        List<UnitEvaluation> units = candidates.parallelStream().map(c -> {
            if (cancelled.getAsBoolean()) {
                throw new CancellationException("search cancelled");
            }
            UnitEvaluation u = null;
            try {
                u = planner.evaluateUnit(c.entry(), c.design(), site.workloads(), a);
            } catch (InputException e) {
                // a candidate that cannot be built (no power figure, an unknown part) is simply not a candidate
            }
            synchronized (done) {
                progress.accept(++done[0] / (double) (candidates.size() + 1));
            }
            return u;
        }).filter(u -> u != null && u.servesAny()).toList();
        Map<String, Alternative> found = new LinkedHashMap<>();
        for (UnitEvaluation u : units) {
            SiteDesign whole = u.entry().withShare(1);
            tryPlan(site, List.of(u.withEntry(whole)), found);
        }
        List<Alternative> ranked = rank(found, objective);
        if (ranked.size() >= 2) {
            UnitEvaluation first = unit(units, ranked.get(0));
            UnitEvaluation second = unit(units, ranked.get(1));
            if (first != null && second != null) {
                tryPlan(site, List.of(first.withEntry(first.entry().withShare(0.5)), second.withEntry(second.entry().withShare(0.5))), found);
                ranked = rank(found, objective);
            }
        }
        progress.accept(1);
        List<Alternative> top = ranked.subList(0, Math.min(TOP, ranked.size()));
        return new Result(objective, top, candidates.size(), units.size(), why(top, objective));
    }

    private static UnitEvaluation unit(List<UnitEvaluation> units, Alternative alt) {
        String label = alt.designs().getFirst();
        return alt.designs().size() == 1 ? units.stream().filter(u -> u.label().equals(label)).findFirst().orElse(null) : null;
    }

    private void tryPlan(SiteDocument site, List<UnitEvaluation> units, Map<String, Alternative> found) {
        SitePlan plan;
        try {
            plan = planner.plan(site.withDesigns(units.stream().map(UnitEvaluation::entry).toList()), units);
        } catch (InputException e) {
            return;
        }
        if (plan.racks() == 0 || plan.workloads().stream().anyMatch(w -> w.outputTokensPerSecond() == 0)) {
            return; // an alternative serves the whole mix
        }
        List<String> names = units.stream().map(u -> units.size() == 1 ? u.label() : u.label() + " " + pct(u.entry().share())).toList();
        List<ServingChoice> serving = new ArrayList<>();
        for (UnitEvaluation u : units) {
            for (int j = 0; j < u.results().size(); j++) {
                if (u.results().get(j) instanceof Evaluation.Ok e) {
                    serving.add(ServingChoice.of(site.workloads().get(j).name(), u.label(), e));
                }
            }
        }
        found.put(String.join(" + ", names), new Alternative(names, plan, serving, units));
    }

    private static List<Alternative> rank(Map<String, Alternative> found, Objective objective) {
        Comparator<Alternative> by = objective == Objective.TOKENS
                ? Comparator.comparingDouble(x -> -x.plan().outputTokensPerSecond())
                : Comparator.comparingDouble(x -> -finite(x.plan().annualRevenueUsd() - x.plan().energyUsdPerYear()
                        - x.plan().facilityUsdPerYear() - x.plan().capitalUsdPerYear()));
        return found.values().stream().sorted(by.thenComparing(x -> String.join("+", x.designs()))).toList();
    }

    private static double finite(double v) {
        return Double.isFinite(v) ? v : Double.NEGATIVE_INFINITY;
    }

    /** Why the first beats the second, in a sentence. */
    static String why(List<Alternative> top, Objective objective) {
        if (top.isEmpty()) {
            return "no candidate serves the workloads within the site";
        }
        SitePlan w = top.getFirst().plan();
        String winner = String.join(" + ", top.getFirst().designs());
        if (top.size() == 1) {
            return winner + " is the only candidate that serves the workloads; it serves " + modes(top.getFirst());
        }
        SitePlan r = top.get(1).plan();
        String runner = String.join(" + ", top.get(1).designs());
        double perMw = w.outputTokensPerSecondPerMegawatt() / r.outputTokensPerSecondPerMegawatt() - 1;
        String lead = objective == Objective.TOKENS
                ? String.format(Locale.ROOT, "%s gives %s more output tokens per second of the site's %s MW than %s",
                        winner, pct(perMw), plain(w.siteMegawatts()), runner)
                : String.format(Locale.ROOT, "%s earns $%s a year after capital, energy and facility, %s earns $%s",
                        winner, money(w.annualRevenueUsd() - w.energyUsdPerYear() - w.facilityUsdPerYear() - w.capitalUsdPerYear()), runner,
                        money(r.annualRevenueUsd() - r.energyUsdPerYear() - r.facilityUsdPerYear() - r.capitalUsdPerYear()));
        double perItW = w.outputTokensPerSecondPerItMegawatt() / r.outputTokensPerSecondPerItMegawatt() - 1;
        return lead + String.format(Locale.ROOT, ": %s tokens per joule of IT power (%s vs %s), PUE %.2f vs %.2f, %,d vs %,d accelerators; "
                        + "bound by %s",
                perItW >= 0 ? pct(perItW) + " more" : pct(-perItW) + " fewer",
                plain(w.outputTokensPerSecondPerItMegawatt() / 1e6), plain(r.outputTokensPerSecondPerItMegawatt() / 1e6),
                w.facilityPerItWatt(), r.facilityPerItWatt(), w.accelerators(), r.accelerators(),
                w.bindingLimit() == r.bindingLimit() ? w.bindingLimit().label() + " both"
                        : w.bindingLimit().label() + " (the other: " + r.bindingLimit().label() + ")") + "; the winner serves " + modes(top.getFirst());
    }

    /** "chat disaggregated, agentic coding aggregated with mtp:1": how an alternative serves each workload. */
    static String modes(Alternative a) {
        return String.join(", ", a.servingChoices().stream().map(c -> c.workload() + " " + c.modeInWords()
                + (c.speculative().equals("off") ? "" : " with " + c.speculative())).distinct().toList());
    }

    private static String pct(double f) {
        return String.format(Locale.ROOT, "%.0f%%", f * 100);
    }

    private static String plain(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(3)).stripTrailingZeros().toPlainString();
    }

    private static String money(double v) {
        if (!Double.isFinite(v)) {
            return "unknown";
        }
        return Math.abs(v) >= 1e9 ? String.format(Locale.ROOT, "%.2f B", v / 1e9) : String.format(Locale.ROOT, "%.1f M", v / 1e6);
    }
}
