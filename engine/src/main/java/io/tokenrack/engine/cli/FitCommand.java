package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.perf.ModelConstants;
import io.tokenrack.engine.validate.CalibrationCsv;
import io.tokenrack.engine.validate.ConstantsFit;
import io.tokenrack.engine.validate.Validation;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code fit}: refit the model constants on a calibration CSV, starting from the shipped ones. */
@Command(name = "fit", mixinStandardHelpOptions = true,
        description = "Fit the model's efficiency constants to a calibration CSV (within their evidence ranges) and print them.")
public final class FitCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Option(names = "--data", required = true, description = "CSV in the calibration format", paramLabel = "FILE.csv")
    Path data;

    @Option(names = "--rounds", defaultValue = "10", description = "coordinate-search rounds (default ${DEFAULT-VALUE})")
    int rounds;

    @Mixin
    PresetsOption presets;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(data)) {
            throw new InputException(data + ": no such file");
        }
        if (rounds < 1 || rounds > 100) {
            throw new InputException("--rounds must be between 1 and 100, was " + rounds);
        }
        Catalog catalog = presets.catalog();
        ConstantsFit fit = new ConstantsFit(new Evaluator(catalog), Assumptions.defaults(catalog.facility()), CalibrationCsv.read(data));
        ConstantsFit.Result r = fit.fit(ModelConstants.DEFAULT, rounds);
        PrintWriter out = spec.commandLine().getOut();
        print(out, r, data, rounds);
        out.flush();
        return 0;
    }

    /** Each fitted constant shipped → fitted with its evidence range, then the error before and after. */
    static void print(PrintWriter out, ConstantsFit.Result r, Path data, int rounds) {
        out.printf(Locale.ROOT, "Fit on %s (%,d rows, %d rounds), starting from the shipped constants (perf.ModelConstants.DEFAULT):%n%n",
                data, r.summary().rows(), rounds);
        out.printf(Locale.ROOT, "  %-28s %-18s %s%n", "constant", "evidence range", "shipped → fitted");
        for (ConstantsFit.Change c : r.changes()) {
            String name = c.knob().name();
            String change = value(name, c.before()) + " → " + value(name, c.after());
            if (Math.abs(c.after() - c.before()) <= 1e-12 * Math.max(1, Math.abs(c.before()))) {
                change = value(name, c.after()) + " (unchanged)";
            }
            out.printf(Locale.ROOT, "  %-28s %-18s %s%s%n", name, value(name, c.knob().lo()) + " – " + value(name, c.knob().hi()), change,
                    c.knob().atEdge(c.after()) ? "  at the end of its range" : "");
        }
        Validation.Summary before = r.startSummary();
        Validation.Summary after = r.summary();
        out.println();
        out.printf(Locale.ROOT, "  %-28s %s%n", "error", "shipped → fitted");
        out.printf(Locale.ROOT, "  %-28s %,d → %,d of %,d%n", "rows predicted", before.predicted(), after.predicted(), after.rows());
        out.printf(Locale.ROOT, "  %-28s %s → %s%n", "median |error|", percent(before.medianAbsError()), percent(after.medianAbsError()));
        out.printf(Locale.ROOT, "  %-28s %s → %s%n", "worst |error|", worst(before), worst(after));
        out.printf(Locale.ROOT, "  %-28s %s → %s%n", "rows within 2×", percent(before.withinTwoX()), percent(after.withinTwoX()));
    }

    /** A constant in the unit docs/model.md gives it: times in ms or µs, the rest as plain numbers. */
    static String value(String name, double v) {
        if (name.endsWith("Seconds")) {
            return v >= 1e-3 ? Text.significant(v * 1e3) + " ms" : Text.significant(v * 1e6) + " µs";
        }
        return Text.significant(v);
    }

    private static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    private static String worst(Validation.Summary s) {
        return percent(s.worstAbsError()) + (s.worst() == null ? "" : " (" + s.worst().row().id() + ")");
    }
}
