package io.tokenrack.app.inspector;

import io.tokenrack.app.document.DesignCommand;
import io.tokenrack.app.document.Edits;
import io.tokenrack.app.document.ItemFacts;
import io.tokenrack.app.document.LoadText;
import io.tokenrack.app.document.PlacementRules;
import io.tokenrack.app.theme.Units;
import io.tokenrack.app.workload.WorkloadField;
import io.tokenrack.app.workload.WorkloadModel;
import io.tokenrack.engine.catalog.AcceleratorSpec;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.CoolingSpec;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.NetworkSpec;
import io.tokenrack.engine.catalog.PowerSpec;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.catalog.ServerSpec;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.design.RackLoad;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;

/**
 * Every kind's inspector properties, declared once: racks, placed items (with the read-only specs
 * of servers, network gear, cooling and power), and the design with its workload and assumptions.
 */
public final class InspectorMetadata {
    private static final String PLACEMENT = "Item";
    private static final String SPECS = "Item";
    private static final String RACK = "Rack";
    private static final String DESIGN = "Design";
    private static final String WORKLOAD = "Workload";
    private static final String ASSUMPTIONS = "Assumptions";
    private static final String SOURCES = "Sources";

    private final Catalog catalog;
    private final PlacementRules rules;
    final List<PropertyMeta<Subject.Rack>> rack;
    final List<PropertyMeta<Subject.Item>> placement;
    final List<PropertyMeta<Subject.Item>> server;
    final List<PropertyMeta<Subject.Item>> network;
    final List<PropertyMeta<Subject.Item>> cooling;
    final List<PropertyMeta<Subject.Item>> power;
    final List<PropertyMeta<Subject.Selection>> selection;
    final List<PropertyMeta<Subject.Design>> design;

