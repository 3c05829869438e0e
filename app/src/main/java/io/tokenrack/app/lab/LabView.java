package io.tokenrack.app.lab;

import io.tokenrack.app.theme.ChartStyler;
import io.tokenrack.app.theme.Styles;
import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.lab.calibration.CalibrationReport;
import io.tokenrack.engine.lab.calibration.CalibrationReport.TransformerDecode;
import io.tokenrack.engine.lab.host.HostProfile;
import java.time.Clock;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignI;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * The kernel lab: runs the calibration with progress, a log and cancel; draws this computer's
 * empirical roofline with every kernel's achieved point; shows the small transformer's measured
 * decode speed beside the model's prediction, the host facts and energy. Every control has a
 * stable id ("lab-…"); the view only binds to its {@link LabModel}.
 */
public final class LabView extends BorderPane {
    private final LabModel model;
    private final Clock clock;
    private final RooflineChart roofline;

    private final Button run = new Button("Run calibration", new FontIcon(MaterialDesignP.PLAY));
    private final Button cancel = new Button("Cancel", new FontIcon(MaterialDesignS.STOP));
    private final RadioButton quick = new RadioButton("Quick (under a minute)");
    private final RadioButton full = new RadioButton("Full (a few minutes)");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label status = new Label();
    private final Label measuredAt = new Label();
    private final Label kernelWarning = new Label();
    private final ToggleButton allCores = new ToggleButton("All cores");
    private final ToggleButton oneThread = new ToggleButton("One thread");
    private final Label rooflineNote = new Label();
    private final Label decodeNote = new Label();
    private final Label energy = new Label();
    private final Label loadNote = new Label();
    private final Label paletteNote = new Label(
            "Place it from the palette as \"This computer (measured host)\" (Servers and trays) to evaluate "
                    + "models on it with these measurements.");
    private final ListView<String> log = new ListView<>();
    private final Label[][] decode = new Label[2][3];
    private final Label[] decodeRow = new Label[2];
    private final Label cpu = fact("lab-host-cpu");
    private final Label threads = fact("lab-host-threads");
    private final Label jdk = fact("lab-host-jdk");
    private final Label vector = fact("lab-host-vector");
    private final Label launch = fact("lab-host-launch");
    private final Label peak = fact("lab-host-peak");
    private final Label dram = fact("lab-host-dram");

    /** The roofline in the colours of {@code styler} (the theme changed). */
    public void restyle(ChartStyler styler) {
        roofline.restyle(styler);
    }

    public LabView(LabModel model, ChartStyler styler) {
        this(model, styler, Clock.systemDefaultZone());
    }

    /** @param clock now and the time zone, for when the results were measured and how long ago */
    public LabView(LabModel model, ChartStyler styler, Clock clock) {
        this.model = model;
        this.clock = clock;
        this.roofline = new RooflineChart(styler);
        createView();
        initListeners();
        showResult(model.result());
    }

    public LabModel model() {
        return model;
    }

    private void createView() {
        setId("lab");
        getStyleClass().add(Styles.APP);
        setTop(toolbar());
        SplitPane center = new SplitPane(chartPane(), sidePane());
        center.setId("lab-split");
        center.setOrientation(Orientation.HORIZONTAL);
        center.setDividerPositions(0.6);
        setCenter(center);
    }

    private VBox toolbar() {
        Label title = new Label("Kernel lab");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        title.setStyle("-fx-font-size: 15px;");
        Label what = new Label("Measures this computer with real kernels (GEMM, GEMV, STREAM triad, attention, ERT), "
                + "then decodes with a small Llama model and checks the performance model against it.");
        what.getStyleClass().add(Styles.MUTED);
        what.setWrapText(true);
        HBox.setHgrow(what, Priority.ALWAYS);
        HBox head = new HBox(12, title, what);
        head.setAlignment(Pos.BASELINE_LEFT);

        run.setId("lab-run");
        run.setDefaultButton(true);
        run.getStyleClass().add(atlantafx.base.theme.Styles.ACCENT);
        run.setAccessibleText("Run the calibration");
        run.setTooltip(new Tooltip("Runs the kernels on this computer. Other programs running at the same time make the numbers noisy."));
        run.setOnAction(e -> model.start());
        cancel.setId("lab-cancel");
        cancel.setAccessibleText("Cancel the calibration");
        cancel.setTooltip(new Tooltip("Stops the calibration after the kernel that is running; the last saved results stay."));
        cancel.setOnAction(e -> model.cancel());
        ToggleGroup mode = new ToggleGroup();
        quick.setToggleGroup(mode);
        full.setToggleGroup(mode);
        quick.setId("lab-mode-quick");
        full.setId("lab-mode-full");
        quick.setAccessibleText("Quick calibration");
        full.setAccessibleText("Full calibration");
        quick.setTooltip(new Tooltip("Fewer sizes and samples: about 30 s on two cores."));
        full.setTooltip(new Tooltip("Every size, more samples and a 1 GiB working set: two to three minutes on two cores."));
        progress.setId("lab-progress");
        progress.setPrefWidth(200);
        progress.setAccessibleText("Calibration progress");
        status.setId("lab-status");
        status.setWrapText(true);
        status.setMinWidth(0);
        HBox.setHgrow(status, Priority.ALWAYS);
        for (javafx.scene.control.Control c : new javafx.scene.control.Control[] {run, cancel, quick, full}) {
            c.setMinWidth(Region.USE_PREF_SIZE);
        }
        HBox controls = new HBox(10, run, cancel, quick, full, progress, status);
        controls.setAlignment(Pos.CENTER_LEFT);

        measuredAt.setId("lab-measured-at");
        measuredAt.getStyleClass().add(Styles.MUTED);
        kernelWarning.setId("lab-kernel-warning");
        kernelWarning.getStyleClass().add(Styles.MESSAGE_ERROR);
        kernelWarning.setWrapText(true);
        kernelWarning.managedProperty().bind(kernelWarning.visibleProperty());
        VBox bar = new VBox(6, head, controls, measuredAt, kernelWarning);
        bar.setPadding(new Insets(8, 12, 8, 12));
        bar.getStyleClass().add(Styles.WORKLOAD_BAR);
        return bar;
    }

