package io.tokenrack.app.workload;

import atlantafx.base.theme.Styles;
import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

/**
 * The workload bar: model, precision, request lengths, concurrency, latency limits, parallelism and
 * the cost assumptions. Text fields commit on Enter or when they lose focus; a refused value turns
 * the field red and the reason shows under the bar.
 */
public final class WorkloadBar extends VBox {
    private final WorkloadModel model;
    private final Supplier<Evaluation> lastEvaluation;
    private final ComboBox<ModelSpec> modelBox = new ComboBox<>();
    private final ComboBox<Precision> precisionBox = new ComboBox<>();
    private final TextField input = field("workload-input", "Input tokens per request", 58);
    private final TextField output = field("workload-output", "Output tokens per request", 58);
    private final TextField concurrency = field("workload-concurrency", "Requests in flight, or max", 52);
    private final TextField ttft = field("workload-ttft", "Time to first token limit in milliseconds; blank for none", 48);
    private final TextField tpot = field("workload-tpot", "Time per output token limit in milliseconds; blank for none", 48);
    private final TextField minSpeed = field("workload-min-speed", "Each user's output speed at least this many tokens per second; blank for none", 44);
    private final CheckBox auto = new CheckBox("auto");
    private final TextField tp = field("workload-tp", "Tensor parallel degree", 34);
    private final TextField pp = field("workload-pp", "Pipeline parallel degree", 34);
    private final TextField ep = field("workload-ep", "Expert parallel degree", 34);
    private final TextField dp = field("workload-dp", "Attention data parallel degree", 34);
    private final ComboBox<String> servingBox = new ComboBox<>();
    private final ComboBox<String> speculativeBox = new ComboBox<>();
    private final TextField price = field("assume-electricity", "Electricity price in USD per kWh", 62);
    private final TextField years = field("assume-years", "Amortization in years", 44);
    private final TextField utilization = field("assume-utilization", "Utilization in percent of hours", 48);
    private final Label error = new Label();
    private boolean refreshing;

    /** @param lastEvaluation the parallelism the engine chose, to start manual editing from */
    public WorkloadBar(WorkloadModel model, Supplier<Evaluation> lastEvaluation) {
        this.model = model;
        this.lastEvaluation = lastEvaluation;
        createView();
        initListeners();
        refresh();
    }