    public InspectorMetadata(Catalog catalog, PlacementRules rules) {
        this.catalog = catalog;
        this.rules = rules;
        List<PropertyMeta.Choice> rackTypes = catalog.all().stream().filter(RackSpec.class::isInstance)
                .map(i -> new PropertyMeta.Choice(i.id(), i.name())).toList();
        List<PropertyMeta.Choice> models = catalog.models().stream().map(m -> new PropertyMeta.Choice(m.id(), m.name())).toList();
        List<PropertyMeta.Choice> precisions = Arrays.stream(Precision.values())
                .map(p -> new PropertyMeta.Choice(p.label(), p.label().toUpperCase(Locale.ROOT))).toList();
        List<PropertyMeta.Choice> kvPrecisions = List.of(new PropertyMeta.Choice("", "auto (fp8/bf16)"),
                new PropertyMeta.Choice("bf16", "BF16"), new PropertyMeta.Choice("fp8", "FP8"));

        rack = List.of(
                PropertyMeta.<Subject.Rack>text("rack.name", "Name", RACK, "The rack's name on the canvas and in reports.",
                        s -> s.rack().name(), (s, v, st) -> {
                            String name = text("Name", v);
                            return new Edits.UpdateRack(s.rack().id(), name, s.rack().rackId());
                        }),
                PropertyMeta.<Subject.Rack>choice("rack.type", "Rack type", RACK,
                        "Height, power budget and cooling of the rack. Changing it keeps the items if they still fit.",
                        rackTypes, s -> s.rack().rackId(), (s, v, st) -> changeRackType(s, choiceId(v))),
                PropertyMeta.<Subject.Rack>readOnly("rack.height", "Height", RACK, "U", "Rack units from the rack type.",
                        s -> s.spec().heightU()),
                PropertyMeta.<Subject.Rack>readOnly("rack.budget", "Power budget", RACK, "kW", "Power the rack may draw (rack type).",
                        s -> Units.number(s.spec().powerBudgetKw())),
                PropertyMeta.<Subject.Rack>readOnly("rack.cooling", "Cooling", RACK, "", "How the rack is cooled; liquid-only gear needs a liquid rack.",
                        s -> s.spec().cooling().label()),
                PropertyMeta.<Subject.Rack>readOnly("rack.maxWeight", "Max weight", RACK, "kg", "Weight limit of the rack, where given.",
                        s -> s.spec().maxWeightKg() == null ? "not given" : Units.number(s.spec().maxWeightKg())),
                PropertyMeta.<Subject.Rack>readOnly("rack.used", "Used", RACK, "U", "Rack units taken by the items.",
                        s -> rules.load(s.rack()).usedU()),
                PropertyMeta.<Subject.Rack>readOnly("rack.nameplate", "Nameplate power", RACK, "kW",
                        "Sum of the items' maximum power: published, or for a server without one its accelerators' TDP plus an"
                                + " assumed host (≈); items with no figure leave it a lower bound (≥).",
                        s -> LoadText.kw(rules.load(s.rack()).nameplate())),
                PropertyMeta.<Subject.Rack>readOnly("rack.sources", "Sources", SOURCES, "", "Where the rack type's numbers come from.",
                        s -> String.join("; ", s.spec().sources())));

        placement = List.of(
                PropertyMeta.<Subject.Item>readOnly("item.id", "Id", PLACEMENT, "", "Unique id of this item in the design.", s -> s.placement().id()),
                PropertyMeta.<Subject.Item>readOnly("item.what", "Catalog item", PLACEMENT, "", "What is placed.", s -> s.item().name()),
                PropertyMeta.<Subject.Item>readOnly("item.rack", "Rack", PLACEMENT, "", "The rack that holds it.", s -> s.rack().name()),
                new PropertyMeta<Subject.Item>("item.position", "Position", PLACEMENT, "U", Integer.class, 1.0, 60.0,
                        "Lowest rack unit the item takes (1 is the bottom).", s -> s.placement().positionU(),
                        (s, v, st) -> moveTo(s, ((Number) v).intValue()), null),
                new PropertyMeta<Subject.Item>("item.count", "Count", PLACEMENT, "", Integer.class, 1.0, 10_000.0,
                        "How many of a 0U item (optics, NICs) the rack holds.", s -> s.placement().count(),
                        (s, v, st) -> setCount(s, ((Number) v).intValue()), null));

        server = List.of(
                PropertyMeta.<Subject.Item>readOnly("server.accelerators", "Accelerators", SPECS, "", "Accelerators in the unit.",
                        s -> serverOf(s).hasAccelerators() ? serverOf(s).acceleratorCount() + " × " + catalog.accelerator(serverOf(s).acceleratorId()).name() : "none"),
                PropertyMeta.<Subject.Item>readOnly("server.memory", "Memory", SPECS, "GB", "Memory (HBM) of each accelerator (datasheet).",
                        s -> accel(s) == null ? "—" : Units.number(accel(s).memoryGB())),
                PropertyMeta.<Subject.Item>readOnly("server.bandwidth", "Bandwidth", SPECS, "TB/s", "Memory bandwidth of each accelerator (datasheet).",
                        s -> accel(s) == null ? "—" : Units.number(accel(s).memBandwidthTBps())),
                PropertyMeta.<Subject.Item>readOnly("server.fp8", "Dense FP8", SPECS, "TFLOP/s", "Per accelerator, without sparsity (datasheet).",
                        s -> accel(s) == null || accel(s).fp8DenseTflops() == null ? "—" : Units.number(accel(s).fp8DenseTflops())),
                PropertyMeta.<Subject.Item>readOnly("server.tdp", "TDP", SPECS, "W", "Thermal design power of each accelerator (datasheet).",
                        s -> accel(s) == null || accel(s).tdpWatts() == null ? "not published" : Units.number(accel(s).tdpWatts())),
                PropertyMeta.<Subject.Item>readOnly("server.scaleup", "Scale-up", SPECS, "", "Scale-up link and bandwidth per direction.",
                        s -> accel(s) == null || accel(s).scaleUpLink() == null ? "—" : accel(s).scaleUpLink()
                                + (accel(s).scaleUpGBpsPerDirection() == null ? "" : " · " + Units.number(accel(s).scaleUpGBpsPerDirection()) + " GB/s/dir")),
                PropertyMeta.<Subject.Item>readOnly("server.height", "Height", SPECS, "U", "Rack units.", s -> serverOf(s).heightU()),
                PropertyMeta.<Subject.Item>readOnly("server.power", "Max power", SPECS, "kW", "Nameplate maximum of the unit.",
                        s -> serverOf(s).maxPowerWatts() == null ? "not published" : Units.number(serverOf(s).maxPowerWatts() / 1000)),
                PropertyMeta.<Subject.Item>readOnly("server.weight", "Weight", SPECS, "kg", "Published weight.",
                        s -> serverOf(s).weightKg() == null ? "not published" : Units.number(serverOf(s).weightKg())),
                PropertyMeta.<Subject.Item>readOnly("server.cooling", "Cooling", SPECS, "", "What the unit needs from its rack.",
                        s -> serverOf(s).cooling().label()),
                PropertyMeta.<Subject.Item>readOnly("server.price", "Price estimate", SPECS, "USD", "Estimate from the catalog, where one exists.",
                        s -> serverOf(s).priceUsdEstimate() == null ? "not published" : Units.usd(serverOf(s).priceUsdEstimate())),
                sources());
        network = List.of(
                PropertyMeta.<Subject.Item>readOnly("net.type", "Type", SPECS, "", "Switch, NIC or optic.", s -> netOf(s).type().label() + " · " + netOf(s).fabric()),
                PropertyMeta.<Subject.Item>readOnly("net.ports", "Ports", SPECS, "", "Ports × line rate per direction.",
                        s -> (netOf(s).ports() == null ? "" : netOf(s).ports() + " × ") + Units.number(netOf(s).portSpeedGbps()) + " Gb/s"),
                PropertyMeta.<Subject.Item>readOnly("net.power", "Max power", SPECS, "W", "Published maximum.",
                        s -> netOf(s).maxPowerWatts() == null ? "not published" : Units.number(netOf(s).maxPowerWatts())),
                sources());
        cooling = List.of(
                PropertyMeta.<Subject.Item>readOnly("cool.type", "Type", SPECS, "", "How heat leaves the rack.", s -> coolOf(s).type().label()),
                PropertyMeta.<Subject.Item>readOnly("cool.capacity", "Capacity", SPECS, "kW", "Heat it removes from one rack.", s -> Units.number(coolOf(s).capacityKw())),
                PropertyMeta.<Subject.Item>readOnly("cool.pue", "PUE", SPECS, "", "Facility power ÷ IT power typical for this cooling.", s -> Units.number(coolOf(s).pue())),
                sources());
        power = List.of(
                PropertyMeta.<Subject.Item>readOnly("power.capacity", "Capacity", SPECS, "kW", "Power it can distribute.",
                        s -> s.item() instanceof PowerSpec p ? Units.number(p.capacityKw()) : "—"),
                sources());

        selection = List.of(
                PropertyMeta.<Subject.Selection>readOnly("sel.count", "Items", PLACEMENT, "", "Items selected.", s -> s.placements().size()),
                PropertyMeta.<Subject.Selection>readOnly("sel.units", "Rack units", PLACEMENT, "U", "Units they take together.", s -> s.units()),
                PropertyMeta.<Subject.Selection>readOnly("sel.power", "Nameplate power", PLACEMENT, "kW", "Their published maximum power together.",
                        s -> Units.number(s.nameplateWatts() / 1000)),
                PropertyMeta.<Subject.Selection>readOnly("sel.acc", "Accelerators", PLACEMENT, "", "Accelerators in them.", s -> s.accelerators()));

        design = List.of(
                PropertyMeta.<Subject.Design>text("design.name", "Name", DESIGN, "The design's name.", s -> s.design().name(),
                        (s, v, st) -> new Edits.RenameDesign(text("Name", v), s.design().description())),
                PropertyMeta.<Subject.Design>text("design.description", "Description", DESIGN, "A note saved with the design.",
                        s -> s.design().description() == null ? "" : s.design().description(),
                        (s, v, st) -> new Edits.RenameDesign(s.design().name(), v == null || v.toString().isBlank() ? null : v.toString())),
                PropertyMeta.<Subject.Design>choice("workload.model", "Model", WORKLOAD, "The LLM served (architecture from its published config).",
                        models, s -> s.workload().modelId(), (s, v, st) -> workload(s, "model", w -> w.withModel(choiceId(v)))),
                PropertyMeta.<Subject.Design>choice(WorkloadField.PRECISION.key(), WorkloadField.PRECISION.name(), WORKLOAD,
                        WorkloadField.PRECISION.help(), precisions, s -> s.workload().precision().label(),
                        (s, v, st) -> workload(s, WorkloadField.PRECISION, Precision.parse(choiceId(v)))),
                PropertyMeta.<Subject.Design>choice(WorkloadField.KV_PRECISION.key(), WorkloadField.KV_PRECISION.name(), WORKLOAD,
                        WorkloadField.KV_PRECISION.help(), kvPrecisions,
                        s -> s.workload().kvPrecision() == null ? "" : s.workload().kvPrecision().label(),
                        (s, v, st) -> workload(s, WorkloadField.KV_PRECISION, choiceId(v).isEmpty() ? null : Precision.parse(choiceId(v)))),
                integer(WorkloadField.INPUT_TOKENS),
                integer(WorkloadField.OUTPUT_TOKENS),
                integer(WorkloadField.CONCURRENCY),
                decimal(WorkloadField.TTFT_LIMIT_MS),
                decimal(WorkloadField.TPOT_LIMIT_MS),
                decimal(WorkloadField.MIN_USER_SPEED),
                decimal(WorkloadField.PREFIX_HIT),
                integer(WorkloadField.TP),
                integer(WorkloadField.PP),
                integer(WorkloadField.EP),
                integer(WorkloadField.DP),
                servingChoice(WorkloadField.SERVING, List.of("aggregated", "disaggregated", "afd")),
                servingChoice(WorkloadField.SPECULATIVE, SPECULATIVE_WORDS),
                PropertyMeta.<Subject.Design>decimal("assume.electricity", "Electricity", ASSUMPTIONS, "$/kWh", 0, 10, "Price of energy at the meter.",
                        s -> s.assumptions().electricityUsdPerKwh(), (s, v, st) -> assume(s, "electricity price", a -> a.withElectricityUsdPerKwh(num(v)))),
                PropertyMeta.<Subject.Design>decimal("assume.years", "Amortization", ASSUMPTIONS, "years", 0.5, 30, "Years over which hardware capital is recovered.",
                        s -> s.assumptions().amortizationYears(), (s, v, st) -> assume(s, "amortization", a -> a.withAmortizationYears(num(v)))),
                PropertyMeta.<Subject.Design>decimal("assume.capital", "Cost of capital", ASSUMPTIONS, "%/year", 0, 99, "Annual rate in the capital recovery factor.",
                        s -> s.assumptions().costOfCapital() * 100, (s, v, st) -> assume(s, "cost of capital", a -> a.withCostOfCapital(num(v) / 100))),
                PropertyMeta.<Subject.Design>decimal("assume.utilization", "Utilization", ASSUMPTIONS, "%", 1, 100, "Share of hours the rack serves at its operating point.",
                        s -> s.assumptions().utilization() * 100, (s, v, st) -> assume(s, "utilization", a -> a.withUtilization(num(v) / 100))),
                PropertyMeta.<Subject.Design>decimal("assume.colocation", "Colocation", ASSUMPTIONS, "$/kW-month", 0, 10_000,
                        "Space, power and cooling capacity per provisioned IT kW per month.",
                        s -> s.assumptions().colocationUsdPerKwMonth(), (s, v, st) -> assume(s, "colocation", a -> a.withColocationUsdPerKwMonth(num(v)))));
    }