    private VBox chartPane() {
        Label title = new Label("Empirical roofline");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        Label info = new Label(null, new FontIcon(MaterialDesignI.INFORMATION_OUTLINE));
        info.getStyleClass().add(Styles.MUTED);
        Tooltip tip = new Tooltip("Each slope is a memory level's measured bandwidth (STREAM triad); the flat line is the "
                + "measured FMA peak. A kernel's point sits at its FLOPs per byte of memory traffic and the rate it reached: "
                + "under a slope it is bound by that memory level, under the flat line by compute. Hover a point for its numbers.");
        tip.setWrapText(true);
        tip.setMaxWidth(420);
        info.setTooltip(tip);
        ToggleGroup threadsGroup = new ToggleGroup();
        allCores.setToggleGroup(threadsGroup);
        oneThread.setToggleGroup(threadsGroup);
        allCores.setId("lab-roofline-all-cores");
        oneThread.setId("lab-roofline-one-thread");
        allCores.getStyleClass().addAll(atlantafx.base.theme.Styles.LEFT_PILL, atlantafx.base.theme.Styles.SMALL);
        oneThread.getStyleClass().addAll(atlantafx.base.theme.Styles.RIGHT_PILL, atlantafx.base.theme.Styles.SMALL);
        allCores.setTooltip(new Tooltip("Ceilings and points measured with every core working"));
        oneThread.setTooltip(new Tooltip("Ceilings and points measured on one thread, including the GEMM sweep over M"));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox head = new HBox(6, title, info, spacer, allCores, oneThread);
        head.setAlignment(Pos.CENTER_LEFT);
        rooflineNote.setId("lab-roofline-note");
        rooflineNote.getStyleClass().add(Styles.MUTED);
        rooflineNote.setWrapText(true);
        rooflineNote.managedProperty().bind(rooflineNote.visibleProperty());
        VBox box = new VBox(4, head, roofline.viewer(), rooflineNote);
        VBox.setVgrow(roofline.viewer(), Priority.ALWAYS);
        box.setPadding(new Insets(8, 8, 8, 12));
        box.setMinWidth(360);
        return box;
    }

