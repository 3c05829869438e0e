package io.tokenrack.app;

import io.tokenrack.app.canvas.CanvasModel;
import io.tokenrack.app.canvas.RackCanvasView;
import io.tokenrack.app.document.DesignDocument;
import io.tokenrack.app.document.DocState;
import io.tokenrack.app.document.PlacementRules;
import io.tokenrack.app.inspector.InspectorMetadata;
import io.tokenrack.app.inspector.InspectorModel;
import io.tokenrack.app.inspector.InspectorView;
import io.tokenrack.app.palette.PaletteModel;
import io.tokenrack.app.palette.PaletteView;
import io.tokenrack.app.results.ChartsView;
import io.tokenrack.app.results.HeadlineCardsView;
import io.tokenrack.app.results.ResultsModel;
import io.tokenrack.app.results.WhyView;
import io.tokenrack.app.theme.ChartStyler;
import io.tokenrack.app.theme.Styles;
import io.tokenrack.app.workload.WorkloadBar;
import io.tokenrack.app.workload.WorkloadModel;
import io.tokenrack.engine.lab.host.HostProfile;
import io.tokenrack.engine.lab.host.MeasuredHost;
import java.nio.file.Path;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/**
 * The main window: menus and shortcuts, the workload bar, palette, rack canvas, inspector with the
 * "why" panel, headline cards and charts. Builds one model per panel from the {@link AppContext}
 * and wires them; the document is the only shared mutable state.
 */
public final class MainWindow {
    public static final double MIN_WIDTH = 1200;
    public static final double MIN_HEIGHT = 800;
    public static final double DEFAULT_WIDTH = 1600;
    public static final double DEFAULT_HEIGHT = 1000;

    private final AppContext context;
    private final DesignDocument document;
    private final ResultsModel results;
    private final CanvasModel canvasModel;
    private final WorkloadModel workloadModel;
    private final InspectorModel inspectorModel;
    private final PaletteModel paletteModel;
    private final DocumentActions actions;
    private final RackCanvasView canvas;
    private final ChartsView charts;
    private final BorderPane root = new BorderPane();
    private final Menu recentMenu = new Menu("Open Recent");
    private final ListChangeListener<Path> recentListener = c -> refreshRecent();
    /**
     * Keeps a copy of unsaved changes (or removes it once saved) after every change of the document:
     * an edit, undo, open or new changes the state, a save the dirty flag (a file never changes alone).
     */
    private final javafx.beans.value.ChangeListener<Object> autosaveListener =
            (o, was, now) -> autosave();
    private final javafx.beans.value.ChangeListener<HostProfile> measuredListener = (o, was, now) -> {
        if (now != null) {
            useMeasuredHost(MeasuredHost.of(now));
        }
    };
    private Stage stage;
    private io.tokenrack.app.lab.LabWindow lab;
    private MainWindow successor;
    private io.tokenrack.app.compare.CompareWindow compare;

    public MainWindow(AppContext context, DocState initial, Path file) {
        this(context, new DesignDocument(initial, file), null);
    }

    private MainWindow(AppContext context, DesignDocument document, io.tokenrack.app.lab.LabWindow lab) {
        this.context = context;
        this.document = document;
        this.results = new ResultsModel(document, context.engine(), context.fxExecutor());
        PlacementRules rules = new PlacementRules(context.catalog());
        this.canvasModel = new CanvasModel(document, rules, context.checks(), results.resultsProperty());
        this.workloadModel = new WorkloadModel(document, context.catalog());
        this.inspectorModel = new InspectorModel(document, canvasModel, new InspectorMetadata(context.catalog(), rules));
        this.paletteModel = new PaletteModel(context.catalog());
        this.actions = new DocumentActions(document, context);
        ChartStyler styler = new ChartStyler(context.palette());
        this.canvas = new RackCanvasView(canvasModel);
        this.charts = new ChartsView(styler, results.resultsProperty(), actions::exportChart);
        createView();
        initListeners();
        if (lab != null) {
            useLab(lab);
        }
    }

    public DesignDocument document() {
        return document;
    }

    public ResultsModel results() {
        return results;
    }