    /** Categories in the order the sheet shows them. */
    public static int categoryOrder(String category) {
        int i = List.of(PLACEMENT, RACK, SPECS, WORKLOAD, ASSUMPTIONS, DESIGN, SOURCES).indexOf(category);
        return i < 0 ? 99 : i;
    }

    /** The properties of a subject, in display order. */
    /** The speculative decodings the sheet offers for every model ("auto" is the blank choice). */
    private static final List<String> SPECULATIVE_WORDS = io.tokenrack.app.workload.WorkloadModel.SPECULATIVE_CHOICES.stream()
            .filter(w -> !w.equals("auto")).toList();
    /** The design's properties for a model with draft models to offer, one list per model (the same list while the model stays). */
    private final java.util.Map<String, List<PropertyMeta<Subject.Design>>> designByModel = new java.util.concurrent.ConcurrentHashMap<>();

    /** The design's properties, the speculative choice offering {@code modelId}'s draft models as the workload bar does. */
    private List<PropertyMeta<Subject.Design>> design(String modelId) {
        return designByModel.computeIfAbsent(modelId, id -> {
            List<String> drafts = io.tokenrack.app.workload.WorkloadModel.draftChoices(catalog, id);
            if (drafts.isEmpty()) {
                return design;
            }
            List<String> words = new ArrayList<>(SPECULATIVE_WORDS);
            words.addAll(drafts);
            PropertyMeta<Subject.Design> speculative = servingChoice(WorkloadField.SPECULATIVE, words);
            return design.stream().map(m -> m.key().equals(WorkloadField.SPECULATIVE.key()) ? speculative : m).toList();
        });
    }