    private ScrollPane sidePane() {
        GridPane grid = new GridPane();
        grid.setId("lab-decode");
        grid.setHgap(14);
        grid.setVgap(4);
        String[] heads = {"", "Measured", "Predicted (engine)", "Error"};
        for (int c = 0; c < heads.length; c++) {
            Label h = new Label(heads[c]);
            h.getStyleClass().add(Styles.MUTED);
            grid.add(h, c, 0);
        }
        String[] rows = {"one", "all"};
        for (int r = 0; r < 2; r++) {
            decodeRow[r] = new Label(r == 0 ? "One thread" : "All cores");
            decodeRow[r].getStyleClass().add(Styles.FIELD_LABEL);
            grid.add(decodeRow[r], 0, r + 1);
            String[] cols = {"measured", "predicted", "error"};
            for (int c = 0; c < 3; c++) {
                Label l = new Label(Units.UNKNOWN);
                l.setId("lab-decode-" + rows[r] + "-" + cols[c]);
                l.setStyle(c == 0 ? "-fx-font-weight: bold;" : "");
                decode[r][c] = l;
                grid.add(l, c + 1, r + 1);
            }
        }
        decodeNote.setId("lab-decode-note");
        decodeNote.getStyleClass().add(Styles.MUTED);
        decodeNote.setWrapText(true);

        GridPane facts = new GridPane();
        facts.setId("lab-host");
        facts.setHgap(12);
        facts.setVgap(3);
        ColumnConstraints keys = new ColumnConstraints();
        keys.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints values = new ColumnConstraints();
        values.setHgrow(Priority.ALWAYS);
        values.setMinWidth(0);
        facts.getColumnConstraints().addAll(keys, values);
        Label[] factValues = {cpu, threads, jdk, vector, launch, peak, dram};
        String[] factNames = {"CPU", "Threads", "JDK", "Kernels", "Ran in", "FMA peak (fp32)", "DRAM triad"};
        for (int i = 0; i < factValues.length; i++) {
            Label k = new Label(factNames[i]);
            k.getStyleClass().add(Styles.MUTED);
            facts.add(k, 0, i);
            facts.add(factValues[i], 1, i);
        }
        energy.setId("lab-energy");
        energy.setWrapText(true);
        loadNote.setId("lab-load-note");
        loadNote.getStyleClass().add(Styles.MESSAGE_ERROR);
        loadNote.setWrapText(true);
        loadNote.managedProperty().bind(loadNote.visibleProperty());
        paletteNote.setId("lab-palette-note");
        paletteNote.getStyleClass().add(Styles.MUTED);
        paletteNote.setWrapText(true);
        paletteNote.setMinHeight(Region.USE_PREF_SIZE);
        paletteNote.visibleProperty().bind(model.resultProperty().isNotNull());
        paletteNote.managedProperty().bind(paletteNote.visibleProperty());

        log.setId("lab-log");
        log.setAccessibleText("Calibration log");
        log.setPrefHeight(200);
        log.setMinHeight(120);
        log.setPlaceholder(new Label("The calibration's progress appears here."));
        log.getStyleClass().add(atlantafx.base.theme.Styles.DENSE);

        VBox side = new VBox(6,
                section("Model vs measured: small transformer decode"), grid, decodeNote,
                section("This computer"), facts, paletteNote, loadNote,
                section("Energy"), energy,
                section("Log"), log);
        VBox.setVgrow(log, Priority.ALWAYS);
        side.setPadding(new Insets(8, 12, 8, 8));
        side.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(side);
        scroll.setId("lab-side");
        scroll.setFitToWidth(true);
        scroll.setFitToHeight(true);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setMinWidth(340);
        scroll.setPrefWidth(480);
        return scroll;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Styles.PANEL_TITLE);
        l.setPadding(new Insets(6, 0, 0, 0));
        return l;
    }

    private static Label fact(String id) {
        Label l = new Label(Units.UNKNOWN);
        l.setId(id);
        l.setWrapText(true);
        l.setMinWidth(0);
        return l;
    }

    /** Wrapped text keeps its full height; the log shrinks instead when the window is small. */
    private static void keepWrappedHeight(Label... labels) {
        for (Label l : labels) {
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
        }
    }

    private void initListeners() {
        keepWrappedHeight(status, kernelWarning, rooflineNote, decodeNote, energy, loadNote, cpu, threads, jdk, vector, launch, peak, dram);
        run.disableProperty().bind(model.runningProperty());
        cancel.disableProperty().bind(model.stateProperty().isNotEqualTo(LabModel.State.RUNNING));
        quick.disableProperty().bind(model.runningProperty());
        full.disableProperty().bind(model.runningProperty());
        quick.setSelected(model.quickProperty().get());
        full.setSelected(!model.quickProperty().get());
        quick.selectedProperty().addListener((o, a, b) -> model.quickProperty().set(b));
        model.quickProperty().addListener((o, a, b) -> {
            quick.setSelected(b);
            full.setSelected(!b);
        });
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.runningProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        status.textProperty().bind(model.statusProperty());
        model.errorProperty().addListener((o, a, b) -> {
            status.getStyleClass().remove(Styles.MESSAGE_ERROR);
            if (!b.isEmpty()) {
                status.getStyleClass().add(Styles.MESSAGE_ERROR);
            }
        });
        allCores.setSelected(model.allCoresProperty().get());
        oneThread.setSelected(!model.allCoresProperty().get());
        allCores.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                model.allCoresProperty().set(true);
            }
        });
        oneThread.selectedProperty().addListener((o, a, b) -> {
            if (b) {
                model.allCoresProperty().set(false);
            }
        });
        // a toggle group lets the selected button be deselected; keep one chosen
        allCores.getToggleGroup().selectedToggleProperty().addListener((o, a, b) -> {
            if (b == null && a != null) {
                a.setSelected(true);
            }
        });
        model.allCoresProperty().addListener((o, a, b) -> showRoofline(model.result()));
        model.resultProperty().addListener((o, a, b) -> showResult(b));
        log.setItems(model.log());
        model.log().addListener((ListChangeListener<String>) c -> {
            if (!model.log().isEmpty()) {
                log.scrollTo(model.log().size() - 1);
            }
        });
    }

    private void showRoofline(LabResult r) {
        LabRoofline data = r == null ? null : LabRoofline.of(r.profile(), model.allCoresProperty().get());
        roofline.show(data);
        rooflineNote.setText(data == null ? "" : data.note());
        rooflineNote.setVisible(data != null && !data.note().isEmpty());
    }

    private void showResult(LabResult r) {
        showRoofline(r);
        if (r == null) {
            measuredAt.setText("Not measured yet. Results are saved in " + model.store().profileFile() + " and shown here next time.");
            kernelWarning.setVisible(false);
            setDecode(null, null);
            for (Label l : new Label[] {cpu, threads, jdk, vector, launch, peak, dram}) {
                l.setText(Units.UNKNOWN);
            }
            energy.setText(Units.UNKNOWN);
            loadNote.setVisible(false);
            decodeNote.setText("Run a calibration to time the decode and compare it with the model.");
            return;
        }
        HostProfile p = r.profile();
        measuredAt.setText("Measured " + LabText.measuredAt(p, clock.instant(), clock.getZone()) + ". Saved in "
                + model.store().profileFile().getParent() + ".");
        kernelWarning.setVisible(!"vector".equals(p.kernelPath()));
        kernelWarning.setText("These numbers come from the scalar kernels (" + p.kernelPathReason()
                + "): compute rates are lower than with the Vector API that tokenrack calibrate uses.");
        cpu.setText(LabText.cpu(p));
        threads.setText(LabText.threads(p));
        jdk.setText(p.jdkVersion());
        vector.setText(LabText.vector(p));
        peak.setText(LabText.gflops(p.peakGflopsOneThread()) + " one thread, " + LabText.gflops(p.peakGflopsAllCores()) + " all cores");
        dram.setText(LabText.gbps(p.triadGBpsDram()) + " all cores (fp64, STREAM convention)");
        CalibrationReport report = r.report();
        if (report == null) {
            launch.setText("tokenrack calibrate (command line)");
            setDecode(null, null);
            energy.setText("Not known for this profile: it was measured on the command line. Run a calibration here to see it.");
            loadNote.setVisible(false);
            decodeNote.setText("This profile was measured by tokenrack calibrate on the command line; its decode timings "
                    + "were not kept. Run a calibration here to compare the model with a measured decode.");
            return;
        }
        launch.setText(report.launch());
        setDecode(report.transformerDecodeOneThread(), report.transformerDecode());
        energy.setText(LabText.energy(report));
        String load = LabText.load(report);
        loadNote.setText(load);
        loadNote.setVisible(!load.isEmpty());
        TransformerDecode d = report.transformerDecode();
        decodeNote.setText(String.format(Locale.ROOT,
                "%s: %d layers, hidden %d, %s parameters, %s of fp32 weights read per token, %d tokens of context on average. "
                        + "The engine predicts from this profile alone (bound: %s); the kernel lab's own operator count says %s "
                        + "on one thread and %s on all cores.",
                d.model(), d.layers(), d.hiddenSize(), Units.compact(d.parameters()), LabText.bytes(d.weightBytesPerToken()),
                d.contextTokens(), d.predictedBound().replace('_', ' '),
                LabText.tokensPerSecond(report.transformerDecodeOneThread().kernelLabPredictedTokensPerSecond()),
                LabText.tokensPerSecond(d.kernelLabPredictedTokensPerSecond())));
    }

    private void setDecode(TransformerDecode one, TransformerDecode all) {
        TransformerDecode[] rows = {one, all};
        for (int r = 0; r < 2; r++) {
            TransformerDecode d = rows[r];
            Label measured = decode[r][0];
            Label predicted = decode[r][1];
            Label error = decode[r][2];
            if (d == null) {
                measured.setText(Units.UNKNOWN);
                predicted.setText(Units.UNKNOWN);
                error.setText(Units.UNKNOWN);
                measured.setTooltip(null);
                continue;
            }
            decodeRow[r].setText(r == 0 ? "One thread" : "All cores (" + d.threads() + ")");
            measured.setText(LabText.tokensPerSecond(d.measuredTokensPerSecond()));
            measured.setTooltip(new Tooltip(String.format(Locale.ROOT,
                    "Median of %d timed tokens; 10th to 90th percentile step time %.2f to %.2f ms",
                    d.timedTokens(), d.measuredMsPerTokenP10(), d.measuredMsPerTokenP90())));
            predicted.setText(LabText.tokensPerSecond(d.predictedTokensPerSecond()));
            error.setText(LabText.errorPercent(d.predictionErrorPercent()));
        }
    }
}
