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
import javafx.scene.Node;
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
    /** The smallest window the layout is made for: a 1366 × 768 laptop screen with a task bar fits it. */
    public static final double MIN_WIDTH = 1024;
    public static final double MIN_HEIGHT = 640;
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
    private final ReportActions reports;
    private final LessonActions lessons;
    private final RackCanvasView canvas;
    private final ChartsView charts;
    private final BorderPane root = new BorderPane();
    private final Menu recentMenu = new Menu("Open Recent");
    private final ListChangeListener<Path> recentListener = c -> refreshRecent();
    /**
     * Keeps a copy of unsaved changes (or removes it once saved) after every change of the document:
     * an edit, undo, open or new changes the state, a save the dirty flag (a file never changes alone).
     */
    private final javafx.beans.value.ChangeListener<Object> autosaveListener = (o, was, now) -> scheduleAutosave();
    /** Follows the engine: a calibration puts this computer in the palette and evaluates with it. */
    private final javafx.beans.value.ChangeListener<EngineContext.Setup> engineListener = (o, was, now) -> useSetup(now);
    private final javafx.beans.value.ChangeListener<HostProfile> measuredListener = (o, was, now) -> measured(now);
    /** This window's copy of unsaved changes (a fresh one, or one recovered after a crash). */
    private io.tokenrack.app.document.Autosave autosave;
    /** The right column (inspector over "why"); a lesson's panel takes its place while the lesson runs. */
    private SplitPane rightColumn;
    private Node inspectorView;
    private Node whyView;
    /** "Why this throughput?": its phase bars follow the theme. */
    private WhyView why;
    private boolean autosaveScheduled;
    private boolean closed;
    private Stage stage;
    private io.tokenrack.app.lab.LabWindow lab;
    private io.tokenrack.app.site.SiteWindow site;
    private io.tokenrack.app.compare.CompareWindow compare;
    private io.tokenrack.app.claims.ClaimsWindow claims;
    /** View ▸ Theme: the look of this window and its charts. */
    private final javafx.beans.property.ObjectProperty<io.tokenrack.app.theme.Theme> theme =
            new javafx.beans.property.SimpleObjectProperty<>(io.tokenrack.app.theme.Theme.LIGHT);

    public MainWindow(AppContext context, DocState initial, Path file) {
        this.context = context;
        this.document = new DesignDocument(initial, file);
        this.autosave = context.autosaves().open();
        this.results = new ResultsModel(document, context.resultsEngine(), context.fxExecutor());
        PlacementRules rules = new PlacementRules(context.catalog());
        this.canvasModel = new CanvasModel(document, rules, context.checks(), results.resultsProperty());
        this.workloadModel = new WorkloadModel(document, context.catalog());
        this.inspectorModel = new InspectorModel(document, canvasModel, new InspectorMetadata(context.catalog(), rules));
        this.paletteModel = new PaletteModel(context.catalog());
        this.actions = new DocumentActions(document, context);
        this.reports = new ReportActions(context, actions, results);
        this.lessons = new LessonActions(context, document, results, actions, this::showLesson);
        ChartStyler styler = new ChartStyler(context.palette());
        this.canvas = new RackCanvasView(canvasModel);
        this.charts = new ChartsView(styler, results.resultsProperty(), actions::exportChart);
        createView();
        initListeners();
        theme.addListener((o, was, now) -> useTheme(now));
    }

    /** The window's theme (View ▸ Theme, or {@code --theme}); setting it restyles the window and its charts. */
    public javafx.beans.property.ObjectProperty<io.tokenrack.app.theme.Theme> themeProperty() {
        return theme;
    }

    public void setTheme(io.tokenrack.app.theme.Theme next) {
        theme.set(next);
    }

    private void useTheme(io.tokenrack.app.theme.Theme now) {
        if (root.getScene() != null) {
            now.apply(root.getScene());
        }
        charts.restyle(now.chartStyler());
        why.usePalette(now.palette());
        canvas.tokenFlow().setColour(now.palette().accent());
        // every window opened from this one follows it
        if (compare != null) {
            compare.useTheme(now);
        }
        if (lab != null) {
            lab.useTheme(now);
        }
        if (site != null) {
            site.useTheme(now);
        }
        if (claims != null) {
            now.applyStylesheets(claims.stage().getScene());
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

    /** File ▸ Export report. */
    public ReportActions reports() {
        return reports;
    }

    public PaletteModel paletteModel() {
        return paletteModel;
    }

    /** This window's copy of its unsaved changes. */
    public io.tokenrack.app.document.Autosave autosave() {
        return autosave;
    }

    /** Help ▸ Lessons: the guided lessons, run on this window's document. */
    public LessonActions lessons() {
        return lessons;
    }

    public ChartsView charts() {
        return charts;
    }

    /** The rack canvas (its overlay toggles and token flow). */
    public RackCanvasView canvas() {
        return canvas;
    }

    /** View ▸ Token flow: whether tokens flow out of the rack at the modelled rate (off at start). */
    public javafx.beans.property.BooleanProperty tokenFlowProperty() {
        return canvas.tokenFlow().onProperty();
    }

    public void setTokenFlow(boolean on) {
        tokenFlowProperty().set(on);
    }

    public Parent root() {
        return root;
    }

    private void createView() {
        root.setId("main");
        root.getStyleClass().add(Styles.APP);

        WorkloadBar workloadBar = new WorkloadBar(workloadModel, () -> results.results() == null ? null : results.results().evaluation());
        root.setTop(new VBox(menuBar(), workloadBar));
        canvas.showAside(new io.tokenrack.app.results.InsightsView(results.resultsProperty()));
        canvas.showAside(FirstSteps.banner(document));

        PaletteView palette = new PaletteView(paletteModel, canvasModel::addToCurrentRack);
        palette.setPrefWidth(260);
        palette.setMinWidth(230);

        InspectorView inspector = new InspectorView(inspectorModel);
        WhyView why = new WhyView(results.resultsProperty(), context.palette());
        this.why = why;
        ScrollPane whyScroll = new ScrollPane(why);
        whyScroll.setFitToWidth(true);
        whyScroll.setId("why-scroll");
        whyScroll.getStyleClass().add("edge-to-edge");
        io.tokenrack.app.theme.Viewports.uncached(whyScroll);
        SplitPane right = new SplitPane(inspector, whyScroll);
        this.rightColumn = right;
        this.inspectorView = inspector;
        this.whyView = whyScroll;
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
        VBox bottom = new VBox(8, resultsMessage(), cards, charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        bottom.setPadding(new Insets(6, 8, 6, 8));
        bottom.setId("results");
        bottom.getStyleClass().add("tr-results");
        bottom.setMinHeight(290); // cards and charts with their axis titles, on a 768-pixel screen too

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

    /**
     * Above the cards, when there are no numbers to show: why (the evaluation failed, the model
     * does not fit, no workload yet), in full.
     */
    private Label resultsMessage() {
        Label message = new Label();
        message.setId("results-message");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.getStyleClass().add(Styles.MESSAGE);
        Runnable update = () -> {
            var r = results.results();
            boolean show = r != null && !r.ok() && r.message() != null && !r.message().isBlank();
            message.setText(show ? r.message() : "");
            message.setVisible(show);
            message.setManaged(show);
            message.getStyleClass().remove(Styles.MESSAGE_ERROR);
            if (show && r.input().design().workload() != null) {
                message.getStyleClass().add(Styles.MESSAGE_ERROR);
            }
        };
        results.resultsProperty().addListener((o, was, now) -> update.run());
        update.run();
        return message;
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
        MenuItem reportPdf = item("Export report (PDF)…", new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN),
                () -> reports.exportReport(".pdf"));
        reportPdf.setId("menu-report-pdf");
        MenuItem reportHtml = item("Export report (HTML page)…", null, () -> reports.exportReport(".html"));
        reportHtml.setId("menu-report-html");
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
                new SeparatorMenuItem(), compareItem, new SeparatorMenuItem(), reportPdf, reportHtml, bom, exportChart, new SeparatorMenuItem(), quit);

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
        MenuItem claimsItem = item("Vendor claims beside the model…", null, this::openClaims);
        claimsItem.setId("menu-claims");
        MenuItem siteItem = item("Site planner: what a site's megawatts buy…", null, this::openSite);
        siteItem.setId("menu-site");
        MenuItem present = item("Present the GTC 2026 deck", new KeyCodeCombination(KeyCode.F5), () -> present(null));
        present.setId("menu-present");
        MenuItem presentDeck = item("Present a scenario deck…", null, this::chooseDeck);
        Menu view = new Menu("View", null, zoomIn, zoomOut, fit, new SeparatorMenuItem(), showDesign, new SeparatorMenuItem(), labItem,
                claimsItem, siteItem, new SeparatorMenuItem(), present, presentDeck);

        javafx.scene.control.CheckMenuItem flow = new javafx.scene.control.CheckMenuItem("Token flow");
        flow.setId("menu-token-flow");
        flow.selectedProperty().bindBidirectional(tokenFlowProperty());
        view.getItems().addAll(new SeparatorMenuItem(), flow, themeMenu()); // the theme submenu last: reaching it crosses no other item

        Menu help = new Menu("Help", null, lessons.menu());
        help.setId("menu-help");
        MenuBar bar = new MenuBar(file, edit, view, help);
        bar.setId("menu-bar");
        return bar;
    }

    /** Puts a lesson's panel in the right column's place (null: the inspector and "why" come back). */
    private void showLesson(Node panel) {
        if (panel == null) {
            rightColumn.getItems().setAll(inspectorView, whyView);
            rightColumn.setDividerPositions(0.5);
        } else {
            rightColumn.getItems().setAll(panel);
            Node firstSteps = root.lookup("#first-steps"); // the example's hint does not describe the lesson's design
            if (firstSteps != null) {
                firstSteps.setVisible(false);
                firstSteps.setManaged(false);
            }
        }
    }

    /** View ▸ Theme: Light or Dark, the current one checked. */
    private Menu themeMenu() {
        Menu menu = new Menu("Theme");
        menu.setId("menu-theme");
        javafx.scene.control.ToggleGroup group = new javafx.scene.control.ToggleGroup();
        for (io.tokenrack.app.theme.Theme t : io.tokenrack.app.theme.Theme.values()) {
            javafx.scene.control.RadioMenuItem mi = new javafx.scene.control.RadioMenuItem(
                    t.id().substring(0, 1).toUpperCase(java.util.Locale.ROOT) + t.id().substring(1));
            mi.setId("menu-theme-" + t.id());
            mi.setToggleGroup(group);
            mi.setSelected(theme.get() == t);
            mi.setOnAction(e -> setTheme(t));
            theme.addListener((o, was, now) -> mi.setSelected(now == t));
            menu.getItems().add(mi);
        }
        return menu;
    }

    private void chooseDeck() {
        context.dialogs().chooseOpen("Present a scenario deck", "TokenRack decks", ".json", actions.initialDir()).ifPresent(this::present);
    }

    /**
     * Presentation mode, full screen, on the deck in {@code deckFile} (null: the GTC 2026 deck of the
     * presets); null, after saying why, when the deck cannot be read.
     */
    public io.tokenrack.app.present.PresentationWindow present(Path deckFile) {
        return present(deckFile, true);
    }

    /** As {@link #present(Path)}; {@code fullScreen} false shows it in a window. */
    public io.tokenrack.app.present.PresentationWindow present(Path deckFile, boolean fullScreen) {
        var files = new io.tokenrack.app.present.DeckFiles(context.catalog());
        io.tokenrack.app.present.DeckFiles.Loaded deck;
        try {
            deck = deckFile != null ? files.read(deckFile)
                    : context.presets().withPresets(dir -> files.read(dir.resolve(io.tokenrack.app.present.DeckFiles.GTC_2026)));
        } catch (RuntimeException e) {
            context.dialogs().error("Cannot present " + (deckFile == null ? "the GTC 2026 deck" : deckFile.getFileName()), e.getMessage());
            return null;
        }
        var window = new io.tokenrack.app.present.PresentationWindow(stage, deck, context.catalog(), context.resultsEngine(),
                document.assumptions(), context.fxExecutor());
        theme.get().applyStylesheets(window.stage().getScene());
        window.show(fullScreen);
        return window;
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
        var model = new io.tokenrack.app.compare.CompareModel(results.resultsProperty(), other, file, context.resultsEngine(),
                document.assumptions(), context.fxExecutor());
        compare = new io.tokenrack.app.compare.CompareWindow(stage, model, theme.get().chartStyler());
        theme.get().applyStylesheets(compare.stage().getScene());
        compare.show();
        return compare;
    }

    /** Opens the vendor claims, each beside the model's number for the closest setup (computed in the background). */
    public io.tokenrack.app.claims.ClaimsWindow openClaims() {
        java.util.List<io.tokenrack.engine.claims.Claim> claims;
        try {
            claims = context.presets().withPresets(dir -> io.tokenrack.engine.claims.ClaimsFile.read(
                    dir.resolve(io.tokenrack.engine.claims.ClaimsFile.BUNDLED_PATH))).claims();
        } catch (RuntimeException e) {
            context.dialogs().error("Cannot show the vendor claims", e.getMessage());
            return null;
        }
        var w = new io.tokenrack.app.claims.ClaimsWindow(stage, context.catalog(), claims, context.fxExecutor());
        theme.get().applyStylesheets(w.stage().getScene());
        this.claims = w;
        w.show();
        return w;
    }

    /** Opens the kernel lab in its own window (created the first time). */
    /** Opens the site planner (a window of its own, on the 100 MW example), or brings it to the front. */
    public io.tokenrack.app.site.SiteWindow openSite() {
        if (site == null) {
            site = io.tokenrack.app.site.SiteWindow.standard(stage, context.withPalette(theme.get().palette()));
        }
        site.useTheme(theme.get());
        site.show();
        return site;
    }

    public io.tokenrack.app.lab.LabWindow openLab() {
        if (lab == null) {
            useLab(io.tokenrack.app.lab.LabWindow.standard(stage, theme.get().chartStyler()));
        }
        lab.useTheme(theme.get());
        lab.show();
        return lab;
    }

    private void measured(HostProfile now) {
        if (now != null) {
            context.engine().useMeasuredHost(MeasuredHost.of(now));
        }
    }

    /** Follows the Lab: each calibration it completes puts this computer, as measured, in the palette. */
    public void useLab(io.tokenrack.app.lab.LabWindow labWindow) {
        this.lab = labWindow;
        labWindow.view().model().measuredProperty().addListener(measuredListener);
    }

    /**
     * The catalog and evaluator were replaced (this computer measured again): every panel follows
     * them, around the same document (its design, file, unsaved changes and undo history stay).
     */
    private void useSetup(EngineContext.Setup setup) {
        PlacementRules rules = new PlacementRules(setup.catalog());
        paletteModel.useCatalog(setup.catalog());
        canvasModel.useCatalog(rules, new io.tokenrack.app.canvas.DesignCheckFindings(setup.catalog()));
        inspectorModel.useMetadata(new InspectorMetadata(setup.catalog(), rules));
        results.useEngine(context.results().apply(setup.evaluator()));
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
        context.engine().setupProperty().addListener(engineListener);
        document.stateProperty().addListener(autosaveListener);
        document.dirtyProperty().addListener(autosaveListener);
        actions.setOnSaving(() -> autosave.saved());
    }

    /**
     * At start, what the command line asks for: the design to open (one that cannot be read is
     * reported, and the example stays), the unsaved changes earlier sessions left (see
     * {@link #offerRecovery(java.util.function.Consumer)}), the comparison and the Lab.
     */
    public void follow(LaunchOptions options, java.util.function.Consumer<io.tokenrack.app.document.Autosave> elsewhere) {
        options.design().ifPresent(file -> {
            if (!actions.open(file)) {
                System.err.println("tokenrack-app: cannot open " + file + "; the example rack is shown instead");
            }
        });
        offerRecovery(elsewhere);
        options.compare().ifPresent(this::compareWith);
        options.present().ifPresent(deck -> present(deck.toString().isEmpty() ? null : deck));
        if (options.lab()) {
            openLab();
        }
        if (options.site()) {
            openSite();
        }
        options.lesson().ifPresent(lessons::open);
    }

    /**
     * At start: offers each design with unsaved changes that windows of earlier sessions left
     * behind (they crashed or were killed). The first one restored comes back in this window (unless
     * it shows a file opened from the command line), as unsaved changes to the file it belongs to; each further one goes to {@code elsewhere} (a
     * window of its own). A declined one is removed; a restored one is kept until it is saved or
     * discarded.
     */
    public void offerRecovery(java.util.function.Consumer<io.tokenrack.app.document.Autosave> elsewhere) {
        for (io.tokenrack.app.document.Autosave orphan : context.autosaves().orphans()) {
            var r = orphan.load().orElse(null);
            if (r == null) {
                orphan.release();
            } else if (!context.dialogs().confirmRestore(r.design().name(), r.savedAt(), r.originalFile())) {
                orphan.discard();
            } else if (!autosave.recovered() && !document.isDirty() && document.file() == null) {
                restore(orphan);
            } else {
                elsewhere.accept(orphan);
            }
        }
    }

    /** As {@link #offerRecovery(java.util.function.Consumer)}, leaving copies beyond the first for the next start. */
    public void offerRecovery() {
        offerRecovery(io.tokenrack.app.document.Autosave::release);
    }

    /** Shows the design kept in {@code recovered} as unsaved changes, and keeps that copy up to date from now on. */
    public void restore(io.tokenrack.app.document.Autosave recovered) {
        var r = recovered.load().orElseThrow(() -> new IllegalArgumentException("no design in " + recovered.file()));
        autosave.discard();
        autosave = recovered;
        document.restore(new io.tokenrack.app.document.DocState(r.design(), document.assumptions()), r.originalFile());
    }

    /** Coalesces the two changes an open or a save makes (state, then dirty flag) into one look at the settled document. */
    private void scheduleAutosave() {
        if (!autosaveScheduled) {
            autosaveScheduled = true;
            context.fxExecutor().execute(() -> {
                autosaveScheduled = false;
                keepCopy();
            });
        }
    }

    private void keepCopy() {
        if (closed) {
            return;
        }
        if (!document.isDirty() && autosave.recovered()) {
            // recovered work replaced by another design without being saved: keep it for the next start
            autosave.release();
            autosave = context.autosaves().open();
            return;
        }
        autosave.update(document.design(), document.file(), document.isDirty());
    }

    /** The window is closing on purpose (changes saved or knowingly not saved): stop, and drop the copy unless it holds recovered work. */
    private void closing() {
        closed = true;
        results.close();
        context.engine().setupProperty().removeListener(engineListener);
        context.recentFiles().files().removeListener(recentListener);
        if (lab != null) {
            lab.view().model().measuredProperty().removeListener(measuredListener);
        }
        document.stateProperty().removeListener(autosaveListener);
        document.dirtyProperty().removeListener(autosaveListener);
        autosave.close();
    }

    /**
     * Where the window goes on a screen whose free area (without task bars) is {@code visual}: the
     * default size where it fits, else the whole free area, never beyond it; centred.
     */
    public static javafx.geometry.Rectangle2D fit(javafx.geometry.Rectangle2D visual) {
        double w = Math.min(DEFAULT_WIDTH, visual.getWidth());
        double h = Math.min(DEFAULT_HEIGHT, visual.getHeight());
        return new javafx.geometry.Rectangle2D(visual.getMinX() + (visual.getWidth() - w) / 2,
                visual.getMinY() + (visual.getHeight() - h) / 2, w, h);
    }

    /** Puts the window on a stage: size, title, theme stylesheet, shortcuts, and the unsaved-changes prompt on close. */
    public void show(Stage stage) {
        javafx.geometry.Rectangle2D screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        javafx.geometry.Rectangle2D bounds = fit(screen);
        Scene scene = new Scene(root, bounds.getWidth(), bounds.getHeight());
        var css = MainWindow.class.getResource("/assets/tokenrack.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        theme.get().apply(scene);
        stage.setScene(scene);
        stage.setMinWidth(Math.min(MIN_WIDTH, screen.getWidth()));
        stage.setMinHeight(Math.min(MIN_HEIGHT, screen.getHeight()));
        // the window's outer size (title bar and borders included) within the screen's free area
        stage.setX(bounds.getMinX());
        stage.setY(bounds.getMinY());
        stage.setWidth(bounds.getWidth());
        stage.setHeight(bounds.getHeight());
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