    public List<PropertyMeta<?>> of(Subject s) {
        List<PropertyMeta<?>> out = new ArrayList<>();
        switch (s) {
            case Subject.Rack r -> out.addAll(rack);
            case Subject.Selection sel -> out.addAll(selection);
            case Subject.Design d -> out.addAll(design(d.workload().modelId()));
            case Subject.Item i -> {
                for (PropertyMeta<Subject.Item> m : placement) {
                    boolean zeroU = i.placement().positionU() == null;
                    if ((m.key().equals("item.position") && zeroU) || (m.key().equals("item.count") && !zeroU)) {
                        continue;
                    }
                    out.add(m);
                }
                out.addAll(switch (i.item()) {
                    case ServerSpec x -> server;
                    case NetworkSpec x -> network;
                    case CoolingSpec x -> cooling;
                    case PowerSpec x -> power;
                    default -> List.of();
                });
            }
        }
        return out;
    }

    // ---- editors

    private DesignCommand moveTo(Subject.Item s, int u) {
        var why = rules.refusal(s.design(), s.rack().id(), List.of(new PlacementRules.Request(s.placement().catalogId(), u)),
                Set.of(s.placement().id()));
        if (why.isPresent()) {
            throw new InputException(why.get());
        }
        return new Edits.MoveItems(List.of(new Edits.Move(s.placement().id(), s.rack().id(), u)));
    }