    private void createView() {
        setId("workload-bar");
        getStyleClass().add(io.tokenrack.app.theme.Styles.WORKLOAD_BAR);
        setPadding(new Insets(6, 10, 6, 10));
        setSpacing(2);

        modelBox.setId("workload-model");
        modelBox.setAccessibleText("Model");
        modelBox.getItems().setAll(model.models());
        modelBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(ModelSpec m) {
                return m == null ? "" : m.name();
            }

            @Override
            public ModelSpec fromString(String s) {
                return model.models().stream().filter(m -> m.name().equals(s)).findFirst().orElse(null);
            }
        });
        modelBox.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(ModelSpec m, boolean empty) {
                super.updateItem(m, empty);
                setText(empty || m == null ? null : m.name() + String.format(Locale.ROOT, "  (%.0fB%s)", m.totalParamsB(),
                        m.isMoe() ? ", " + String.format(Locale.ROOT, "%.0fB active", m.activeParamsB()) : ""));
            }
        });
        modelBox.setPrefWidth(176);
        modelBox.setVisibleRowCount(16);
        precisionBox.setId("workload-precision");
        precisionBox.setAccessibleText("Precision of weights and activations");
        precisionBox.getItems().setAll(Precision.values());
        precisionBox.setConverter(new StringConverter<>() {
            @Override
            public String toString(Precision p) {
                return p == null ? "" : p.label().toUpperCase(Locale.ROOT);
            }

            @Override
            public Precision fromString(String s) {
                return Precision.parse(s);
            }
        });
        auto.setId("workload-parallel-auto");
        auto.setAccessibleText("Let the engine choose the parallelism");
        auto.setTooltip(new Tooltip("Let the engine choose TP, PP, EP and DP for the best throughput within the limits"));
        price.setPromptText("$/kWh");
        choices(servingBox, "workload-serving", WorkloadField.SERVING, SERVING_CHOICES);
        choices(speculativeBox, "workload-speculative", WorkloadField.SPECULATIVE, WorkloadModel.SPECULATIVE_CHOICES);

        FlowPane row = new FlowPane(9, 6);
        row.setAlignment(Pos.CENTER_LEFT);
        row.getChildren().addAll(
                group(modelBox),
                group(precisionBox),
                group(label("in"), input, unit("tok")),
                group(label("out"), output, unit("tok")),
                group(label("users"), concurrency),
                group(label("TTFT ≤"), ttft, unit("ms")),
                group(label("TPOT ≤"), tpot, unit("ms")),
                group(label("speed ≥"), minSpeed, unit("tok/s/user")),
                new Separator(javafx.geometry.Orientation.VERTICAL),
                group(label("parallel"), auto, label("TP"), tp, label("PP"), pp, label("EP"), ep, label("DP"), dp),
                group(label("serving"), servingBox, label("speculative"), speculativeBox),
                new Separator(javafx.geometry.Orientation.VERTICAL),
                group(label("$"), price, unit("/kWh")),
                group(years, unit("years")),
                group(utilization, unit("% util")));
        error.setId("workload-error");
        error.getStyleClass().addAll(io.tokenrack.app.theme.Styles.MESSAGE, io.tokenrack.app.theme.Styles.MESSAGE_ERROR);
        error.setManaged(false);
        error.setVisible(false);
        getChildren().addAll(row, error);
    }

    private void initListeners() {
        model.workloadProperty().addListener((obs, a, b) -> refresh());
        model.assumptionsProperty().addListener((obs, a, b) -> refresh());
        model.errorProperty().addListener((obs, a, b) -> {
            error.setText(b);
            error.setVisible(!b.isEmpty());
            error.setManaged(!b.isEmpty());
        });
        modelBox.valueProperty().addListener((obs, a, b) -> {
            if (!refreshing && b != null && !b.id().equals(model.workload().modelId())) {
                model.setModel(b.id());
            }
        });
        precisionBox.valueProperty().addListener((obs, a, b) -> {
            if (!refreshing && b != null && b != model.workload().precision()) {
                if (!model.setPrecision(b)) {
                    refresh();
                }
            }
        });
        for (var f : workloadFields().entrySet()) {
            if (!List.of(tp, pp, ep, dp).contains(f.getKey())) {
                commit(f.getKey(), t -> model.setText(f.getValue(), t));
            }
        }
        servingBox.valueProperty().addListener((obs, a, b) -> {
            if (!refreshing && b != null && !b.equals(WorkloadField.SERVING.format(model.workload())) && !model.setServing(b)) {
                refresh(); // refused: back to what the document says
            }
        });
        speculativeBox.valueProperty().addListener((obs, a, b) -> {
            if (!refreshing && b != null && !b.equals(WorkloadField.SPECULATIVE.format(model.workload())) && !model.setSpeculative(b)) {
                refresh();
            }
        });
        commit(price, model::setElectricityUsdPerKwh);
        commit(years, model::setAmortizationYears);
        commit(utilization, model::setUtilizationPercent);
        for (TextField f : new TextField[] {tp, pp, ep, dp}) {
            commit(f, t -> model.setParallelism(tp.getText(), pp.getText(), ep.getText(), dp.getText()));
        }
        auto.selectedProperty().addListener((obs, a, b) -> {
            if (refreshing) {
                return;
            }
            if (b) {
                model.setParallelismAuto();
            } else {
                Evaluation e = lastEvaluation.get();
                Parallelism chosen = e instanceof Evaluation.Ok ok ? ok.plan().parallelism() : new Parallelism(1, 1, null, null);
                model.setParallelism(chosen);
            }
        });
    }

    private void commit(TextField f, Predicate<String> apply) {
        Runnable go = () -> {
            if (refreshing) {
                return;
            }
            if (apply.test(f.getText())) {
                f.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            } else {
                f.pseudoClassStateChanged(Styles.STATE_DANGER, true);
            }
        };
        f.setOnAction(e -> go.run());
        f.focusedProperty().addListener((obs, was, is) -> {
            if (!is && !f.getText().equals(shown(f))) {
                go.run();
            }
        });
    }

    /** The workload's text fields and the field each edits (its rules and format declared once, in {@link WorkloadField}). */
    private java.util.Map<TextField, WorkloadField<?>> workloadFields() {
        java.util.Map<TextField, WorkloadField<?>> m = new java.util.LinkedHashMap<>();
        m.put(input, WorkloadField.INPUT_TOKENS);
        m.put(output, WorkloadField.OUTPUT_TOKENS);
        m.put(concurrency, WorkloadField.CONCURRENCY);
        m.put(ttft, WorkloadField.TTFT_LIMIT_MS);
        m.put(tpot, WorkloadField.TPOT_LIMIT_MS);
        m.put(minSpeed, WorkloadField.MIN_USER_SPEED);
        m.put(tp, WorkloadField.TP);
        m.put(pp, WorkloadField.PP);
        m.put(ep, WorkloadField.EP);
        m.put(dp, WorkloadField.DP);
        return m;
    }

    /** The text a field shows for the current document (to tell an edit from a focus change). */
    private String shown(TextField f) {
        Workload w = model.workload();
        Assumptions a = model.assumptionsProperty().get();
        WorkloadField<?> field = workloadFields().get(f);
        if (field != null) {
            return field.format(w);
        } else if (f == price) {
            return num(a.electricityUsdPerKwh());
        } else if (f == years) {
            return num(a.amortizationYears());
        } else if (f == utilization) {
            return num(a.utilization() * 100);
        }
        return f.getText();
    }

    private void refresh() {
        refreshing = true;
        try {
            Workload w = model.workload();
            modelBox.setValue(model.models().stream().filter(m -> m.id().equals(w.modelId())).findFirst().orElse(null));
            precisionBox.setValue(w.precision());
            // the draft models offered follow the model
            select(speculativeBox, WorkloadField.SPECULATIVE.format(w), model.speculativeChoices(w.modelId()));
            select(servingBox, WorkloadField.SERVING.format(w), SERVING_CHOICES);
            boolean isAuto = w.parallelism().isAuto();
            auto.setSelected(isAuto);
            for (TextField f : new TextField[] {input, output, concurrency, ttft, tpot, minSpeed, tp, pp, ep, dp, price, years, utilization}) {
                f.setText(shown(f));
                f.pseudoClassStateChanged(Styles.STATE_DANGER, false);
            }
            for (TextField f : new TextField[] {tp, pp, ep, dp}) {
                f.setDisable(isAuto);
                f.setPromptText(isAuto ? "–" : "auto");
            }
        } finally {
            refreshing = false;
        }
    }

    /** The serving modes the bar offers (the engine's words; afd shows as attention–FFN). */
    static final List<String> SERVING_CHOICES = List.of("auto", "aggregated", "disaggregated", "afd");

    /**
     * A choice box over a workload word: what the engine would refuse for this design and model is
     * greyed out, its sentence the tooltip.
     */
    private void choices(ComboBox<String> box, String id, WorkloadField<String> field, List<String> items) {
        box.setId(id);
        box.setAccessibleText(field.name());
        box.setTooltip(new Tooltip(field.help()));
        box.getItems().setAll(items);
        box.setVisibleRowCount(Math.min(items.size(), MAX_ROWS));
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(String word) {
                return word == null ? "" : shownWord(word);
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        box.setCellFactory(l -> new ListCell<>() {
            @Override
            protected void updateItem(String word, boolean empty) {
                super.updateItem(word, empty);
                setText(empty || word == null ? null : shownWord(word));
                var refused = empty || word == null ? java.util.Optional.<String>empty() : model.refusal(field, word);
                setDisable(refused.isPresent());
                setTooltip(refused.map(Tooltip::new).orElse(null));
            }
        });
    }

    private static String shownWord(String word) {
        return word.equals("afd") ? "attention–FFN" : word;
    }

    /** Rows a choice list shows before it scrolls. */
    private static final int MAX_ROWS = 16;

    /**
     * Shows {@code word} in {@code box} over the choices {@code offered} now (speculative decoding:
     * the model's draft models), adding the word when the document names one the bar does not offer
     * (a design file may: a deeper draft, another draft model).
     */
    private static void select(ComboBox<String> box, String word, List<String> offered) {
        List<String> items = new java.util.ArrayList<>(offered);
        if (!items.contains(word)) {
            items.add(word);
        }
        if (!box.getItems().equals(items)) {
            box.getItems().setAll(items);
            box.setVisibleRowCount(Math.min(items.size(), MAX_ROWS));
        }
        box.setValue(word);
    }

    private static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e9) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%s", Double.toString(v)).replaceAll("0+$", "");
    }

    private static TextField field(String id, String accessible, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setAccessibleText(accessible);
        f.setTooltip(new Tooltip(accessible));
        f.setPrefColumnCount(4);
        f.setPrefWidth(width);
        f.setMinWidth(width);
        return f;
    }

    private static Label label(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(io.tokenrack.app.theme.Styles.FIELD_LABEL);
        return l;
    }

    private static Label unit(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(io.tokenrack.app.theme.Styles.MUTED);
        return l;
    }

    private static HBox group(Node... nodes) {
        HBox h = new HBox(4, nodes);
        h.setAlignment(Pos.CENTER_LEFT);
        return h;
    }
}
