package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.validate.CalibrationRow;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenrack.engine.validate.CalibrationCsv;
import io.tokenrack.engine.validate.Validation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code validate}: every measured row against the model's prediction, and the error summary. */
@Command(name = "validate", mixinStandardHelpOptions = true,
        description = "Predict each row of a calibration CSV and print measured, predicted and error, then the median and worst |error|. "
                + "Modes: max-throughput, concurrency, min-tokens-per-second-per-user, latency-limits (limit TTFT_ms/TPOT_ms), "
                + "disaggregated; metric: any numeric field of evaluate --json; empty tp/dp/ep: automatic.")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "CSV in the calibration format", paramLabel = "FILE.csv")
    Path data;

    @picocli.CommandLine.Mixin
    PresetsOption presets;

    @Option(names = "--by", split = ",", paramLabel = "FIELD",
            description = "also summarise the error per group of rows: any of model, precision, accelerator, mode, metric (comma-separated)")
    List<String> by = List.of();

    @Option(names = "--json", description = "print one JSON object a row (id, measured, predicted or error) and a summary object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(data)) {
            throw new InputException(data + ": no such file");
        }
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = presets.catalog();
        if (io.tokenrack.engine.validate.PowerCalibration.isPowerFile(data)) { // docs/data/power-calibration.csv's format
            return PowerValidation.print(out, catalog, data);
        }
        for (String field : by) {
            if (!GROUP_FIELDS.contains(field)) {
                throw new InputException("--by: unknown field '" + field + "'; one of " + String.join(", ", GROUP_FIELDS));
            }
        }
        // a bad cell spoils its row only: the others are validated, the bad ones listed and the exit status says so
        List<String> malformed = new java.util.ArrayList<>();
        List<CalibrationRow> rows = CalibrationCsv.read(data, malformed);
        Validation v = new Validation(new Evaluator(catalog), Assumptions.defaults(catalog.facility()), new JsonMetricReader());
        List<Validation.Result> results = v.run(rows);
        Validation.Summary s = Validation.summarize(results);
        long notModelled = results.stream().filter(r -> !r.predictedOk() && r.problem().startsWith("not modelled yet")).count();
        if (json) {
            var mapper = StrictJson.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
            for (Validation.Result r : results) {
                out.println(mapper.writeValueAsString(rowJson(r)));
            }
            for (var g : groups(results).entrySet()) {
                ObjectNode o = JsonNodeFactory.instance.objectNode();
                ObjectNode x = o.putObject("group");
                for (int i = 0; i < by.size(); i++) {
                    x.put(by.get(i), g.getKey().get(i));
                }
                Validation.Summary gs = Validation.summarize(g.getValue());
                x.put("rows", gs.rows());
                x.put("predicted", gs.predicted());
                EvaluationJson.num(x, "medianAbsError", gs.medianAbsError());
                EvaluationJson.num(x, "medianError", medianSigned(g.getValue()));
                EvaluationJson.num(x, "withinTwoX", gs.withinTwoX());
                out.println(mapper.writeValueAsString(o));
            }
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            ObjectNode sum = o.putObject("summary");
            sum.put("file", data.toString());
            sum.put("rows", s.rows());
            sum.put("predicted", s.predicted());
            sum.put("notModelled", notModelled);
            sum.put("failed", s.rows() - s.predicted() - notModelled);
            EvaluationJson.num(sum, "medianAbsError", s.medianAbsError());
            EvaluationJson.num(sum, "worstAbsError", s.worstAbsError());
            if (s.worst() == null) {
                sum.putNull("worstId");
            } else {
                sum.put("worstId", s.worst().row().id());
            }
            EvaluationJson.num(sum, "withinTwoX", s.withinTwoX());
            out.println(mapper.writeValueAsString(o));
        } else {
            out.println("id,model,precision,accelerator,count,tp,dp,ep,isl,osl,mode,limit,metric,measured,predicted,error,problem");
            for (Validation.Result r : results) {
                var row = r.row();
                out.println(String.join(",", row.id(), row.model(), row.precision(), row.accelerator(), String.valueOf(row.count()),
                        cell(row.tp()), cell(row.dp()), cell(row.ep()), String.valueOf(row.isl()),
                        String.valueOf(row.osl()), row.mode(), limit(row), row.metric(), number(row.value()),
                        r.predictedOk() ? number(r.predicted()) : "", r.predictedOk() ? fmt("%+.1f%%", 100 * r.error()) : "",
                        r.predictedOk() ? "" : "\"" + r.problem().replace("\"", "'") + "\""));
            }
            for (var g : groups(results).entrySet()) {
                Validation.Summary gs = Validation.summarize(g.getValue());
                out.println(fmt("group %s: %d rows, %d predicted, median |error| %.1f%%, median error %+.1f%%, %.0f%% within 2x",
                        String.join(" / ", g.getKey()), gs.rows(), gs.predicted(), 100 * gs.medianAbsError(),
                        100 * medianSigned(g.getValue()), 100 * gs.withinTwoX()));
            }
            out.println(fmt("summary: %d rows, %d predicted%s, median |error| %.1f%%, worst |error| %.1f%% (%s), %.0f%% of rows within 2x",
                    s.rows(), s.predicted(), notModelled > 0 ? ", " + notModelled + " not modelled yet" : "",
                    100 * s.medianAbsError(), 100 * s.worstAbsError(),
                    s.worst() == null ? "none" : s.worst().row().id(), 100 * s.withinTwoX()));
        }
        out.flush();
        if (!malformed.isEmpty()) {
            PrintWriter err = spec.commandLine().getErr();
            malformed.forEach(m -> err.println("tokenrack validate: " + m));
            err.flush();
            return 2;
        }
        return 0;
    }

    static final List<String> GROUP_FIELDS = List.of("model", "precision", "accelerator", "mode", "metric");

    /** The results per value of the {@code --by} fields, in first-seen order; empty without {@code --by}. */
    private java.util.Map<List<String>, List<Validation.Result>> groups(List<Validation.Result> results) {
        java.util.Map<List<String>, List<Validation.Result>> out = new java.util.LinkedHashMap<>();
        if (by.isEmpty()) {
            return out;
        }
        for (Validation.Result r : results) {
            List<String> key = by.stream().map(f -> switch (f) {
                case "model" -> r.row().model();
                case "precision" -> r.row().precision();
                case "accelerator" -> r.row().accelerator();
                case "mode" -> r.row().mode();
                default -> r.row().metric();
            }).toList();
            out.computeIfAbsent(key, k -> new java.util.ArrayList<>()).add(r);
        }
        return out;
    }

    /** The median signed error of the predicted rows (NaN when none): whether the model runs high or low. */
    private static double medianSigned(List<Validation.Result> results) {
        double[] e = results.stream().filter(Validation.Result::predictedOk).mapToDouble(Validation.Result::error).sorted().toArray();
        return e.length == 0 ? Double.NaN : e.length % 2 == 1 ? e[e.length / 2] : (e[e.length / 2 - 1] + e[e.length / 2]) / 2;
    }

    private static ObjectNode rowJson(Validation.Result r) {
        CalibrationRow row = r.row();
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("id", row.id());
        o.put("mode", row.mode());
        o.put("metric", row.metric());
        o.put("measured", row.value());
        if (r.predictedOk()) {
            o.put("predicted", r.predicted());
            o.put("relativeError", r.error());
        } else {
            o.put("error", r.problem());
        }
        return o;
    }

    /** An automatic degree (empty in the file) prints empty. */
    private static String cell(Integer v) {
        return v == null ? "" : String.valueOf(v);
    }

    private static String limit(CalibrationRow row) {
        if (row.ttftLimitMs() != null) {
            return number(row.ttftLimitMs()) + "/" + number(row.tpotLimitMs());
        }
        return row.limit() == null ? "" : number(row.limit());
    }

    /** One decimal, or four significant figures below 10 (TTFT in seconds, tokens per joule). */
    private static String number(double v) {
        return Math.abs(v) >= 10 ? fmt("%.1f", v) : fmt("%.4g", v);
    }

    private static String fmt(String f, Object... a) {
        return String.format(Locale.ROOT, f, a);
    }
}
