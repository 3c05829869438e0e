package io.tokenrack.app.lesson;

import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.evaluate.Evaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The live numbers a lesson's text may show, as {@code {name}} placeholders filled from the design's
 * current evaluation (formatted as the headline cards format them), so the explanation always
 * quotes what the user sees.
 */
public final class LessonNumbers {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");
    /** What stands in for a number while the design is being evaluated, or when it has none. */
    public static final String PENDING = "…";

    private static final Map<String, Function<Evaluation.Ok, String>> FORMATS = new LinkedHashMap<>();

    static {
        FORMATS.put("tokensPerSecond", e -> Units.number(e.throughput().outputTokensPerSecond()) + " tokens/s");
        FORMATS.put("tokensPerSecondPerUser", e -> Units.number(e.throughput().tokensPerSecondPerUser()) + " tokens/s");
        FORMATS.put("concurrency", e -> Units.number(e.plan().concurrency()));
        FORMATS.put("maxConcurrency", e -> Units.number(e.plan().maxConcurrency()));
        FORMATS.put("ttft", e -> Units.ms(e.latency().ttftSeconds()));
        FORMATS.put("tpot", e -> Units.ms(e.latency().tpotSeconds()));
        FORMATS.put("tokensPerJoule", e -> Units.number(e.efficiency().outputTokensPerJoule()) + " tokens/J");
        FORMATS.put("itPower", e -> Units.kw(e.power().itWatts()));
        FORMATS.put("acceleratorPower", e -> Units.kw(e.power().acceleratorWatts()));
        FORMATS.put("usdPerMillionTokens", e -> Units.usd(e.cost().usdPerMillionOutputTokens()));
        FORMATS.put("usdPerHour", e -> Units.usd(e.cost().totalUsdPerHour()));
        FORMATS.put("kvCachePerAccelerator", e -> Units.gb(e.memory().kvCacheBytesPerAccelerator()));
        FORMATS.put("weightsPerAccelerator", e -> Units.gb(e.memory().weightBytesPerAccelerator()));
        FORMATS.put("bottleneck", e -> e.bottleneck().label());
        FORMATS.put("accelerators", e -> Integer.toString(e.accelerators()));
    }

    /** Every name a placeholder may use. */
    public static final List<String> NAMES = List.copyOf(FORMATS.keySet());

    private LessonNumbers() {}

    /** The first placeholder in {@code text} that is not a known number; null when all are known. */
    public static String unknownPlaceholder(String text) {
        Matcher m = PLACEHOLDER.matcher(text);
        while (m.find()) {
            if (!FORMATS.containsKey(m.group(1))) {
                return m.group(1);
            }
        }
        return null;
    }

    /** {@code text} with each placeholder replaced by its number in {@code e}; {@link #PENDING} where there is none. */
    public static String fill(String text, Evaluation.Ok e) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            var f = FORMATS.get(m.group(1));
            String v = f == null ? m.group() : e == null ? PENDING : f.apply(e);
            m.appendReplacement(out, Matcher.quoteReplacement(v));
        }
        m.appendTail(out);
        return out.toString();
    }
}
