package io.tokenrack.app;

import io.tokenrack.app.document.BillOfMaterials;
import io.tokenrack.app.document.DesignDocument;
import io.tokenrack.app.document.DesignFiles;
import io.tokenrack.app.document.DocState;
import io.tokenrack.app.workload.WorkloadModel;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.workload.Workload;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;

/**
 * File commands: new, open, save, save as, recent files, CSV bill of materials and chart PNG
 * export. Asks before unsaved changes are lost; a file that cannot be read leaves the open
 * document untouched and says why (file, line, field).
 */
public final class DocumentActions {
    /** The example the app opens on first start. */
    public static final String EXAMPLE = "designs/dgx-h100-4x-air.json";
    public static final String EXTENSION = ".json";

    private final DesignDocument document;
    private final AppContext context;
    private Runnable onSaving = () -> { };
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");

    public DocumentActions(DesignDocument document, AppContext context) {
        this.document = document;
        this.context = context;
    }

    /** Runs {@code action} once a save has written the file, before the document counts as saved. */
    public void setOnSaving(Runnable action) {
        this.onSaving = java.util.Objects.requireNonNull(action, "action");
    }

    /** The last thing a file command did ("Saved dgx.json"), for the status bar. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The example design from the presets, with the catalog's default assumptions. */
    public static DocState example(AppContext context) {
        DesignFiles files = new DesignFiles(context.catalog());
        RackDesign d = context.presets().withPresets(dir -> files.read(dir.resolve(EXAMPLE)));
        return new DocState(d, Assumptions.defaults(context.catalog().facility()));
    }

    /** Shows {@code text} as the last thing a file command did (a command that lives elsewhere, as the report export). */
    public void showStatus(String text) {
        status.set(text);
    }

    /** Asks about unsaved changes; true when it is fine to replace or close the document. */
    public boolean confirmDiscard() {
        if (!document.isDirty()) {
            return true;
        }
        return switch (context.dialogs().confirmDiscard(document.design().name())) {
            case SAVE -> save();
            case DISCARD -> true;
            case CANCEL -> false;
        };
    }

    public boolean newDesign() {
        if (!confirmDiscard()) {
            return false;
        }
        String rackType = context.catalog().all().stream().filter(RackSpec.class::isInstance).map(i -> i.id()).findFirst().orElse(null);
        List<RackInstance> racks = rackType == null ? List.of() : List.of(new RackInstance("rack-1", "Rack 1", rackType, List.of()));
        Workload w = document.design().workload() != null ? document.design().workload() : WorkloadModel.defaultWorkload(context.catalog());
        RackDesign d = new RackDesign(RackDesign.CURRENT_VERSION, "Untitled design", null, racks, w);
        document.replace(new DocState(d, document.assumptions()), null);
        status.set("New design: drag hardware from the palette into the rack.");
        return true;
    }

    public boolean open() {
        if (!confirmDiscard()) {
            return false;
        }
        Optional<Path> f = context.dialogs().chooseOpen("Open design", "TokenRack designs", EXTENSION, initialDir());
        return f.isPresent() && load(f.get());
    }

    /** Opens a file (recent files, command line); asks about unsaved changes first. */
    public boolean open(Path file) {
        return confirmDiscard() && load(file);
    }

    private boolean load(Path file) {
        RackDesign d;
        try {
            d = new DesignFiles(context.catalog()).read(file);
        } catch (RuntimeException e) {
            context.dialogs().error("Cannot open " + file.getFileName(), e.getMessage());
            status.set("Could not open " + file.getFileName());
            if (e instanceof io.tokenrack.engine.catalog.PresetException pe && pe.reason().startsWith("cannot be read")) {
                context.recentFiles().remove(file);
            }
            return false;
        }
        document.replace(new DocState(d, document.assumptions()), file.toAbsolutePath());
        context.recentFiles().add(file);
        status.set("Opened " + file.getFileName());
        return true;
    }

    public boolean save() {
        Path f = document.file();
        return f == null ? saveAs() : saveTo(f);
    }

    public boolean saveAs() {
        String suggested = document.file() != null ? document.file().getFileName().toString() : slug(document.design().name()) + EXTENSION;
        Optional<Path> f = context.dialogs().chooseSave("Save design as", "TokenRack designs", EXTENSION, suggested, initialDir());
        return f.isPresent() && saveTo(f.get());
    }

    public boolean saveTo(Path file) {
        try {
            DesignFiles.write(file, document.design());
        } catch (RuntimeException e) {
            context.dialogs().error("Cannot save " + file.getFileName(), e.getMessage());
            return false;
        }
        onSaving.run();
        document.markSaved(file.toAbsolutePath());
        context.recentFiles().add(file);
        status.set("Saved " + file.getFileName());
        return true;
    }

    public boolean exportBillOfMaterials() {
        Optional<Path> f = context.dialogs().chooseSave("Export bill of materials", "CSV files", ".csv",
                slug(document.design().name()) + "-bom.csv", initialDir());
        if (f.isEmpty()) {
            return false;
        }
        try {
            DesignFiles.writeAtomically(f.get(), new BillOfMaterials(context.catalog()).toCsv(document.design()));
        } catch (UncheckedIOException e) {
            context.dialogs().error("Cannot export", e.getMessage());
            return false;
        }
        status.set("Exported the bill of materials to " + f.get().getFileName());
        return true;
    }

    public boolean exportChart(String key, JFreeChart chart) {
        Optional<Path> f = context.dialogs().chooseSave("Export chart as PNG", "PNG images", ".png",
                slug(document.design().name()) + "-" + key + ".png", initialDir());
        if (f.isEmpty()) {
            return false;
        }
        try {
            // written whole or not at all: a crash never leaves half an image under the chosen name
            java.io.ByteArrayOutputStream png = new java.io.ByteArrayOutputStream();
            ChartUtils.writeChartAsPNG(png, chart, 1200, 800);
            io.tokenrack.engine.files.AtomicFile.write(f.get(), png.toByteArray());
        } catch (IOException e) {
            context.dialogs().error("Cannot export", e.getMessage());
            return false;
        }
        status.set("Exported the chart to " + f.get().getFileName());
        return true;
    }

    /** Where file choosers start: the open document's folder, else the most recent file's. */
    public Path initialDir() {
        if (document.file() != null) {
            return document.file().getParent();
        }
        return context.recentFiles().files().isEmpty() ? null : context.recentFiles().files().getFirst().getParent();
    }

    static String slug(String name) {
        String s = name.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return s.isEmpty() ? "design" : s;
    }
}
