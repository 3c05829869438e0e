package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.FigureRange;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.ItemFigures;
import io.tokenrack.engine.catalog.ServerSpec;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.workload.Workload;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Carries the catalog's ranged figures (see {@link ItemFigures}) to every headline number: the
 * design is evaluated again with each ranged input at its low and at its high end — every
 * combination of ends for up to {@value #MAX_CORNER_INPUTS} inputs, else all low, all high and each
 * input alone at either end — and each headline metric's band is the lowest and highest value seen,
 * the nominal one included. A metric is not assumed monotonic in any input: more bandwidth can
 * choose another layout. Pure, like {@link Evaluator}.
 */
public final class RangeEvaluator {
    /** Up to this many ranged inputs every combination of their ends is evaluated (2^5 = 32 evaluations). */
    public static final int MAX_CORNER_INPUTS = 5;

    private final Catalog catalog;

    public RangeEvaluator(Catalog catalog) {
        this.catalog = catalog;
    }

    /** How a cluster is built from a catalog, and which catalog entries it uses. */
    public interface ClusterSource {
        Cluster build(ClusterFactory factory);

        /** The evaluation at the given catalog: of the cluster built, or whatever the source needs (a design with two kinds of accelerators). */
        default Evaluation evaluate(Evaluator evaluator, Workload w, Assumptions a, Batching batching, SpeculationRequest speculation,
                                    ServingOptions serving) {
            Cluster cluster;
            try {
                cluster = build(evaluator.clusters());
            } catch (RuntimeException e) {
                return new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, e.getMessage(), null, w.modelId(), 0, List.of());
            }
            try {
                return new ServingSearch(evaluator).evaluate(cluster, w, a, batching, serving, speculation);
            } catch (InputException e) {
                return new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, e.getMessage(), null, w.modelId(), 0, List.of());
            }
        }

        Set<String> ids(Catalog catalog);

        /** The racks and items of {@code design}. */
        static ClusterSource design(RackDesign design) {
            return new ClusterSource() {
                @Override
                public Cluster build(ClusterFactory factory) {
                    return factory.fromDesign(design);
                }

                @Override
                public Evaluation evaluate(Evaluator evaluator, Workload w, Assumptions a, Batching batching, SpeculationRequest speculation,
                                           ServingOptions serving) {
                    // two kinds of accelerators: the serving search evaluate runs on such a design (aggregated, the
                    // overloads' default, cannot serve two kinds: it stands for auto there)
                    return AcceleratorPools.mixed(evaluator.catalog(), design)
                            ? new ServingSearch(evaluator).evaluateMixed(design, w, a,
                                    serving.mode() == ServingMode.AGGREGATED ? ServingOptions.AUTO : serving, speculation)
                            : ClusterSource.super.evaluate(evaluator, w, a, batching, speculation, serving);
                }

                @Override
                public Set<String> ids(Catalog catalog) {
                    Set<String> ids = new LinkedHashSet<>();
                    for (RackInstance r : design.racks()) {
                        ids.add(r.rackId());
                        for (Placement p : r.items()) {
                            addWithParts(ids, catalog, p.catalogId());
                        }
                    }
                    return ids;
                }
            };
        }

        /** {@code count} accelerators in their standard server ({@link ClusterFactory#standard}). */
        static ClusterSource standard(String acceleratorId, int count) {
            return new ClusterSource() {
                @Override
                public Cluster build(ClusterFactory factory) {
                    return factory.standard(acceleratorId, count);
                }

                @Override
                public Set<String> ids(Catalog catalog) {
                    Set<String> ids = new LinkedHashSet<>();
                    ids.add(acceleratorId);
                    for (ServerSpec s : catalog.servers()) {
                        if (acceleratorId.equals(s.acceleratorId())) {
                            addWithParts(ids, catalog, s.id());
                        }
                    }
                    return ids;
                }
            };
        }

        private static void addWithParts(Set<String> ids, Catalog catalog, String id) {
            ids.add(id);
            if (catalog.find(id, ServerSpec.class).orElse(null) instanceof ServerSpec s) {
                for (String part : new String[] {s.acceleratorId(), s.nicId(), s.switchTrayId()}) {
                    if (part != null) {
                        ids.add(part);
                    }
                }
            }
        }
    }

    /** The ranged figures the cluster of {@code source} rests on, in catalog order. */
    public List<RangedInput> inputs(ClusterSource source) {
        Set<String> used = source.ids(catalog);
        List<RangedInput> out = new ArrayList<>();
        for (String id : catalog.rangedIds()) {
            if (!used.contains(id)) {
                continue;
            }
            CatalogItem item = catalog.find(id).orElseThrow();
            var node = io.tokenrack.engine.catalog.StrictJson.mapper().valueToTree(item);
            for (Map.Entry<String, FigureRange> r : catalog.figures(id).ranges().entrySet()) {
                out.add(new RangedInput(id, item.name(), r.getKey(), node.path(r.getKey()).asDouble(), r.getValue()));
            }
        }
        return out;
    }

    /** {@code nominal} (the evaluation of {@code source} on this catalog) with the bands of its headline numbers. */
    public RangedEvaluation evaluate(Evaluation.Ok nominal, ClusterSource source, Workload w, Assumptions a, Batching batching) {
        return evaluate(nominal, source, w, a, batching, SpeculationRequest.AUTO, ServingOptions.AGGREGATED);
    }

    /** As above, each end evaluated with the speculative decoding {@code nominal} was asked for. */
    public RangedEvaluation evaluate(Evaluation.Ok nominal, ClusterSource source, Workload w, Assumptions a, Batching batching,
                                     SpeculationRequest speculation) {
        return evaluate(nominal, source, w, a, batching, speculation, ServingOptions.AGGREGATED);
    }

    /**
     * As above, each end served as {@code serving} says (aggregated, disaggregated or auto, searched
     * again at each end) with the speculative decoding {@code nominal} was asked for.
     */
    public RangedEvaluation evaluate(Evaluation.Ok nominal, ClusterSource source, Workload w, Assumptions a, Batching batching,
                                     SpeculationRequest speculation, ServingOptions serving) {
        List<RangedInput> inputs = inputs(source);
        if (inputs.isEmpty()) {
            return new RangedEvaluation(nominal, inputs, Map.of(), List.of());
        }
        Map<HeadlineMetric, double[]> seen = new EnumMap<>(HeadlineMetric.class);
        for (HeadlineMetric m : HeadlineMetric.values()) {
            double v = m.of(nominal);
            if (Double.isFinite(v)) {
                seen.put(m, new double[] {v, v});
            }
        }
        List<String> failed = new ArrayList<>();
        List<boolean[]> corners = ends(inputs.size());
        // independent evaluations of an immutable catalog: spread over the cores, read back in order
        List<Evaluation> results = corners.parallelStream().map(ends -> evaluateAt(inputs, ends, source, w, a, batching, speculation, serving)).toList();
        for (int c = 0; c < corners.size(); c++) {
            boolean[] ends = corners.get(c);
            Evaluation e = results.get(c);
            if (e instanceof Evaluation.Ok ok) {
                for (Map.Entry<HeadlineMetric, double[]> s : seen.entrySet()) {
                    double v = s.getKey().of(ok);
                    if (Double.isFinite(v)) {
                        s.getValue()[0] = Math.min(s.getValue()[0], v);
                        s.getValue()[1] = Math.max(s.getValue()[1], v);
                    }
                }
            } else {
                failed.add(describe(inputs, ends) + ": " + e.message());
            }
        }
        Map<HeadlineMetric, Band> bands = new EnumMap<>(HeadlineMetric.class);
        seen.forEach((m, lh) -> bands.put(m, new Band(lh[0], lh[1])));
        return new RangedEvaluation(nominal, inputs, bands, failed);
    }

    /** Each combination of ends to evaluate: true = high end, null entry = the nominal value. */
    static List<boolean[]> ends(int k) {
        List<boolean[]> out = new ArrayList<>();
        if (k <= MAX_CORNER_INPUTS) {
            for (int mask = 0; mask < (1 << k); mask++) {
                boolean[] e = new boolean[k];
                for (int i = 0; i < k; i++) {
                    e[i] = (mask & (1 << i)) != 0;
                }
                out.add(e);
            }
            return out;
        }
        out.add(new boolean[k]);
        boolean[] high = new boolean[k];
        java.util.Arrays.fill(high, true);
        out.add(high);
        for (int i = 0; i < k; i++) {
            boolean[] one = new boolean[k];
            one[i] = true;
            out.add(one);
            boolean[] allBut = high.clone();
            allBut[i] = false;
            out.add(allBut);
        }
        return out;
    }

    private Evaluation evaluateAt(List<RangedInput> inputs, boolean[] ends, ClusterSource source, Workload w, Assumptions a,
                                  Batching batching, SpeculationRequest speculation, ServingOptions serving) {
        Map<String, CatalogItem> changed = new LinkedHashMap<>();
        for (int i = 0; i < inputs.size(); i++) {
            RangedInput in = inputs.get(i);
            CatalogItem item = changed.computeIfAbsent(in.itemId(), id -> catalog.find(id).orElseThrow());
            changed.put(in.itemId(), ItemFigures.withFigure(item, in.field(), ends[i] ? in.range().high() : in.range().low()));
        }
        Catalog variant = catalog;
        for (CatalogItem item : changed.values()) {
            variant = variant.replacing(item);
        }
        Evaluator evaluator = new Evaluator(variant);
        try {
            return source.evaluate(evaluator, w, a, batching, speculation, serving);
        } catch (RuntimeException e) {
            return new Evaluation.Failed(Evaluation.Failed.Failure.INVALID, e.getMessage(), null, w.modelId(), 0, List.of());
        }
    }

    private static String describe(List<RangedInput> inputs, boolean[] ends) {
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            RangedInput in = inputs.get(i);
            parts.add(String.format(Locale.ROOT, "%s %s %s", in.itemId(), in.field(), ends[i] ? "high" : "low"));
        }
        return String.join(", ", parts);
    }

}