    public CanvasModel canvasModel() {
        return canvasModel;
    }

    public WorkloadModel workloadModel() {
        return workloadModel;
    }

    public InspectorModel inspectorModel() {
        return inspectorModel;
    }

    public DocumentActions actions() {
        return actions;
    }

    public ChartsView charts() {
        return charts;
    }

    public Parent root() {
        return root;
    }

    private void createView() {
        root.setId("main");
        root.getStyleClass().add(Styles.APP);

        WorkloadBar workloadBar = new WorkloadBar(workloadModel, () -> results.results() == null ? null : results.results().evaluation());
        root.setTop(new VBox(menuBar(), workloadBar));

        PaletteView palette = new PaletteView(paletteModel, canvasModel::addToCurrentRack);
        palette.setPrefWidth(260);
        palette.setMinWidth(230);

        InspectorView inspector = new InspectorView(inspectorModel);
        WhyView why = new WhyView(results.resultsProperty(), context.palette());
        ScrollPane whyScroll = new ScrollPane(why);
        whyScroll.setFitToWidth(true);
        whyScroll.setId("why-scroll");
        whyScroll.getStyleClass().add("edge-to-edge");
        SplitPane right = new SplitPane(inspector, whyScroll);
        right.setId("right-column");
        right.setOrientation(Orientation.VERTICAL);
        right.setDividerPositions(0.5);
        right.getStyleClass().add(Styles.PANEL);
        right.setPrefWidth(380);
        right.setMinWidth(400);

        SplitPane middle = new SplitPane(palette, canvas, right);
        middle.setId("middle-split");
        middle.setDividerPositions(0.165, 0.71);
        SplitPane.setResizableWithParent(palette, false);
        SplitPane.setResizableWithParent(right, false);
        canvas.setPadding(new Insets(6, 6, 6, 6));
        palette.setPadding(new Insets(6, 6, 6, 8));
        right.setPadding(new Insets(6, 8, 6, 6));

        HeadlineCardsView cards = new HeadlineCardsView(results.resultsProperty(), results.evaluatingProperty());
        VBox bottom = new VBox(8, cards, charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        bottom.setPadding(new Insets(6, 8, 6, 8));
        bottom.setId("results");
        bottom.getStyleClass().add("tr-results");
        bottom.setMinHeight(250);

        SplitPane center = new SplitPane(middle, bottom);
        center.setId("main-split");
        center.setOrientation(Orientation.VERTICAL);
        center.setDividerPositions(0.6);
        SplitPane.setResizableWithParent(bottom, false);
        root.setCenter(center);

        Label docStatus = new Label();
        docStatus.setId("status-document");
        docStatus.textProperty().bind(actions.statusProperty());
        Label resultStatus = new Label();
        resultStatus.setId("status-results");
        resultStatus.textProperty().bind(results.statusProperty());
        Label note = new Label("Model numbers assume well-tuned current serving software; hover a number for its inputs.");
        note.getStyleClass().add(Styles.MUTED);
        note.setMinWidth(0);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox status = new HBox(16, docStatus, spacer, note, resultStatus);
        status.getStyleClass().add(Styles.STATUS_BAR);
        status.setPadding(new Insets(3, 10, 3, 10));
        root.setBottom(status);
    }

    private MenuBar menuBar() {
        MenuItem newItem = item("New", new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN), actions::newDesign);
        MenuItem open = item("Open…", new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), actions::open);
        MenuItem example = item("Open the example rack", null, () -> {
            if (actions.confirmDiscard()) {
                document.replace(DocumentActions.example(context), null);
            }
        });
        MenuItem save = item("Save", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN), actions::save);
        MenuItem saveAs = item("Save As…", new KeyCodeCombination(KeyCode.S, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), actions::saveAs);
        MenuItem bom = item("Export bill of materials (CSV)…", null, actions::exportBillOfMaterials);
        MenuItem compareItem = item("Compare with a saved design…", new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN),
                this::chooseCompare);
        compareItem.setId("menu-compare");
        Menu exportChart = new Menu("Export chart as PNG");
        for (String key : ChartsView.KEYS) {
            exportChart.getItems().add(item(key.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + key.substring(1) + " chart…", null,
                    () -> actions.exportChart(key, charts.viewer(key).getChart())));
        }
        MenuItem quit = item("Quit", new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN), () -> {
            if (stage != null && actions.confirmDiscard()) {
                closing();
                stage.hide();
            }
        });
        recentMenu.setId("menu-recent");
        refreshRecent();
        Menu file = new Menu("File", null, newItem, open, recentMenu, example, new SeparatorMenuItem(), save, saveAs,
                new SeparatorMenuItem(), compareItem, new SeparatorMenuItem(), bom, exportChart, new SeparatorMenuItem(), quit);

        MenuItem undo = item("Undo", new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN), document::undo);
        undo.textProperty().bind(document.undoTextProperty());
        undo.disableProperty().bind(document.canUndoProperty().not());
        MenuItem redo = item("Redo", new KeyCodeCombination(KeyCode.Y, KeyCombination.SHORTCUT_DOWN), document::redo);
        redo.textProperty().bind(document.redoTextProperty());
        redo.disableProperty().bind(document.canRedoProperty().not());
        MenuItem delete = item("Delete selected items", new KeyCodeCombination(KeyCode.DELETE), () -> {
            if (!(root.getScene() != null && root.getScene().getFocusOwner() instanceof TextInputControl)) {
                canvasModel.deleteSelection();
            }
        });
        Menu edit = new Menu("Edit", null, undo, redo, new SeparatorMenuItem(), delete);

        MenuItem zoomIn = item("Zoom in", new KeyCodeCombination(KeyCode.EQUALS, KeyCombination.SHORTCUT_DOWN), canvasModel::zoomIn);
        MenuItem zoomOut = item("Zoom out", new KeyCodeCombination(KeyCode.MINUS, KeyCombination.SHORTCUT_DOWN), canvasModel::zoomOut);
        MenuItem fit = item("Fit racks", new KeyCodeCombination(KeyCode.DIGIT0, KeyCombination.SHORTCUT_DOWN), canvas::fitToView);
        MenuItem showDesign = item("Design and workload in the inspector", null, inspectorModel::showDesign);
        MenuItem labItem = item("Kernel lab: measure this computer…", new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), this::openLab);
        labItem.setId("menu-lab");
        Menu view = new Menu("View", null, zoomIn, zoomOut, fit, new SeparatorMenuItem(), showDesign, new SeparatorMenuItem(), labItem);

        MenuBar bar = new MenuBar(file, edit, view);
        bar.setId("menu-bar");
        return bar;
    }

    private void chooseCompare() {
        context.dialogs().chooseOpen("Compare with a saved design", "TokenRack designs", DocumentActions.EXTENSION, actions.initialDir())
                .ifPresent(this::compareWith);
    }

    /**
     * Opens the comparison of this design with the one in {@code file} (replacing an earlier one);
     * null, after saying why, when the file cannot be read.
     */
    public io.tokenrack.app.compare.CompareWindow compareWith(Path file) {
        if (successor != null) {
            return successor.compareWith(file);
        }
        io.tokenrack.engine.design.RackDesign other;
        try {
            other = new io.tokenrack.app.document.DesignFiles(context.catalog()).read(file);
        } catch (RuntimeException e) {
            context.dialogs().error("Cannot compare with " + file.getFileName(), e.getMessage());
            return null;
        }
        if (compare != null) {
            compare.stage().hide();
        }
        var model = new io.tokenrack.app.compare.CompareModel(results.resultsProperty(), other, file, context.engine(),
                document.assumptions(), context.fxExecutor());
        compare = new io.tokenrack.app.compare.CompareWindow(stage, model, new ChartStyler(context.palette()));
        compare.show();
        return compare;
    }

    /** Opens the kernel lab in its own window (created the first time). */
    public io.tokenrack.app.lab.LabWindow openLab() {
        if (successor != null) {
            return successor.openLab();
        }
        if (lab == null) {
            useLab(io.tokenrack.app.lab.LabWindow.standard(stage, new ChartStyler(context.palette())));
        }
        lab.show();
        return lab;
    }

    /** Follows the Lab: each calibration it completes puts this computer, as measured, in the palette. */
    public void useLab(io.tokenrack.app.lab.LabWindow labWindow) {
        this.lab = labWindow;
        labWindow.view().model().measuredProperty().addListener(measuredListener);
    }

    /**
     * Puts "This computer (measured)" in the catalog as {@code host} measured it (replacing an
     * earlier measurement) and rebuilds the window's panels around the same document: the design,
     * its file, unsaved changes and the undo history all carry over. Returns the window now shown.
     */
    public MainWindow useMeasuredHost(MeasuredHost host) {
        if (successor != null) {
            return successor.useMeasuredHost(host);
        }
        var catalog = host.replaceIn(context.catalog());
        MainWindow next = new MainWindow(context.withEvaluator(host.evaluator(catalog)), document.handOver(), lab);
        successor = next;
        if (lab != null) {
            lab.view().model().measuredProperty().removeListener(measuredListener);
        }
        context.recentFiles().files().removeListener(recentListener);
        if (compare != null) {
            compare.stage().hide(); // it follows this window's results, which stop here
        }
        document.stateProperty().removeListener(autosaveListener);
        document.dirtyProperty().removeListener(autosaveListener);
        results.close();
        if (stage != null) {
            next.attach(stage);
        }
        return next;
    }

    /** The window shown now: this one, or the one it was rebuilt into. */
    public MainWindow current() {
        return successor == null ? this : successor.current();
    }

    private static MenuItem item(String text, KeyCombination key, Runnable action) {
        MenuItem mi = new MenuItem(text);
        if (key != null) {
            mi.setAccelerator(key);
        }
        mi.setOnAction(e -> action.run());
        return mi;
    }

    private void refreshRecent() {
        recentMenu.getItems().clear();
        for (Path p : context.recentFiles().files()) {
            MenuItem mi = new MenuItem(p.getFileName() + "  —  " + p.getParent());
            mi.setMnemonicParsing(false);
            mi.setOnAction(e -> actions.open(p));
            recentMenu.getItems().add(mi);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private void initListeners() {
        context.recentFiles().files().addListener(recentListener);
        document.stateProperty().addListener(autosaveListener);
        document.dirtyProperty().addListener(autosaveListener);
    }

    /**
     * At start: when the last session left unsaved changes behind (it crashed or was killed), asks
     * whether to restore them; they come back as unsaved changes to the file they belong to.
     */
    public void offerRecovery() {
        context.autosave().load().ifPresent(r -> {
            if (context.dialogs().confirmRestore(r.design().name(), r.savedAt(), r.originalFile())) {
                document.restore(new io.tokenrack.app.document.DocState(r.design(), document.assumptions()), r.originalFile());
            } else {
                context.autosave().clearNow();
            }
        });
    }

    private void autosave() {
        context.autosave().update(document.design(), document.file(), document.isDirty());
    }

    /** The window is closing on purpose (changes saved or knowingly discarded): stop and drop the autosave. */
    private void closing() {
        results.close();
        context.autosave().clearNow();
    }

    /** Puts the window on a stage: size, title, theme stylesheet, shortcuts, and the unsaved-changes prompt on close. */
    public void show(Stage stage) {
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.max(MIN_WIDTH, Math.min(DEFAULT_WIDTH, screen.getWidth())),
                Math.max(MIN_HEIGHT, Math.min(DEFAULT_HEIGHT, screen.getHeight())));
        var css = MainWindow.class.getResource("/assets/tokenrack.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        attach(stage);
        stage.show();
    }

    /** Takes over the stage's scene (its size and stylesheets stay): root, title, shortcuts and the close prompt. */
    private void attach(Stage stage) {
        this.stage = stage;
        Scene scene = stage.getScene();
        if (scene.getRoot() != root) {
            scene.setRoot(root);
        }
        scene.getAccelerators().put(new KeyCodeCombination(KeyCode.Z, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN), document::redo);
        stage.titleProperty().unbind();
        stage.titleProperty().bind(document.titleProperty().concat(" — TokenRack"));
        stage.setOnCloseRequest(e -> {
            if (!actions.confirmDiscard()) {
                e.consume();
            } else {
                closing();
            }
        });
    }
}