    private DesignCommand setCount(Subject.Item s, int count) {
        RackInstance changed = s.rack().withItems(s.rack().items().stream()
                .map(p -> p.id().equals(s.placement().id()) ? new Placement(p.id(), p.catalogId(), p.positionU(), count) : p).toList());
        RackLoad load = rules.load(changed);
        if (count > s.placement().count() && load.overBudget()) { // the design check's error, as PlacementRules refuses drops
            throw new InputException("Refused: exceeds the rack power budget: " + s.rack().name() + " would draw "
                    + Units.kw(load.nameplate().publishedWatts()) + " of " + Units.kw(load.powerBudgetWatts()) + ".");
        }
        return new Edits.UpdatePlacement(s.placement().id(), null, count);
    }

    private DesignCommand changeRackType(Subject.Rack s, String rackId) {
        if (catalog.find(rackId, RackSpec.class).isEmpty()) {
            throw new InputException("Rack type: '" + rackId + "' is not in the catalog.");
        }
        RackInstance empty = new RackInstance(s.rack().id(), s.rack().name(), rackId, List.of());
        RackDesign trial = s.design().withRacks(s.design().racks().stream().map(r -> r.id().equals(s.rack().id()) ? empty : r).toList());
        List<PlacementRules.Request> all = s.rack().items().stream().map(p -> new PlacementRules.Request(p.catalogId(), p.positionU())).toList();
        var why = rules.refusal(trial, s.rack().id(), all, Set.of());
        if (why.isPresent()) {
            throw new InputException("The items do not fit the new rack type. " + why.get());
        }
        return new Edits.UpdateRack(s.rack().id(), s.rack().name(), rackId);
    }

