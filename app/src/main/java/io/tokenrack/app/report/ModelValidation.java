package io.tokenrack.app.report;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.validate.CalibrationCsv;
import io.tokenrack.engine.validate.Validation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Properties;

/**
 * The model's version and its validated error, as a report states them: the engine's version and
 * the model's predictions against the published measurements of docs/data/calibration.csv (bundled
 * in the app), summarized as {@code tokenrack validate} does. Computed once, on first use.
 */
public final class ModelValidation {
    /** Where the build puts docs/data/calibration.csv inside the app. */
    public static final String RESOURCE = "/calibration/calibration.csv";

    private final Catalog catalog;
    private String description;

    public ModelValidation(Catalog catalog) {
        this.catalog = catalog;
    }

    /** "TokenRack model 0.1.0; against 113 published measurements: median |error| 10.8 %, …". */
    public synchronized String describe() {
        if (description == null) {
            description = "TokenRack model " + version() + "; " + validated();
        }
        return description;
    }

    private String validated() {
        try (InputStream in = ModelValidation.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "its validated error is not known here (the measurements are not bundled with this build)";
            }
            Path tmp = Files.createTempFile("tokenrack-calibration", ".csv");
            try {
                Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                Validation v = new Validation(new Evaluator(catalog), Assumptions.defaults(catalog.facility()));
                Validation.Summary s = Validation.summarize(v.run(CalibrationCsv.read(tmp)));
                return String.format(Locale.US, "checked against %d published measurements (docs/data/calibration.csv; %d predicted): "
                                + "median |error| %.1f %%, worst %.1f %%, %.0f %% of rows within 2×",
                        s.rows(), s.predicted(), s.medianAbsError() * 100, s.worstAbsError() * 100, s.withinTwoX() * 100);
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The engine's version from its Maven metadata; "development build" when run from the sources. */
    static String version() {
        try (InputStream in = Evaluator.class.getResourceAsStream("/META-INF/maven/io.tokenrack/tokenrack-engine/pom.properties")) {
            if (in == null) {
                return "(development build)";
            }
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version", "(development build)");
        } catch (IOException e) {
            return "(development build)";
        }
    }
}
