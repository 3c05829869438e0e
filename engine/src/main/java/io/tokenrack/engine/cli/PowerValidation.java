package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.validate.PowerCalibration;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** {@code validate --data} on a power calibration file: each row's measured and modelled figure, then the error by group. */
final class PowerValidation {
    private PowerValidation() {}

    static int print(PrintWriter out, Catalog catalog, Path data) {
        List<PowerCalibration.Result> results = PowerCalibration.run(new Evaluator(catalog), Assumptions.defaults(catalog.facility()),
                PowerCalibration.read(data));
        out.println("id,model,accelerator,count,scenario,operating_point,metric,measured,predicted,error,problem");
        for (PowerCalibration.Result r : results) {
            var row = r.row();
            out.println(String.join(",", row.id(), row.model(), row.accelerator(), String.valueOf(row.count()), row.scenario(),
                    row.operatingPoint().label(), row.metric(), fmt("%.4g", row.value()),
                    r.predictedOk() ? fmt("%.4g", r.predicted()) : "", r.predictedOk() ? fmt("%+.1f%%", 100 * r.error()) : "",
                    r.predictedOk() ? "" : "\"" + r.problem().replace("\"", "'") + "\""));
        }
        for (PowerCalibration.Summary s : PowerCalibration.summarize(results)) {
            out.println(fmt("summary %s: %d rows, median |error| %.1f%%, worst |error| %.1f%%, signed median %+.1f%%",
                    s.group(), s.rows(), 100 * s.medianAbsError(), 100 * s.worstAbsError(), 100 * s.signedMedian()));
        }
        out.flush();
        return 0;
    }

    private static String fmt(String f, Object... a) {
        return String.format(Locale.ROOT, f, a);
    }
}
