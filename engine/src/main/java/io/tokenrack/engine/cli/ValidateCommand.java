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

    @Option(names = "--json", description = "print one JSON object a row (id, measured, predicted or error) and a summary object")
    boolean json;

    @Override
    public Integer call() throws Exception {
        if (!Files.isRegularFile(data)) {
            throw new InputException(data + ": no such file");
        }
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = presets.catalog();
        List<CalibrationRow> rows = CalibrationCsv.read(data);
        Validation v = new Validation(new Evaluator(catalog), Assumptions.defaults(catalog.facility()), new JsonMetricReader());
        List<Validation.Result> results = v.run(rows);
        Validation.Summary s = Validation.summarize(results);
        long notModelled = results.stream().filter(r -> !r.predictedOk() && r.problem().startsWith("not modelled yet")).count();
        if (json) {
            var mapper = StrictJson.mapper().writer().without(com.fasterxml.jackson.databind.SerializationFeature.INDENT_OUTPUT);
            for (Validation.Result r : results) {
                out.println(mapper.writeValueAsString(rowJson(r)));
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
            out.println(fmt("summary: %d rows, %d predicted%s, median |error| %.1f%%, worst |error| %.1f%% (%s), %.0f%% of rows within 2x",
                    s.rows(), s.predicted(), notModelled > 0 ? ", " + notModelled + " not modelled yet" : "",
                    100 * s.medianAbsError(), 100 * s.worstAbsError(),
                    s.worst() == null ? "none" : s.worst().row().id(), 100 * s.withinTwoX()));
        }
        out.flush();
        return 0;
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
