package io.tokenrack.engine.cli;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.validate.MetricReader;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Reads any numeric field of {@code evaluate --json} by name: a top-level field
 * ({@code tokensPerSecondPerUser}), a dotted path ({@code parallelism.tp}), or a field name found once
 * in the nested objects. The headline fields are read directly, without building the JSON.
 */
final class JsonMetricReader implements MetricReader {
    @Override
    public double read(Evaluation.Ok e, String metric) {
        try {
            return MetricReader.HEADLINE.read(e, metric);
        } catch (InputException notHeadline) {
            return read(EvaluationJson.of(e), metric);
        }
    }

    static double read(JsonNode root, String metric) {
        if (metric == null || metric.isBlank()) {
            throw new InputException("metric is empty; name a numeric field of evaluate --json, e.g. outputTokensPerSecondPerAccelerator");
        }
        JsonNode n = root;
        for (String part : metric.split("\\.", -1)) {
            n = n == null ? null : n.get(part);
        }
        if (n == null && !metric.contains(".")) {
            List<JsonNode> found = new ArrayList<>();
            find(root, metric, found);
            if (found.size() > 1) {
                throw new InputException("metric '" + metric + "' names " + found.size() + " fields of evaluate --json; give its path (a.b)");
            }
            n = found.isEmpty() ? null : found.getFirst();
        }
        if (n == null) {
            throw new InputException("metric '" + metric + "' is not a field of evaluate --json");
        }
        if (n.isNull()) {
            return Double.NaN; // a figure the evaluation does not know (no TDP, no price)
        }
        if (!n.isNumber()) {
            throw new InputException("metric '" + metric + "' is not a numeric field of evaluate --json");
        }
        return n.asDouble();
    }

    /** Every field called {@code name} in nested objects (arrays are lists of racks, phases, notes: not searched). */
    private static void find(JsonNode node, String name, List<JsonNode> found) {
        if (!node.isObject()) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equals(name)) {
                found.add(f.getValue());
            } else {
                find(f.getValue(), name, found);
            }
        }
    }
}
