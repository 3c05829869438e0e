package io.tokenrack.app.workload;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * One editable field of a workload, declared once for every view that edits it (the workload bar
 * and the inspector): its name and unit, the values it takes, what "none" means for it, how it is
 * read from a workload and how a value is written into one. Checking and parsing live here too,
 * so a range or a rule cannot differ between two views.
 *
 * @param key    stable id (the inspector's property key)
 * @param type   Integer, Double, Precision or String (a word: serving and speculative decoding)
 * @param min    smallest allowed number (numbers only)
 * @param max    largest allowed number (numbers only)
 * @param none   how the bar shows no value (null): "max", "auto" or empty; null when a value is required
 * @param undo   the edit's name in the undo menu
 */
public record WorkloadField<V>(
        String key,
        String name,
        String unit,
        Class<V> type,
        Double min,
        Double max,
        String none,
        String undo,
        String help,
        Function<Workload, V> read,
        BiFunction<Workload, V, Workload> write) {

    /** Longest prompt or generation a field accepts, tokens (the engine's bound). */
    public static final int MAX_TOKENS = io.tokenrack.engine.workload.Limits.MAX_TOKENS;
    /** Most requests in flight a field accepts (the engine's bound). */
    public static final int MAX_CONCURRENCY = io.tokenrack.engine.workload.Limits.MAX_CONCURRENCY;
    /** Largest degree of one kind of parallelism. */
    public static final int MAX_DEGREE = 4096;
    /** Longest latency limit, ms (almost three hours). */
    public static final double MAX_LIMIT_MS = 1e7;

    public static final WorkloadField<Precision> PRECISION = new WorkloadField<>("workload.precision", "Precision", "", Precision.class,
            null, null, null, "precision", "Number format of weights and activations.", Workload::precision, Workload::withPrecision);
    public static final WorkloadField<Precision> KV_PRECISION = new WorkloadField<>("workload.kv", "KV-cache precision", "", Precision.class,
            null, null, "auto", "KV-cache precision", "Number format of the KV cache; auto is BF16 for BF16 models and FP8 otherwise.",
            Workload::kvPrecision, Workload::withKvPrecision);
    public static final WorkloadField<Integer> INPUT_TOKENS = new WorkloadField<>("workload.input", "Input tokens", "tok", Integer.class,
            1.0, (double) MAX_TOKENS, null, "input length", "Prompt tokens per request.", Workload::inputTokens, Workload::withInputTokens);
    public static final WorkloadField<Integer> OUTPUT_TOKENS = new WorkloadField<>("workload.output", "Output tokens", "tok", Integer.class,
            1.0, (double) MAX_TOKENS, null, "output length", "Generated tokens per request.", Workload::outputTokens, Workload::withOutputTokens);
    public static final WorkloadField<Integer> CONCURRENCY = new WorkloadField<>("workload.concurrency", "Concurrency", "req", Integer.class,
            1.0, (double) MAX_CONCURRENCY, "max", "concurrency", "Requests in flight; max is the most that fits memory and the limits.",
            Workload::concurrency, Workload::withConcurrency);
    public static final WorkloadField<Double> TTFT_LIMIT_MS = new WorkloadField<>("workload.ttft", "TTFT limit", "ms", Double.class,
            0.001, MAX_LIMIT_MS, "", "TTFT limit", "Time to first token limit; none when empty.", Workload::ttftLimitMs, Workload::withTtftLimitMs);
    public static final WorkloadField<Double> TPOT_LIMIT_MS = new WorkloadField<>("workload.tpot", "TPOT limit", "ms", Double.class,
            0.001, MAX_LIMIT_MS, "", "TPOT limit", "Time per output token limit; none when empty.", Workload::tpotLimitMs, Workload::withTpotLimitMs);
    public static final WorkloadField<Double> MIN_USER_SPEED = new WorkloadField<>("workload.minTps", "Min user speed", "tok/s", Double.class,
            0.001, 1e6, "", "speed floor", "Floor on each user's output speed; none when empty.",
            Workload::minTokensPerSecondPerUser, Workload::withMinTokensPerSecondPerUser);
    /** Percent in the views, a share from 0 to below 1 in the workload. */
    public static final WorkloadField<Double> PREFIX_HIT = new WorkloadField<>("workload.prefixHit", "Prefix cache hit", "%", Double.class,
            0.0, 99.0, "", "prefix hit rate",
            "Share of each prompt already in the prefix cache, not prefilled again; empty is 0. Agent loops that resend their transcript are often quoted at 85–97%.",
            w -> w.prefixHitRate() == null ? null : w.prefixHitRate() * 100,
            (w, pct) -> w.withPrefixHitRate(pct == null ? null : pct / 100));
    public static final WorkloadField<Integer> TP = degree("tp", "TP", "Tensor parallel degree",
            Parallelism::tp, (p, n) -> new Parallelism(n, p.pp(), p.ep(), p.dp()));
    public static final WorkloadField<Integer> PP = degree("pp", "PP", "Pipeline parallel degree",
            Parallelism::pp, (p, n) -> new Parallelism(p.tp(), n, p.ep(), p.dp()));
    public static final WorkloadField<Integer> EP = degree("ep", "EP", "Expert parallel degree",
            Parallelism::ep, (p, n) -> new Parallelism(p.tp(), p.pp(), n, p.dp()));
    public static final WorkloadField<Integer> DP = degree("dp", "DP", "Attention data parallel degree",
            Parallelism::dp, (p, n) -> new Parallelism(p.tp(), p.pp(), p.ep(), n));

    /** How prefill and decode share the accelerators; saved in the design's workload only when not auto. */
    public static final WorkloadField<String> SERVING = new WorkloadField<>("workload.serving", "Serving", "", String.class, null, null,
            "auto", "serving mode",
            "Aggregated: every replica prefills and decodes. Disaggregated: a prefill pool and a decode pool, the KV cache moved between"
                    + " them. Attention–FFN: attention on one kind of accelerator, the experts on another (a design with two kinds)."
                    + " Auto: whichever serves the operating point best.",
            Workload::serving, Workload::withServing);
    /** The speculative decoding; saved in the design's workload only when not auto. */
    public static final WorkloadField<String> SPECULATIVE = new WorkloadField<>("workload.speculative", "Speculative", "", String.class,
            null, null, "auto", "speculative decoding",
            "Off; mtp:K, the model's own multi-token-prediction modules drafting K tokens (models that ship them); eagle:K, an"
                    + " EAGLE-style draft head; draft:MODEL:K, a smaller catalog model with the same tokenizer drafting K tokens;"
                    + " auto: off, MTP or EAGLE at 1–4 tokens, whichever serves best.",
            Workload::speculative, Workload::withSpeculative);

    /** Every field, in the order the views show them. */
    public static final List<WorkloadField<?>> ALL = List.of(PRECISION, KV_PRECISION, INPUT_TOKENS, OUTPUT_TOKENS, CONCURRENCY,
            TTFT_LIMIT_MS, TPOT_LIMIT_MS, MIN_USER_SPEED, PREFIX_HIT, TP, PP, EP, DP, SERVING, SPECULATIVE);

    public WorkloadField {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(type, "type");
        if (Number.class.isAssignableFrom(type) && (min == null || max == null || min > max)) {
            throw new IllegalArgumentException(key + ": a number field needs min ≤ max");
        }
    }

    private static WorkloadField<Integer> degree(String key, String name, String help,
                                                 Function<Parallelism, Integer> get, BiFunction<Parallelism, Integer, Parallelism> set) {
        return new WorkloadField<>("workload." + key, name, "", Integer.class, 1.0, (double) MAX_DEGREE, "", "parallelism",
                help + "; empty lets the engine choose.",
                w -> get.apply(w.parallelism()), (w, n) -> w.withParallelism(set.apply(w.parallelism(), n)));
    }

    /** Whether the field may be left without a value (max, auto, no limit). */
    public boolean optional() {
        return none != null;
    }

    /** "Input tokens (tok)". */
    public String label() {
        return unit.isEmpty() ? name : name + " (" + unit + ")";
    }

    /** {@code workload} with {@code value} (null: none) in this field; throws InputException naming the field when it is not allowed. */
    public Workload apply(Workload workload, V value) {
        check(value);
        return write.apply(workload, value);
    }

    /** Throws InputException, with a sentence naming the field and what it takes, when {@code value} is not allowed. */
    public void check(V value) {
        if (value == null) {
            if (!optional()) {
                throw new InputException(name + ": enter " + expected() + ".");
            }
            return;
        }
        if (value instanceof Number n) {
            double v = n.doubleValue();
            if (!(v >= min && v <= max)) {
                throw new InputException(String.format(Locale.ROOT, "%s: must be between %s and %s%s (was %s).",
                        name, fmt(min), fmt(max), unit.isEmpty() ? "" : " " + unit, fmt(v)));
            }
        }
    }

    /**
     * The value in text a user typed: blank (or the word for none) is none where the field allows
     * it; separators (1,024) are ignored. Throws InputException naming the field.
     */
    public V parse(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || (optional() && (t.equalsIgnoreCase(none) || t.equalsIgnoreCase("none")))) {
            if (optional()) {
                return null;
            }
            throw new InputException(name + ": enter " + expected() + ".");
        }
        String n = t.replace(",", "").replace("_", "");
        try {
            V v;
            if (type == Integer.class) {
                v = type.cast(Integer.valueOf(n));
            } else if (type == Double.class) {
                v = type.cast(Double.valueOf(n));
            } else if (type == Precision.class) {
                v = type.cast(precision(t));
            } else if (type == String.class) {
                v = type.cast(word(t));
            } else {
                throw new IllegalStateException(key + ": no parser for " + type.getSimpleName());
            }
            check(v);
            return v;
        } catch (NumberFormatException e) {
            throw new InputException(name + ": enter " + expected() + " (was \"" + t + "\").");
        }
    }

    /** A serving or speculative word, as the engine's workload takes it (auto is none). */
    private String word(String text) {
        try {
            return key.equals("workload.serving") ? io.tokenrack.engine.workload.ServingChoice.serving(text)
                    : io.tokenrack.engine.workload.ServingChoice.speculative(text);
        } catch (InputException e) {
            throw new InputException(name + ": " + e.getMessage().replaceFirst("^[a-z]+: ", ""), e);
        }
    }

    private Precision precision(String text) {
        try {
            return Precision.parse(text);
        } catch (InputException e) {
            throw new InputException(name + ": " + e.getMessage(), e);
        }
    }

    /** The field of {@code workload} as the bar shows it: the number, or the word for none. */
    public String format(Workload workload) {
        V v = read.apply(workload);
        if (v == null) {
            return none == null ? "" : none;
        }
        if (v instanceof Precision p) {
            return p.label();
        }
        return v instanceof Number n ? fmt(n.doubleValue()) : v.toString();
    }

    private String expected() {
        String what = type == Integer.class ? "a whole number" : type == Double.class ? "a number" : type == String.class ? "a word" : "a precision";
        if (min != null) {
            what += " from " + fmt(min) + " to " + fmt(max) + (unit.isEmpty() ? "" : " " + unit);
        }
        return what + (optional() ? (none.isEmpty() ? ", or nothing" : ", or " + none) : "");
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
