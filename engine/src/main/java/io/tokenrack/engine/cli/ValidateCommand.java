package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluator;
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
        description = "Predict each row of a calibration CSV and print measured, predicted and error, then the median and worst |error|.")
public final class ValidateCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "CSV in the calibration format", paramLabel = "FILE.csv")
    Path data;

    @picocli.CommandLine.Mixin
    PresetsOption presets;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(data)) {
            throw new InputException(data + ": no such file");
        }
        PrintWriter out = spec.commandLine().getOut();
        Catalog catalog = presets.catalog();
        if (io.tokenrack.engine.validate.PowerCalibration.isPowerFile(data)) { // docs/data/power-calibration.csv's format
            return PowerValidation.print(out, catalog, data);
        }
        Validation v = new Validation(new Evaluator(catalog), Assumptions.defaults(catalog.facility()));
        List<Validation.Result> results = v.run(CalibrationCsv.read(data));
        out.println("id,model,precision,accelerator,count,tp,dp,ep,isl,osl,mode,measured,predicted,error,problem");
        for (Validation.Result r : results) {
            var row = r.row();
            out.println(String.join(",", row.id(), row.model(), row.precision(), row.accelerator(), String.valueOf(row.count()),
                    String.valueOf(row.tp()), String.valueOf(row.dp()), String.valueOf(row.ep()), String.valueOf(row.isl()),
                    String.valueOf(row.osl()), row.mode(), fmt("%.1f", row.value()),
                    r.predictedOk() ? fmt("%.1f", r.predicted()) : "", r.predictedOk() ? fmt("%+.1f%%", 100 * r.error()) : "",
                    r.predictedOk() ? "" : "\"" + r.problem().replace("\"", "'") + "\""));
        }
        Validation.Summary s = Validation.summarize(results);
        out.println(fmt("summary: %d rows, %d predicted, median |error| %.1f%%, worst |error| %.1f%% (%s), %.0f%% of rows within 2x",
                s.rows(), s.predicted(), 100 * s.medianAbsError(), 100 * s.worstAbsError(),
                s.worst() == null ? "none" : s.worst().row().id(), 100 * s.withinTwoX()));
        out.flush();
        return 0;
    }

    private static String fmt(String f, Object... a) {
        return String.format(Locale.ROOT, f, a);
    }
}
