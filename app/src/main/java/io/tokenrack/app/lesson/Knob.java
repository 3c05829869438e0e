package io.tokenrack.app.lesson;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.tokenrack.app.document.DesignCommand;
import io.tokenrack.app.document.DocState;
import io.tokenrack.app.document.Edits;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The one change a lesson step makes: a workload field or a cost assumption set to a value, applied
 * through the document's ordinary edits (so Undo takes it back and the results follow).
 *
 * @param name  which knob (see {@link Kind})
 * @param value the new value: a number, a format name ("fp8"), "max" (concurrency) or "none" (a limit)
 */
public record Knob(@JsonProperty(required = true) String name, @JsonProperty(required = true) JsonNode value) {

    /** The knobs a lesson may turn. */
    public enum Kind {
        CONCURRENCY("concurrency", "requests in flight"),
        INPUT_TOKENS("inputTokens", "input length"),
        OUTPUT_TOKENS("outputTokens", "output length"),
        MIN_TOKENS_PER_SECOND_PER_USER("minTokensPerSecondPerUser", "tokens/s per user floor"),
        TPOT_LIMIT_MS("tpotLimitMs", "time per output token limit"),
        TTFT_LIMIT_MS("ttftLimitMs", "time to first token limit"),
        PRECISION("precision", "number format"),
        KV_PRECISION("kvPrecision", "KV-cache format"),
        PREFIX_HIT_RATE("prefixHitRate", "prefix cache hit rate"),
        UTILIZATION("utilization", "utilization"),
        ELECTRICITY_USD_PER_KWH("electricityUsdPerKwh", "electricity price");

        private final String field;
        private final String label;

        Kind(String field, String label) {
            this.field = field;
            this.label = label;
        }

        public String field() {
            return field;
        }

        /** How the change reads in the Undo menu. */
        public String label() {
            return label;
        }

        static Kind of(String name) {
            return Arrays.stream(values()).filter(k -> k.field.equals(name)).findFirst().orElseThrow(() -> new InputException(
                    "name: no knob '" + name + "' (known: " + String.join(", ", names()) + ")"));
        }

        static List<String> names() {
            return Arrays.stream(values()).map(Kind::field).toList();
        }
    }

    public Knob {
        Lesson.nonBlank("name", name);
        Kind k = Kind.of(name);
        if (value == null || value.isNull()) {
            throw new InputException("value: missing");
        }
        shapeOf(k, value);
    }

    public Kind kind() {
        return Kind.of(name);
    }

    /** The command that sets this knob on {@code s}; it fails with "value: …" when the value is out of range. */
    public DesignCommand command(DocState s) {
        return set(kind(), value, s);
    }