    private static DesignCommand workload(Subject.Design s, String what, Function<Workload, Workload> change) {
        return new Edits.SetWorkload(change.apply(s.workload()), what);
    }

    private static DesignCommand assume(Subject.Design s, String what, Function<Assumptions, Assumptions> change) {
        return new Edits.SetAssumptions(change.apply(s.assumptions()), what);
    }

    /**
     * A whole-number workload field as an inspector property. The inspector's number editors show
     * no value as 0 (max, no limit, the engine's choice); otherwise the field checks the value
     * itself, so the range and the refusal are the workload bar's.
     */
    private static PropertyMeta<Subject.Design> integer(WorkloadField<Integer> f) {
        return new PropertyMeta<Subject.Design>(f.key(), f.name(), WORKLOAD, f.unit(), Integer.class, null, null, help(f),
                s -> {
                    Integer v = f.read().apply(s.workload());
                    return v == null ? 0 : v;
                },
                (s, v, st) -> workload(s, f, f.optional() && ((Number) v).intValue() == 0 ? null : ((Number) v).intValue()), null);
    }

    /** A decimal workload field as an inspector property (no value shown as 0, as for {@link #integer}). */
    private static PropertyMeta<Subject.Design> decimal(WorkloadField<Double> f) {
        return new PropertyMeta<Subject.Design>(f.key(), f.name(), WORKLOAD, f.unit(), Double.class, null, null, help(f),
                s -> {
                    Double v = f.read().apply(s.workload());
                    return v == null ? 0.0 : v;
                },
                (s, v, st) -> workload(s, f, f.optional() && ((Number) v).doubleValue() == 0 ? null : ((Number) v).doubleValue()), null);
    }

    private static String help(WorkloadField<?> f) {
        return f.help() + " Range " + MetaItem.fmt(f.min()) + "–" + MetaItem.fmt(f.max()) + (f.unit().isEmpty() ? "" : " " + f.unit())
                + (f.optional() ? "; 0 stands for " + (f.none().isEmpty() ? "no value" : f.none()) : "") + ".";
    }

    /** The command that puts {@code value} in a workload field (the field checks it). */
    /**
     * A serving word as a choice (auto first), refused with the engine's sentence where the design or
     * model cannot run it, as the workload bar refuses it.
     */
    private PropertyMeta<Subject.Design> servingChoice(WorkloadField<String> f, List<String> words) {
        List<PropertyMeta.Choice> choices = new java.util.ArrayList<>();
        choices.add(new PropertyMeta.Choice("", "auto"));
        words.forEach(w -> choices.add(new PropertyMeta.Choice(w, w.equals("afd") ? "attention–FFN" : w)));
        return PropertyMeta.<Subject.Design>choice(f.key(), f.name(), WORKLOAD, f.help(), choices,
                s -> f.read().apply(s.workload()) == null ? "" : f.read().apply(s.workload()),
                (s, v, st) -> {
                    String word = choiceId(v).isEmpty() ? "auto" : choiceId(v);
                    Workload next = f.apply(s.workload(), f.parse(word));
                    var refused = new io.tokenrack.engine.evaluate.ServingSearch(new io.tokenrack.engine.evaluate.Evaluator(catalog))
                            .refusal(s.design(), next);
                    if (refused.isPresent()) {
                        throw new InputException(f.name() + " " + word + ": " + refused.get());
                    }
                    return new Edits.SetWorkload(next, f.undo());
                });
    }

