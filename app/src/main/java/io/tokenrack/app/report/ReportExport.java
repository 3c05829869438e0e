package io.tokenrack.app.report;

import io.tokenrack.app.results.Results;
import java.nio.file.Path;
import java.util.Locale;

/** Writes the report on some results to a file, as a PDF or an HTML page by the file's extension. */
public final class ReportExport {
    private final ReportBuilder builder;

    public ReportExport(ReportBuilder builder) {
        this.builder = builder;
    }

    /** Whether {@code file} names a format a report is written in (.pdf, .html, .htm). */
    public static boolean supported(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return n.endsWith(".pdf") || n.endsWith(".html") || n.endsWith(".htm");
    }

    /** Writes the report; IllegalArgumentException when there are no numbers or the extension is neither .pdf nor .html. */
    public Report write(Results results, Path file) {
        if (!supported(file)) {
            throw new IllegalArgumentException(file.getFileName() + ": a report is written as .pdf or .html");
        }
        Report r = builder.build(results);
        if (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".pdf")) {
            PdfReport.write(r, file);
        } else {
            HtmlReport.write(r, file);
        }
        return r;
    }
}
