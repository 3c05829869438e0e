package io.tokenrack.app;

import io.tokenrack.app.report.ModelValidation;
import io.tokenrack.app.report.ReportBuilder;
import io.tokenrack.app.report.ReportExport;
import io.tokenrack.app.results.Results;
import io.tokenrack.app.results.ResultsModel;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * File ▸ Export report: the current design's report as a PDF or an HTML page. The report is built
 * and written off the FX thread (it checks the model against the published measurements once,
 * which takes a moment); the status bar says when it is written, a dialog when it cannot be.
 */
public final class ReportActions {
    private final AppContext context;
    private final DocumentActions actions;
    private final ResultsModel results;
    private final ReportExport export;

    public ReportActions(AppContext context, DocumentActions actions, ResultsModel results) {
        this.context = context;
        this.actions = actions;
        this.results = results;
        this.export = new ReportExport(new ReportBuilder(context.catalog(), new ModelValidation(context.catalog())));
    }

    /** Asks where to write the report ({@code extension} ".pdf" or ".html") and writes it there. */
    public void exportReport(String extension) {
        Results now = results.results();
        if (now == null || !now.ok()) {
            context.dialogs().error("Cannot export a report", now == null ? "The design is still being evaluated."
                    : "There are no numbers to report: " + now.message());
            return;
        }
        String kind = extension.equals(".pdf") ? "PDF documents" : "HTML pages";
        Optional<Path> f = context.dialogs().chooseSave("Export report", kind, extension,
                slug(now.input().design().name()) + "-report" + extension, actions.initialDir());
        f.ifPresent(file -> export(now, file));
    }

    /** Writes the report on {@code now} to {@code file} in the background; completes (on the FX thread's executor) once said. */
    public CompletableFuture<Path> export(Results now, Path file) {
        actions.showStatus("Writing the report " + file.getFileName() + "…");
        CompletableFuture<Path> done = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("tokenrack-report").start(() -> {
            try {
                export.write(now, file);
                context.fxExecutor().execute(() -> {
                    actions.showStatus("Exported the report to " + file.getFileName());
                    done.complete(file);
                });
            } catch (RuntimeException e) {
                context.fxExecutor().execute(() -> {
                    actions.showStatus("Could not export the report");
                    context.dialogs().error("Cannot export the report", e.getMessage() == null ? e.toString() : e.getMessage());
                    done.completeExceptionally(e);
                });
            }
        });
        return done;
    }

    private static String slug(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "design" : s.length() > 60 ? s.substring(0, 60) : s;
    }
}
