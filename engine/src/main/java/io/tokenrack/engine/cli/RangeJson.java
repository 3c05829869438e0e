package io.tokenrack.engine.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenrack.engine.evaluate.Band;
import io.tokenrack.engine.evaluate.HeadlineMetric;
import io.tokenrack.engine.evaluate.RangedEvaluation;
import io.tokenrack.engine.evaluate.RangedInput;
import java.util.Map;

/**
 * The {@code range} of {@code evaluate --json}: present only when a catalog figure the design rests
 * on is a range. {@code range} maps each headline metric (by its JSON field name) to {@code low} and
 * {@code high}; a metric that is unknown has no entry. {@code rangeInputs} lists the figures that
 * make the ranges, and {@code rangeFailures} the input ends at which the design gives no numbers.
 */
final class RangeJson {
    private RangeJson() {}

    static void put(ObjectNode o, RangedEvaluation r) {
        if (!r.ranged()) {
            return;
        }
        ObjectNode range = o.putObject("range");
        for (Map.Entry<HeadlineMetric, Band> b : r.bands().entrySet()) {
            ObjectNode x = range.putObject(b.getKey().jsonName());
            x.put("low", b.getValue().low());
            x.put("high", b.getValue().high());
        }
        ArrayNode inputs = o.putArray("rangeInputs");
        for (RangedInput in : r.inputs()) {
            ObjectNode x = inputs.addObject();
            x.put("itemId", in.itemId());
            x.put("field", in.field());
            x.put("value", in.value());
            x.put("low", in.range().low());
            x.put("high", in.range().high());
            x.put("provenance", in.range().provenance().label());
            if (in.range().note() != null) {
                x.put("note", in.range().note());
            }
        }
        if (!r.failedEnds().isEmpty()) {
            ArrayNode failed = o.putArray("rangeFailures");
            r.failedEnds().forEach(failed::add);
        }
    }
}
