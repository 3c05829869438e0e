package io.tokenrack.app.workload;

import io.tokenrack.app.document.DesignDocument;
import io.tokenrack.app.document.Edits;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The workload bar's model: the workload and assumptions of the open document, and one command per
 * field. Commands take the text a user typed, check it, and either make one undoable edit or set
 * {@link #errorProperty()} to a sentence naming the field and what it needs.
 */
public final class WorkloadModel {
    private final DesignDocument document;
    private final Catalog catalog;
    private final ReadOnlyObjectWrapper<Workload> workload = new ReadOnlyObjectWrapper<>(this, "workload");
    private final ReadOnlyObjectWrapper<Assumptions> assumptions = new ReadOnlyObjectWrapper<>(this, "assumptions");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public WorkloadModel(DesignDocument document, Catalog catalog) {
        this.document = document;
        this.catalog = catalog;
        initListeners();
        refresh();
    }

    private void initListeners() {
        document.stateProperty().addListener((obs, a, b) -> refresh());
    }

    private void refresh() {
        workload.set(effective());
        assumptions.set(document.assumptions());
    }

    /** The document's workload, or the default one a new design starts with. */
    public ReadOnlyObjectProperty<Workload> workloadProperty() {
        return workload.getReadOnlyProperty();
    }

    public Workload workload() {
        return workload.get();
    }

    public ReadOnlyObjectProperty<Assumptions> assumptionsProperty() {
        return assumptions.getReadOnlyProperty();
    }

    /** Why the last input was refused, or "" after an accepted one. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public List<ModelSpec> models() {
        return catalog.models();
    }

    /** The speculative decodings offered whatever the model: off, auto, and the model's MTP modules or an EAGLE head drafting 1–4 tokens. */
    public static final List<String> SPECULATIVE_CHOICES = List.of("auto", "off", "mtp:1", "mtp:2", "mtp:3", "mtp:4", "eagle:1", "eagle:2",
            "eagle:3", "eagle:4");
    /** Draft depths offered for a draft model, as for the other methods (auto tries 1 … this many too). */
    public static final int DRAFT_DEPTHS = io.tokenrack.engine.evaluate.SpeculationRequest.AUTO_MAX_DRAFT_TOKENS;

    private String draftsFor;
    private List<String> drafts = List.of();

    /**
     * The speculative decodings offered for {@code modelId}: {@link #SPECULATIVE_CHOICES}, then
     * {@code draft:MODEL_ID:K} (K 1 … {@value #DRAFT_DEPTHS}) for each catalog model smaller than it
     * that the engine accepts as its draft model (the engine's rule: another model with the same
     * tokenizer). A larger draft would only cost more than it saves, so none is offered; a design
     * file may still name one.
     */
    public List<String> speculativeChoices(String modelId) {
        if (!modelId.equals(draftsFor)) {
            drafts = draftChoices(catalog, modelId);
            draftsFor = modelId;
        }
        List<String> out = new java.util.ArrayList<>(SPECULATIVE_CHOICES);
        out.addAll(drafts);
        return List.copyOf(out);
    }

    /**
     * {@code draft:MODEL_ID:K} (K 1 … {@value #DRAFT_DEPTHS}) for each catalog model smaller than
     * {@code modelId} that the engine accepts as its draft model; empty for a model not in the catalog.
     */
    public static List<String> draftChoices(Catalog catalog, String modelId) {
        ModelSpec target = catalog.find(modelId, ModelSpec.class).orElse(null);
        if (target == null) {
            return List.of();
        }
        List<String> out = new java.util.ArrayList<>();
        for (ModelSpec draft : catalog.models()) {
            if (draft.totalParamsB() >= target.totalParamsB()) {
                continue;
            }
            try {
                // the engine's own check of a draft model for this target
                io.tokenrack.engine.evaluate.SpeculationRequest.parse("draft:" + draft.id() + ":1").candidates(target, catalog);
            } catch (InputException refused) {
                continue;
            }
            for (int k = 1; k <= DRAFT_DEPTHS; k++) {
                out.add("draft:" + draft.id() + ":" + k);
            }
        }
        return List.copyOf(out);
    }

    /** A workload for designs that have none: the first model in FP8, 1,024 in and out, max concurrency. */
    public static Workload defaultWorkload(Catalog catalog) {
        String model = catalog.models().isEmpty() ? "none" : catalog.models().getFirst().id();
        return new Workload(model, Precision.FP8, null, 1024, 1024, null, null, null, null, Parallelism.AUTO);
    }

    private Workload effective() {
        Workload w = document.design().workload();
        return w != null ? w : defaultWorkload(catalog);
    }

    // ---- commands

    public boolean setModel(String modelId) {
        if (catalog.find(modelId, ModelSpec.class).isEmpty()) {
            return fail("Model: '" + modelId + "' is not in the catalog.");
        }
        return edit("model", w -> w.withModel(modelId));
    }

    /** Puts {@code value} (null: none) in {@code field}: one undoable edit, or false and a message saying what the field takes. */
    public <V> boolean set(WorkloadField<V> field, V value) {
        return edit(field.undo(), w -> field.apply(w, value));
    }

    /** As {@link #set}, from text a user typed into the field. */
    public boolean setText(WorkloadField<?> field, String text) {
        return parseAndSet(field, text);
    }

    private <V> boolean parseAndSet(WorkloadField<V> field, String text) {
        V value;
        try {
            value = field.parse(text);
        } catch (InputException e) {
            return fail(e.getMessage());
        }
        return set(field, value);
    }

    public boolean setPrecision(Precision p) {
        return set(WorkloadField.PRECISION, p);
    }

    public boolean setInputTokens(String text) {
        return setText(WorkloadField.INPUT_TOKENS, text);
    }

    public boolean setOutputTokens(String text) {
        return setText(WorkloadField.OUTPUT_TOKENS, text);
    }

    /** A whole number of requests in flight, or "max" (or blank) for the most that fits the limits. */
    public boolean setConcurrency(String text) {
        return setText(WorkloadField.CONCURRENCY, text);
    }

    /** Time-to-first-token limit in ms; blank for none. */
    public boolean setTtftLimitMs(String text) {
        return setText(WorkloadField.TTFT_LIMIT_MS, text);
    }

    /** Time-per-output-token limit in ms; blank for none. */
    public boolean setTpotLimitMs(String text) {
        return setText(WorkloadField.TPOT_LIMIT_MS, text);
    }

    /**
     * How the design serves ({@code auto}, {@code aggregated}, {@code disaggregated} or {@code afd}):
     * one undoable edit, or refused with the engine's sentence when the design cannot serve that way.
     */
    public boolean setServing(String word) {
        return setChoice(WorkloadField.SERVING, word);
    }

    /**
     * The speculative decoding ({@code auto}, {@code off}, {@code mtp:K}, {@code eagle:K} or
     * {@code draft:MODEL_ID:K}): one undoable edit, or refused with the engine's sentence when the
     * model cannot run it (MTP for a model without MTP modules).
     */
    public boolean setSpeculative(String word) {
        return setChoice(WorkloadField.SPECULATIVE, word);
    }

    /** The engine's sentence refusing {@code word} in {@code field} for the open design and its workload, or empty when allowed. */
    public java.util.Optional<String> refusal(WorkloadField<String> field, String word) {
        Workload next;
        try {
            next = field.apply(effective(), field.parse(word));
        } catch (InputException e) {
            return java.util.Optional.of(e.getMessage());
        }
        return new io.tokenrack.engine.evaluate.ServingSearch(new io.tokenrack.engine.evaluate.Evaluator(catalog))
                .refusal(document.design(), next);
    }

    private boolean setChoice(WorkloadField<String> field, String word) {
        var refused = refusal(field, word);
        if (refused.isPresent()) {
            String why = refused.get();
            return fail(why.startsWith(field.name()) ? why : field.name() + " " + word + ": " + why);
        }
        return setText(field, word);
    }

    public boolean setParallelismAuto() {
        return edit("parallelism", w -> w.withParallelism(Parallelism.AUTO));
    }

    /** Manual degrees; a blank degree lets the engine choose that one. */
    public boolean setParallelism(String tp, String pp, String ep, String dp) {
        Integer t;
        Integer p;
        Integer e;
        Integer d;
        try {
            t = WorkloadField.TP.parse(tp);
            p = WorkloadField.PP.parse(pp);
            e = WorkloadField.EP.parse(ep);
            d = WorkloadField.DP.parse(dp);
        } catch (InputException x) {
            return fail(x.getMessage());
        }
        return edit("parallelism", w -> w.withParallelism(new Parallelism(t, p, e, d)));
    }

    public boolean setParallelism(Parallelism p) {
        return edit("parallelism", w -> w.withParallelism(p));
    }

    /** Electricity price in USD per kWh. */
    public boolean setElectricityUsdPerKwh(String text) {
        Double v = number("Electricity price", text, 0, 10, "$/kWh");
        return v != null && assume("electricity price", a -> a.withElectricityUsdPerKwh(v));
    }

    public boolean setAmortizationYears(String text) {
        Double v = number("Amortization", text, 0.5, 30, "years");
        return v != null && assume("amortization", a -> a.withAmortizationYears(v));
    }

    /** Utilization in percent (1–100). */
    public boolean setUtilizationPercent(String text) {
        Double v = number("Utilization", text == null ? null : text.replace("%", ""), 1, 100, "%");
        return v != null && assume("utilization", a -> a.withUtilization(v / 100));
    }

    // ---- helpers

    private boolean edit(String what, UnaryOperator<Workload> change) {
        Workload next;
        try {
            next = change.apply(effective());
        } catch (InputException e) {
            return fail(e.getMessage());
        }
        document.execute(new Edits.SetWorkload(next, what));
        error.set("");
        return true;
    }

    private boolean assume(String what, UnaryOperator<Assumptions> change) {
        Assumptions next;
        try {
            next = change.apply(document.assumptions());
        } catch (InputException e) {
            return fail(e.getMessage());
        }
        document.execute(new Edits.SetAssumptions(next, what));
        error.set("");
        return true;
    }

    private boolean fail(String message) {
        error.set(message);
        return false;
    }

    private static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }

    private Double number(String field, String text, double min, double max, String unit) {
        if (isBlank(text)) {
            fail(field + ": enter a number in " + unit + ".");
            return null;
        }
        try {
            double v = Double.parseDouble(text.strip().replace(",", "").replace("$", ""));
            if (!(v >= min && v <= max)) {
                fail(String.format(Locale.ROOT, "%s: must be between %s and %s %s (was %s).", field, trim(min), trim(max), unit, trim(v)));
                return null;
            }
            return v;
        } catch (NumberFormatException e) {
            fail(field + ": enter a number in " + unit + " (was \"" + text.strip() + "\").");
            return null;
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
