package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.perf.ModelConstants;
import io.tokenrack.engine.validate.CalibrationCsv;
import io.tokenrack.engine.validate.ConstantsFit;
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
            throw new IllegalArgumentException(data + ": no such file");
        }
        if (rounds < 1 || rounds > 100) {
            throw new IllegalArgumentException("--rounds must be between 1 and 100, was " + rounds);
        }
        Catalog catalog = presets.catalog();
        ConstantsFit fit = new ConstantsFit(new Evaluator(catalog), Assumptions.defaults(catalog.facility()), CalibrationCsv.read(data));
        ConstantsFit.Result r = fit.fit(ModelConstants.DEFAULT, rounds);
        PrintWriter out = spec.commandLine().getOut();
        out.println(r.constants());
        out.println(String.format(Locale.ROOT, "summary: %d rows, %d predicted, median |error| %.1f%%, worst |error| %.1f%% (%s), %.0f%% of rows within 2x",
                r.summary().rows(), r.summary().predicted(), 100 * r.summary().medianAbsError(), 100 * r.summary().worstAbsError(),
                r.summary().worst() == null ? "none" : r.summary().worst().row().id(), 100 * r.summary().withinTwoX()));
        out.flush();
        return 0;
    }
}
