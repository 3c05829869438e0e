package io.tokenrack.engine.evaluate;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * An evaluation with the range of each headline number over the ranged catalog figures it rests on.
 * Without ranged inputs the bands are empty. A number that is unknown (NaN) gets no band: unknown
 * stays unknown.
 *
 * @param nominal   the evaluation at the catalog's own values
 * @param inputs    the ranged figures the design uses
 * @param bands     per headline metric, its low and high over every end of every ranged input
 * @param failedEnds the input ends at which the design gives no numbers (does not fit, misses the limits), as sentences
 */
public record RangedEvaluation(Evaluation.Ok nominal, List<RangedInput> inputs, Map<HeadlineMetric, Band> bands, List<String> failedEnds) {
    public RangedEvaluation {
        inputs = List.copyOf(inputs);
        bands = Collections.unmodifiableMap(bands.isEmpty() ? new EnumMap<>(HeadlineMetric.class) : new EnumMap<>(bands));
        failedEnds = List.copyOf(failedEnds);
    }

    public boolean ranged() {
        return !bands.isEmpty();
    }

    public Band band(HeadlineMetric m) {
        return bands.get(m);
    }

    /** The inputs as one line: "NVIDIA Rubin memBandwidthTBps 19.2–22 (announced); …". */
    public String inputsText() {
        List<String> out = new ArrayList<>();
        inputs.forEach(i -> out.add(i.text()));
        return String.join("; ", out);
    }
}
