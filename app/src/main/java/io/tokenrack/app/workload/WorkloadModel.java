package io.tokenrack.app.workload;

import io.tokenrack.app.document.DesignDocument;
import io.tokenrack.app.document.Edits;
import io.tokenrack.engine.catalog.Catalog;
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

    public boolean setPrecision(Precision p) {
        return edit("precision", w -> w.withPrecision(p));
    }

    public boolean setInputTokens(String text) {
        Integer n = positiveInt("Input tokens", text, false);
        return n != null && edit("input length", w -> w.withInputTokens(n));
    }

    public boolean setOutputTokens(String text) {
        Integer n = positiveInt("Output tokens", text, false);
        return n != null && edit("output length", w -> w.withOutputTokens(n));
    }

    /** A whole number of requests in flight, or "max" (or blank) for the most that fits the limits. */
    public boolean setConcurrency(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.isEmpty() || t.equals("max")) {
            return edit("concurrency", w -> w.withConcurrency(null));
        }
        Integer n = positiveInt("Concurrency", t, false);
        return n != null && edit("concurrency", w -> w.withConcurrency(n));
    }

    /** Time-to-first-token limit in ms; blank for none. */
    public boolean setTtftLimitMs(String text) {
        Double v = positiveOrBlank("TTFT limit", text);
        if (v == null && !isBlank(text)) {
            return false;
        }
        return edit("TTFT limit", w -> w.withTtftLimitMs(v));
    }

    /** Time-per-output-token limit in ms; blank for none. */
    public boolean setTpotLimitMs(String text) {
        Double v = positiveOrBlank("TPOT limit", text);
        if (v == null && !isBlank(text)) {
            return false;
        }
        return edit("TPOT limit", w -> w.withTpotLimitMs(v));
    }

    public boolean setParallelismAuto() {
        return edit("parallelism", w -> w.withParallelism(Parallelism.AUTO));
    }

    /** Manual degrees; a blank degree lets the engine choose that one. */
    public boolean setParallelism(String tp, String pp, String ep, String dp) {
        Integer t = positiveInt("TP", tp, true);
        Integer p = positiveInt("PP", pp, true);
        Integer e = positiveInt("EP", ep, true);
        Integer d = positiveInt("DP", dp, true);
        if ((t == null && !isBlank(tp)) || (p == null && !isBlank(pp)) || (e == null && !isBlank(ep)) || (d == null && !isBlank(dp))) {
            return false;
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
        } catch (IllegalArgumentException e) {
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
        } catch (IllegalArgumentException e) {
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

    private Integer positiveInt(String field, String text, boolean blankAllowed) {
        if (isBlank(text)) {
            if (!blankAllowed) {
                fail(field + ": enter a whole number above 0.");
            }
            return null;
        }
        try {
            int n = Integer.parseInt(text.strip().replace(",", "").replace("_", ""));
            if (n <= 0) {
                fail(field + ": enter a whole number above 0 (was " + n + ").");
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            fail(field + ": enter a whole number above 0 (was \"" + text.strip() + "\").");
            return null;
        }
    }

    private Double positiveOrBlank(String field, String text) {
        if (isBlank(text)) {
            return null;
        }
        return number(field, text, 1e-9, 1e9, "ms");
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