    private static <V> DesignCommand workload(Subject.Design s, WorkloadField<V> f, V value) {
        return workload(s, f.undo(), w -> f.apply(w, value));
    }

    private static PropertyMeta<Subject.Item> sources() {
        return PropertyMeta.readOnly("item.sources", "Sources", SOURCES, "", "Where the item's numbers come from.",
                s -> String.join("; ", s.item().sources()));
    }

    private static ServerSpec serverOf(Subject.Item s) {
        return (ServerSpec) s.item();
    }

    private AcceleratorSpec accel(Subject.Item s) {
        ServerSpec sv = serverOf(s);
        return sv.hasAccelerators() ? catalog.accelerator(sv.acceleratorId()) : null;
    }

    private static NetworkSpec netOf(Subject.Item s) {
        return (NetworkSpec) s.item();
    }

    private static CoolingSpec coolOf(Subject.Item s) {
        return (CoolingSpec) s.item();
    }

    private static String text(String field, Object v) {
        if (v == null || v.toString().isBlank()) {
            throw new InputException(field + ": must not be empty.");
        }
        return v.toString().strip();
    }

    private static String choiceId(Object v) {
        return v instanceof PropertyMeta.Choice c ? c.id() : String.valueOf(v);
    }

    private static double num(Object v) {
        return ((Number) v).doubleValue();
    }

    /** A subject for the current selection (one item, several, a rack, or the design). */
    public Subject subjectFor(RackDesign design, Assumptions assumptions, Set<String> selected, String currentRack) {
        if (selected.size() == 1) {
            String id = selected.iterator().next();
            var rack = PlacementRules.rackOf(design, id);
            var placement = PlacementRules.findPlacement(design, id);
            if (rack.isPresent() && placement.isPresent()) {
                CatalogItem item = catalog.find(placement.get().catalogId()).orElse(null);
                RackSpec spec = catalog.find(rack.get().rackId(), RackSpec.class).orElse(null);
                if (item != null && spec != null) {
                    return new Subject.Item(design, rack.get(), spec, placement.get(), item);
                }
            }
        }
        if (selected.size() > 1) {
            ItemFacts facts = rules.facts();
            List<Placement> ps = selected.stream().map(id -> PlacementRules.findPlacement(design, id)).flatMap(java.util.Optional::stream).toList();
            int units = 0;
            double watts = 0;
            int acc = 0;
            for (Placement p : ps) {
                CatalogItem it = catalog.find(p.catalogId()).orElse(null);
                if (it != null) {
                    units += p.positionU() == null ? 0 : ItemFacts.heightU(it);
                    watts += facts.maxPowerWatts(it) * p.count();
                    acc += facts.acceleratorCount(it) * p.count();
                }
            }
            return new Subject.Selection(ps, units, watts, acc);
        }
        if (currentRack != null) {
            var rack = PlacementRules.findRack(design, currentRack);
            if (rack.isPresent()) {
                RackSpec spec = catalog.find(rack.get().rackId(), RackSpec.class).orElse(null);
                if (spec != null) {
                    return new Subject.Rack(design, rack.get(), spec);
                }
            }
        }
        Workload w = design.workload() != null ? design.workload() : WorkloadModel.defaultWorkload(catalog);
        return new Subject.Design(design, w, assumptions);
    }
}