    /** The knob {@code kind} as it stands in {@code s}, as a lesson file would write it. */
    public static Knob current(Kind kind, DocState s) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        Workload w = s.design().workload();
        Assumptions a = s.assumptions();
        JsonNode v = switch (kind) {
            case CONCURRENCY -> w == null || w.concurrency() == null ? f.textNode("max") : f.numberNode(w.concurrency());
            case INPUT_TOKENS -> f.numberNode(w.inputTokens());
            case OUTPUT_TOKENS -> f.numberNode(w.outputTokens());
            case MIN_TOKENS_PER_SECOND_PER_USER -> orNone(w.minTokensPerSecondPerUser());
            case TPOT_LIMIT_MS -> orNone(w.tpotLimitMs());
            case TTFT_LIMIT_MS -> orNone(w.ttftLimitMs());
            case PRECISION -> f.textNode(w.precision().label());
            case KV_PRECISION -> f.textNode(w.effectiveKvPrecision().label());
            case PREFIX_HIT_RATE -> f.numberNode(w.effectivePrefixHitRate());
            case UTILIZATION -> f.numberNode(a.utilization());
            case ELECTRICITY_USD_PER_KWH -> f.numberNode(a.electricityUsdPerKwh());
        };
        return new Knob(kind.field(), v);
    }

    private static JsonNode orNone(Double v) {
        return v == null ? JsonNodeFactory.instance.textNode("none") : JsonNodeFactory.instance.numberNode(v);
    }

    private static DesignCommand set(Kind k, JsonNode v, DocState s) {
        Object x = shapeOf(k, v);
        Workload w = s.design().workload();
        if (w == null && k != Kind.UTILIZATION && k != Kind.ELECTRICITY_USD_PER_KWH) {
            throw new InputException("name: the design has no workload to change");
        }
        try {
            return switch (k) {
                case CONCURRENCY -> new Edits.SetWorkload(w.withConcurrency((Integer) x), k.label());
                case INPUT_TOKENS -> new Edits.SetWorkload(w.withInputTokens((Integer) x), k.label());
                case OUTPUT_TOKENS -> new Edits.SetWorkload(w.withOutputTokens((Integer) x), k.label());
                case MIN_TOKENS_PER_SECOND_PER_USER -> new Edits.SetWorkload(w.withMinTokensPerSecondPerUser((Double) x), k.label());
                case TPOT_LIMIT_MS -> new Edits.SetWorkload(w.withTpotLimitMs((Double) x), k.label());
                case TTFT_LIMIT_MS -> new Edits.SetWorkload(w.withTtftLimitMs((Double) x), k.label());
                case PRECISION -> new Edits.SetWorkload(w.withPrecision((Precision) x), k.label());
                case KV_PRECISION -> new Edits.SetWorkload(w.withKvPrecision((Precision) x), k.label());
                case PREFIX_HIT_RATE -> new Edits.SetWorkload(w.withPrefixHitRate((Double) x), k.label());
                case UTILIZATION -> new Edits.SetAssumptions(s.assumptions().withUtilization((Double) x), k.label());
                case ELECTRICITY_USD_PER_KWH -> new Edits.SetAssumptions(s.assumptions().withElectricityUsdPerKwh((Double) x), k.label());
            };
        } catch (InputException e) {
            throw new InputException("value: " + e.getMessage());
        }
    }

    /** The value as the type the knob takes (null for "max"/"none"), or "value: …" when it is of the wrong kind. */
    private static Object shapeOf(Kind k, JsonNode v) {
        return switch (k) {
            case CONCURRENCY -> v.isTextual() && v.asText().equals("max") ? null : integer(k, v, "or \"max\"");
            case INPUT_TOKENS, OUTPUT_TOKENS -> integer(k, v, "");
            case MIN_TOKENS_PER_SECOND_PER_USER, TPOT_LIMIT_MS, TTFT_LIMIT_MS ->
                    v.isTextual() && v.asText().equals("none") ? null : number(k, v, " or \"none\"");
            case PREFIX_HIT_RATE, UTILIZATION, ELECTRICITY_USD_PER_KWH -> number(k, v, "");
            case PRECISION, KV_PRECISION -> precision(k, v);
        };
    }

    private static Integer integer(Kind k, JsonNode v, String or) {
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw new InputException("value: " + k.field() + " takes a whole number" + (or.isEmpty() ? "" : " " + or) + ", not " + v);
        }
        return v.intValue();
    }

    private static Double number(Kind k, JsonNode v, String or) {
        if (!v.isNumber()) {
            throw new InputException("value: " + k.field() + " takes a number" + or + ", not " + v);
        }
        return v.doubleValue();
    }

    private static Precision precision(Kind k, JsonNode v) {
        String text = v.isTextual() ? v.asText().toLowerCase(Locale.ROOT) : "";
        return Arrays.stream(Precision.values()).filter(p -> p.label().equals(text)).findFirst().orElseThrow(() -> new InputException(
                "value: " + k.field() + " takes one of " + Arrays.stream(Precision.values()).map(Precision::label).toList() + ", not " + v));
    }
}
