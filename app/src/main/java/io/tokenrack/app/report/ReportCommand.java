package io.tokenrack.app.report;

import io.tokenrack.app.document.DesignFiles;
import io.tokenrack.app.document.DocState;
import io.tokenrack.app.results.EngineResults;
import io.tokenrack.app.results.Results;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluator;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code tokenrack-app.jar report --design FILE --out REPORT.pdf|REPORT.html}: the report on a
 * saved design at its own workload and the default assumptions, written without opening a window.
 * Exit 0 written, 2 for a wrong command line or a design that cannot be read or evaluated.
 */
public final class ReportCommand {
    public static final String NAME = "report";
    public static final int BAD_INPUT = 2;
    public static final String USAGE = "Usage: java -jar tokenrack-app.jar report --design DESIGN.json --out REPORT.pdf|REPORT.html\n";

    private ReportCommand() {}

    /** Runs with the arguments after "report"; returns the exit status. */
    public static int run(List<String> args, PrintStream out, PrintStream err) {
        Path design = null;
        Path target = null;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            String name = a.contains("=") ? a.substring(0, a.indexOf('=')) : a;
            String value = a.contains("=") ? a.substring(a.indexOf('=') + 1) : i + 1 < args.size() ? args.get(++i) : null;
            switch (name) {
                case "--help", "-h" -> {
                    out.print(USAGE);
                    return 0;
                }
                case "--design" -> design = value == null || value.isBlank() ? null : Path.of(value);
                case "--out" -> target = value == null || value.isBlank() ? null : Path.of(value);
                default -> {
                    return bad(err, "unknown option '" + name + "'");
                }
            }
        }
        if (design == null || target == null) {
            return bad(err, "--design FILE and --out FILE are both required");
        }
        if (!ReportExport.supported(target)) {
            return bad(err, "--out " + target + ": a report is written as .pdf or .html");
        }
        if (!Files.isRegularFile(design)) {
            return bad(err, "--design " + design + ": no such file");
        }
        try {
            Catalog catalog = CatalogLoader.loadDefault();
            RackDesign d = new DesignFiles(catalog).read(design);
            if (d.workload() == null) {
                return bad(err, design + ": workload: missing (the report needs a model and request lengths)");
            }
            Results results = new EngineResults(new Evaluator(catalog)).computeAll(new DocState(d, Assumptions.defaults(catalog.facility())));
            if (!results.ok()) {
                return bad(err, design + ": " + results.message());
            }
            new ReportExport(new ReportBuilder(catalog, new ModelValidation(catalog))).write(results, target);
            out.println("wrote " + target);
            return 0;
        } catch (RuntimeException e) {
            return bad(err, e.getMessage() == null ? e.toString() : e.getMessage());
        }
    }

    private static int bad(PrintStream err, String message) {
        err.println("tokenrack-app report: " + message);
        return BAD_INPUT;
    }
}
