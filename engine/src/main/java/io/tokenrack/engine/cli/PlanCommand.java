package io.tokenrack.engine.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.ItemKind;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.site.CoolingPlant;
import io.tokenrack.engine.site.MixEntry;
import io.tokenrack.engine.site.PowerChain;
import io.tokenrack.engine.site.RackPowerBasis;
import io.tokenrack.engine.site.SiteDesign;
import io.tokenrack.engine.site.SiteDocument;
import io.tokenrack.engine.site.SiteIO;
import io.tokenrack.engine.site.SiteOptimizer;
import io.tokenrack.engine.site.SitePlan;
import io.tokenrack.engine.site.SitePlanner;
import io.tokenrack.engine.site.Tornado;
import io.tokenrack.engine.site.UnitEvaluation;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code plan}: what a site's megawatts buy. A site file ({@code --site}), or an envelope and
 * designs on the command line; {@code --optimize} searches the catalog, {@code --sensitivity}
 * adds the tornado.
 */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Racks, tokens, power, revenue and payback of a power-limited site (docs/site.md).")
public final class PlanCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--site", paramLabel = "FILE", description = "site JSON file (see presets/sites/)")
    Path site;

    @Option(names = "--site-mw", paramLabel = "MW", description = "utility envelope in MW (overrides the site file's)")
    Double siteMw;

    @Option(names = "--design", paramLabel = "FILE", description = "rack design file; repeat for a mix")
    List<Path> designs = new ArrayList<>();

    @Option(names = "--share", paramLabel = "F", description = "share of the site's IT power for the --design at the same position")
    List<Double> shares = new ArrayList<>();

    @Option(names = "--model", paramLabel = "ID", description = "model id, without --site")
    String model;

    @Option(names = "--precision", description = "bf16, fp8 or fp4 (default fp8), without --site")
    String precision;

    @Option(names = "--isl", paramLabel = "N", description = "input tokens per request, without --site")
    Integer isl;

    @Option(names = "--osl", paramLabel = "N", description = "output tokens per request, without --site")
    Integer osl;

    @Option(names = "--min-tokens-per-second-per-user", paramLabel = "X", description = "the SLO: each user's output tokens/s at least X")
    Double minTps;

    @Option(names = "--ttft-ms", paramLabel = "MS", description = "the SLO: time to first token at most MS")
    Double ttftMs;

    @Option(names = "--tpot-ms", paramLabel = "MS", description = "the SLO: time per output token at most MS")
    Double tpotMs;

    @Option(names = "--prefix-hit-rate", paramLabel = "F", description = "share of each prompt found in the prefix cache")
    Double prefixHitRate;

    @Option(names = "--price-usd-per-m", paramLabel = "P", defaultValue = "2",
            description = "price per million output tokens, without --site (default ${DEFAULT-VALUE}, an example price: give your own)")
    double price;

    @Option(names = "--cooling", paramLabel = "PLANT",
            description = "dry-coolers, chillers, or a PUE such as 1.2 (default: the site file's, else dry-coolers)")
    String cooling;

    @Option(names = "--dc-800v", description = "800 V DC distribution instead of AC (overrides the site file's chain)")
    boolean dc800v;

    @Option(names = "--rack-power-basis", paramLabel = "B",
            description = "size racks by provisioned, max-p, p90 or modelled power (default: the site file's, else max-p)")
    String basis;

    @Option(names = "--optimize", description = "search every preset design and catalog server for the best site; adds alternatives")
    boolean optimize;

    @Option(names = "--objective", defaultValue = "tokens", description = "with --optimize: tokens or revenue (default ${DEFAULT-VALUE})")
    String objective;

    @Option(names = "--sensitivity", description = "add the tornado: the headline over electricity price, PUE, utilization, hardware price, "
            + "acceptance length, prefix-hit rate and the model's accuracy band")
    boolean sensitivity;

    @Option(names = "--bench", paramLabel = "RUNS", description = "time the whole plan RUNS times after warm-up and print the median")
    Integer bench;

    @Option(names = "--json", description = "print one JSON object")
    boolean json;

    @Mixin
    PresetsOption presets;

    @Mixin
    PowerOptions power;

    @Override
    public Integer call() throws Exception {
        SiteDocument doc = site != null ? readSite() : commandLineSite();
        if (site != null && (cooling != null || dc800v || basis != null)) {
            doc = new SiteDocument(doc.formatVersion(), doc.name(), doc.description(), doc.utilityMegawatts(),
                    dc800v ? PowerChain.DC_800V : doc.powerChain(), cooling != null ? plant() : doc.cooling(),
                    basis != null ? basis() : doc.rackPowerBasis(), doc.floorRackPositions(), doc.capexBudgetUsd(), doc.designs(),
                    doc.workloads(), doc.finance());
        }
        if (siteMw != null) {
            try {
                double fileMw = doc.utilityMegawatts();
                doc = doc.withUtilityMegawatts(siteMw);
                if (site != null && siteMw != fileMw) {
                    // the site's name may say its file's envelope: say the one used
                    doc = new SiteDocument(doc.formatVersion(), doc.name() + " (at " + new java.math.BigDecimal(siteMw).round(
                            new java.math.MathContext(6)).stripTrailingZeros().toPlainString() + " MW by --site-mw, not the file's "
                            + new java.math.BigDecimal(fileMw).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString()
                            + " MW)", doc.description(), doc.utilityMegawatts(), doc.powerChain(), doc.cooling(), doc.rackPowerBasis(),
                            doc.floorRackPositions(), doc.capexBudgetUsd(), doc.designs(), doc.workloads(), doc.finance());
                }
            } catch (InputException e) {
                throw new InputException("--site-mw: " + e.getMessage().replaceFirst("^utilityMegawatts: ", ""), e);
            }
        }
        Evaluator evaluator = power.apply(presets.evaluator());
        SitePlanner planner = new SitePlanner(evaluator, Assumptions.defaults(presets.catalog().facility()));
        if (bench != null) {
            return bench(doc, planner);
        }
        PrintWriter out = spec.commandLine().getOut();
        SiteOptimizer.Result alternatives = null;
        SitePlan plan;
        boolean placeholder = site == null && this.designs.isEmpty();
        List<RackDesign> designs = placeholder ? List.of() : SiteIO.designs(doc, site);
        List<UnitEvaluation> units = null;
        if (optimize) {
            List<SiteOptimizer.Candidate> candidates = placeholder ? SiteOptimizer.defaultCandidates(evaluator, presetDesigns())
                    : SiteOptimizer.candidates(doc, designs, evaluator, presetDesigns());
            alternatives = new SiteOptimizer(planner).optimize(doc, candidates, SiteOptimizer.Objective.parse(objective));
            if (alternatives.alternatives().isEmpty()) {
                throw new InputException("no design in the catalog serves the workloads: " + alternatives.why());
            }
            plan = alternatives.alternatives().getFirst().plan();
        } else {
            units = planner.evaluate(doc, designs);
            plan = planner.plan(doc, units);
        }
        Tornado.Result tornado = null;
        if (sensitivity) {
            if (units == null) {
                // the tornado of the winner
                SiteOptimizer.Alternative best = alternatives.alternatives().getFirst();
                tornado = Tornado.of(planner, best.site(doc), best.rackDesigns(), best.units());
            } else {
                tornado = Tornado.of(planner, doc, designs, units);
            }
        }
        if (json) {
            ObjectNode node = SiteJson.of(plan);
            if (alternatives != null) {
                SiteJson.alternatives(node, alternatives);
            }
            if (tornado != null) {
                SiteJson.tornado(node, tornado);
            }
            out.println(StrictJson.mapper().writeValueAsString(node));
        } else {
            SiteText.print(out, plan);
            if (alternatives != null) {
                SiteText.alternatives(out, alternatives);
            }
            if (tornado != null) {
                SiteText.tornado(out, tornado);
            }
        }
        out.flush();
        return 0;
    }

    private SiteDocument readSite() {
        if (!designs.isEmpty() || model != null || isl != null || osl != null || minTps != null || ttftMs != null || tpotMs != null
                || prefixHitRate != null) {
            throw new InputException("--site: the site file names its designs and workloads; leave out --design and the workload options "
                    + "(--site-mw may override the envelope)");
        }
        return SiteIO.read(site);
    }

    private SiteDocument commandLineSite() {
        if (siteMw == null) {
            throw new InputException("--site-mw is required without --site");
        }
        if (designs.isEmpty() && !optimize) {
            throw new InputException("--design is required without --site (or search the catalog with --optimize)");
        }
        if (!shares.isEmpty() && shares.size() != designs.size()) {
            throw new InputException("--share: give one per --design (" + designs.size() + " designs, " + shares.size() + " shares)");
        }
        List<String> missing = new ArrayList<>();
        if (model == null) {
            missing.add("--model");
        }
        if (isl == null) {
            missing.add("--isl");
        }
        if (osl == null) {
            missing.add("--osl");
        }
        if (!missing.isEmpty()) {
            throw new InputException(String.join(", ", missing) + (missing.size() == 1 ? " is" : " are") + " required without --site");
        }
        String modelId = CatalogIds.resolve(presets.catalog(), model, ItemKind.MODEL);
        Workload w;
        try {
            w = new Workload(modelId, precision == null ? Precision.FP8 : Precision.parse(precision), null, isl, osl, null, ttftMs, tpotMs,
                    minTps, null, prefixHitRate);
        } catch (InputException e) {
            throw new InputException(WorkloadOptions.asOption(e.getMessage()), e);
        }
        List<SiteDesign> entries = new ArrayList<>();
        for (Path d : designs) {
            if (!Files.isRegularFile(d)) {
                throw new InputException("--design: no such file " + d);
            }
        }
        for (int i = 0; i < designs.size(); i++) {
            double s = shares.isEmpty() ? 1.0 / designs.size() : shares.get(i);
            try {
                entries.add(SiteDesign.ofFile(designs.get(i).toString(), s));
            } catch (InputException e) {
                throw new InputException("--share: " + e.getMessage().replaceFirst("^designs.share: ", ""), e);
            }
        }
        if (entries.isEmpty()) {
            entries.add(SiteDesign.ofAccelerator("b200", 8, 1)); // only a placeholder for --optimize, which replaces the designs
        }
        try {
            return new SiteDocument(SiteDocument.CURRENT_VERSION, "command-line site", null, siteMw, dc800v ? PowerChain.DC_800V : PowerChain.AC,
                    cooling == null ? CoolingPlant.DRY : plant(), basis == null ? RackPowerBasis.MAX_P : basis(), null, null, entries,
                    List.of(new MixEntry("workload", null, 1, w, price)), null);
        } catch (InputException e) {
            throw new InputException(e.getMessage().replaceFirst("^utilityMegawatts:", "--site-mw:")
                    .replaceFirst("^workloads.priceUsdPerMillionOutputTokens:", "--price-usd-per-m:"), e);
        }
    }

    private CoolingPlant plant() {
        return switch (cooling) {
            case "dry-coolers" -> CoolingPlant.DRY;
            case "chillers" -> new CoolingPlant(CoolingPlant.Plant.CHILLERS, null, null, null);
            default -> {
                try {
                    yield new CoolingPlant(CoolingPlant.Plant.PUE, Double.parseDouble(cooling), null, null);
                } catch (NumberFormatException e) {
                    throw new InputException("--cooling: dry-coolers, chillers or a PUE such as 1.2, was '" + cooling + "'");
                } catch (InputException e) {
                    throw new InputException("--cooling: " + e.getMessage().replaceFirst("^cooling.pue: ", ""), e);
                }
            }
        };
    }

    private RackPowerBasis basis() {
        return Arrays.stream(RackPowerBasis.values()).filter(x -> x.label().equals(basis)).findFirst()
                .orElseThrow(() -> new InputException("--rack-power-basis: provisioned, max-p, p90 or modelled, was '" + basis + "'"));
    }

    /** The preset designs (presets/designs/*.json that read), by their path as the user would name them. */
    private Map<String, RackDesign> presetDesigns() {
        return presets.dir != null ? SiteOptimizer.presetDesigns(presets.dir)
                : CatalogLoader.withBundledPresets(SiteOptimizer::presetDesigns);
    }

    private int bench(SiteDocument doc, SitePlanner planner) {
        if (bench < 3) {
            throw new InputException("--bench must be at least 3 runs, was " + bench);
        }
        Map<String, RackDesign> presetsFound = optimize ? presetDesigns() : Map.of();
        boolean placeholder = site == null && designs.isEmpty();
        Runnable once = () -> {
            if (optimize) {
                List<RackDesign> own = placeholder ? List.of() : SiteIO.designs(doc, site);
                new SiteOptimizer(planner).optimize(doc, placeholder ? SiteOptimizer.defaultCandidates(planner.evaluator(), presetsFound)
                        : SiteOptimizer.candidates(doc, own, planner.evaluator(), presetsFound), SiteOptimizer.Objective.parse(objective));
            } else {
                List<RackDesign> ds = SiteIO.designs(doc, site);
                planner.plan(doc, planner.evaluate(doc, ds));
            }
        };
        long t0 = System.nanoTime();
        once.run();
        double first = (System.nanoTime() - t0) / 1e6;
        double[] ms = new double[bench];
        for (int i = 0; i < bench; i++) {
            long s = System.nanoTime();
            once.run();
            ms[i] = (System.nanoTime() - s) / 1e6;
        }
        double median = BenchCommand.median(ms);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.printf(Locale.ROOT, "{\"firstRunMillis\": %.1f, \"medianMillis\": %.2f, \"runs\": %d}%n", first, median, bench);
        } else {
            out.printf(Locale.ROOT, "%s (%s MW%s): first run %.1f ms (cold JIT), median %.2f ms over %d runs%n", doc.name(),
                    SiteText.plain(doc.utilityMegawatts()), optimize ? ", --optimize over the catalog" : "", first, median, bench);
        }
        out.flush();
        return 0;
    }
}
