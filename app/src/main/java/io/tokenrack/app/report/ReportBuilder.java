package io.tokenrack.app.report;

import io.tokenrack.app.document.DocState;
import io.tokenrack.app.results.Headline;
import io.tokenrack.app.results.Results;
import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Provenance;
import io.tokenrack.engine.workload.Workload;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Gathers a {@link Report} from the results of one document state: the headline cards, the
 * assumptions, every input's provenance, the sources of each catalog entry used, the model's
 * validated error, the rack drawing and the charts. Runs off the FX thread (no JavaFX).
 */
public final class ReportBuilder {
    private final Catalog catalog;
    private final ModelValidation validation;

    public ReportBuilder(Catalog catalog, ModelValidation validation) {
        this.catalog = catalog;
        this.validation = validation;
    }

    /** The report on {@code results}; throws IllegalArgumentException with the reason when they hold no numbers. */
    public Report build(Results results) {
        Evaluation.Ok e = results.numbers();
        if (e == null) {
            throw new IllegalArgumentException("no numbers to report: " + results.message());
        }
        DocState state = results.input();
        RackDesign design = state.design();
        Workload w = design.workload();
        Assumptions a = state.assumptions();
        String modelName = catalog.find(w.modelId()).map(CatalogItem::name).orElse(w.modelId());
        String accelerator = catalog.find(e.acceleratorId()).map(CatalogItem::name).orElse(e.acceleratorId());
        String subtitle = String.format(Locale.US, "%s (%s) on %d × %s · %s input / %s output tokens · %s",
                modelName, w.precision().label().toUpperCase(Locale.ROOT), e.accelerators(), accelerator,
                Units.number(w.inputTokens()), Units.number(w.outputTokens()), serviceLevel(w));

        List<Report.Line> assumptions = new ArrayList<>();
        assumptions.add(new Report.Line("Electricity", "$" + Units.number(a.electricityUsdPerKwh()) + " per kWh"));
        assumptions.add(new Report.Line("Amortization", Units.number(a.amortizationYears()) + " years at "
                + Units.percent(a.costOfCapital()) + " cost of capital"));
        assumptions.add(new Report.Line("Utilization", Units.percent(a.utilization()) + " of hours serving"));
        assumptions.add(new Report.Line("Colocation", "$" + Units.number(a.colocationUsdPerKwMonth()) + " per kW-month"));
        assumptions.add(new Report.Line("PUE", Units.number(e.power().pue()) + " (of the rack's cooling)"));
        assumptions.add(new Report.Line("Serving", "well-tuned current serving software; parallelism "
                + layout(e.plan().parallelism()) + ", " + Units.number(e.plan().concurrency()) + " requests in flight"));

        List<Report.Input> inputs = new ArrayList<>();
        for (Provenance p : e.provenance()) {
            inputs.add(new Report.Input(p.label(), p.value() == null ? "" : p.value(), p.kind().name().toLowerCase(Locale.ROOT),
                    p.source() == null ? "" : p.source()));
        }
        return new Report(design.name(), subtitle, Headline.cards(results), assumptions, e.noteTexts(), inputs, sources(design, w),
                validation.describe(), RackDrawing.png(design, catalog), ReportCharts.pngs(results),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private static String layout(io.tokenrack.engine.workload.Parallelism p) {
        return "TP " + p.tp() + " · PP " + p.pp() + " · EP " + p.ep() + " · DP " + p.dp();
    }

    private static String serviceLevel(Workload w) {
        List<String> parts = new ArrayList<>();
        parts.add(w.concurrency() == null ? "as many requests in flight as fit" : w.concurrency() + " requests in flight");
        if (w.minTokensPerSecondPerUser() != null) {
            parts.add("≥ " + Units.number(w.minTokensPerSecondPerUser()) + " tokens/s per user");
        }
        if (w.ttftLimitMs() != null) {
            parts.add("TTFT ≤ " + Units.number(w.ttftLimitMs()) + " ms");
        }
        if (w.tpotLimitMs() != null) {
            parts.add("TPOT ≤ " + Units.number(w.tpotLimitMs()) + " ms");
        }
        return String.join(", ", parts);
    }

    /** The model and each distinct catalog entry in the racks, in the order they first appear. */
    private List<Report.Source> sources(RackDesign design, Workload w) {
        Map<String, CatalogItem> used = new LinkedHashMap<>();
        catalog.find(w.modelId()).ifPresent(m -> used.put(m.id(), m));
        for (RackInstance r : design.racks()) {
            catalog.find(r.rackId()).ifPresent(i -> used.putIfAbsent(i.id(), i));
            for (Placement p : r.items()) {
                catalog.find(p.catalogId()).ifPresent(i -> {
                    used.putIfAbsent(i.id(), i);
                    if (i instanceof io.tokenrack.engine.catalog.ServerSpec s) {
                        catalog.find(s.acceleratorId()).ifPresent(acc -> used.putIfAbsent(acc.id(), acc));
                    }
                });
            }
        }
        List<Report.Source> out = new ArrayList<>();
        for (CatalogItem i : used.values()) {
            out.add(new Report.Source(i.name(), i.id(), i.sources()));
        }
        return out;
    }
}
