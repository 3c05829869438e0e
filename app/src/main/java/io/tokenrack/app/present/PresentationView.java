package io.tokenrack.app.present;

import io.tokenrack.app.results.Results;
import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.workload.Workload;
import java.util.List;
import java.util.Locale;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Presentation mode's slide: the deck's title and where we are, the slide's title and what it
 * serves, four numbers in large type (each user's speed, tokens/s per GPU, tokens per joule, $ per
 * M tokens) and one chart comparing the slides so far. Arrow keys, PageUp/PageDown (a clicker),
 * space, Home and End step; Escape leaves (see {@link PresentationWindow}).
 */
public final class PresentationView extends BorderPane {
    /** The numbers' ids, in the order shown: {@code present-value-KEY}. */
    public static final List<String> KEYS = List.of("speed", "per-gpu", "tokens-per-joule", "usd-per-mtok");

    private final PresentationModel model;
    private final Catalog catalog;
    private final Label deckTitle = new Label();
    private final Label counter = new Label();
    private final Label title = new Label();
    private final Label subtitle = new Label();
    private final Label note = new Label();
    private final Label status = new Label();
    private final Label[] values = new Label[KEYS.size()];
    private final Label[] captions = new Label[KEYS.size()];
    private final CategoryAxis x = new CategoryAxis();
    private final NumberAxis y = new NumberAxis();
    private final BarChart<String, Number> chart = new BarChart<>(x, y);

    public PresentationView(PresentationModel model, Catalog catalog) {
        this.model = model;
        this.catalog = catalog;
        createView();
        model.indexProperty().addListener((o, a, b) -> refresh());
        model.results().addListener((javafx.collections.ListChangeListener<Results>) c -> refresh());
        addEventHandler(KeyEvent.KEY_PRESSED, this::key);
        refresh();
    }

    public PresentationModel model() {
        return model;
    }

    private void createView() {
        setId("presentation");
        getStyleClass().add("tr-present");
        setPadding(new Insets(28, 48, 24, 48));
        setFocusTraversable(true);

        deckTitle.setId("present-deck-title");
        deckTitle.getStyleClass().add("tr-present-muted");
        counter.setId("present-counter");
        counter.getStyleClass().add("tr-present-muted");
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(deckTitle, spacer, counter);
        top.setAlignment(Pos.CENTER_LEFT);
        setTop(top);

        title.setId("present-title");
        title.getStyleClass().add("tr-present-title");
        subtitle.setId("present-subtitle");
        subtitle.getStyleClass().add("tr-present-subtitle");
        subtitle.setWrapText(true);
        String[] names = {"tokens/s per user", "tokens/s per GPU", "tokens per joule", "$ per M tokens"};
        HBox tiles = new HBox(24);
        for (int i = 0; i < KEYS.size(); i++) {
            values[i] = new Label("…");
            values[i].setId("present-value-" + KEYS.get(i));
            values[i].getStyleClass().add("tr-present-value");
            Label name = new Label(names[i]);
            name.getStyleClass().add("tr-present-name");
            captions[i] = new Label();
            captions[i].getStyleClass().add("tr-present-muted");
            captions[i].setWrapText(true);
            captions[i].setMinHeight(Region.USE_PREF_SIZE);
            captions[i].getStyleClass().add("tr-present-caption");
            VBox tile = new VBox(2, values[i], name, captions[i]);
            tile.getStyleClass().add("tr-present-tile");
            tile.setMinWidth(0);
            tile.setMaxWidth(Double.MAX_VALUE);
            HBox.setHgrow(tile, Priority.ALWAYS);
            tiles.getChildren().add(tile);
        }
        chart.setId("present-chart");
        chart.setAnimated(false);
        chart.setLegendVisible(false);
        chart.setCategoryGap(60);
        x.setCategories(javafx.collections.FXCollections.observableArrayList(model.scenarios().stream().map(PresentationView::category).toList()));
        y.setLabel(model.deck().chart().equals(Deck.USD_PER_MILLION) ? "$ per M output tokens" : "tokens per joule (IT)");
        chart.setMinHeight(160);
        VBox.setVgrow(chart, Priority.ALWAYS);
        VBox center = new VBox(10, title, subtitle, tiles, chart);
        center.setPadding(new Insets(18, 0, 10, 0));
        setCenter(center);

        note.setId("present-note");
        note.getStyleClass().add("tr-present-note");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        status.setId("present-status");
        status.getStyleClass().add("tr-present-muted");
        Label hint = new Label("→ / PageDown next · ← / PageUp back · Esc leaves");
        hint.getStyleClass().add("tr-present-muted");
        Region s2 = new Region();
        HBox.setHgrow(s2, Priority.ALWAYS);
        VBox bottom = new VBox(8, note, new HBox(status, s2, hint));
        setBottom(bottom);
    }

    private void key(KeyEvent e) {
        KeyCode k = e.getCode();
        switch (k) {
            case RIGHT, DOWN, PAGE_DOWN, SPACE, ENTER -> model.next();
            case LEFT, UP, PAGE_UP, BACK_SPACE -> model.previous();
            case HOME -> model.first();
            case END -> model.last();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void refresh() {
        int i = model.index();
        Scenario s = model.current();
        deckTitle.setText(model.deck().title());
        counter.setText((i + 1) + " / " + model.scenarios().size());
        title.setText(s.title());
        subtitle.setText(describe(s));
        note.setText(s.note());
        Results r = model.results().get(i);
        Evaluation.Ok e = r == null ? null : r.numbers();
        status.setText(r == null ? "evaluating…" : e == null ? r.message() : "model numbers · " + s.design().name());
        String[] v = new String[KEYS.size()];
        String[] c = new String[KEYS.size()];
        if (e == null) {
            java.util.Arrays.fill(v, r == null ? "…" : Units.UNKNOWN);
            java.util.Arrays.fill(c, "");
        } else {
            v[0] = Units.number(e.throughput().tokensPerSecondPerUser());
            c[0] = "TPOT " + Units.ms(e.latency().tpotSeconds()) + " · TTFT " + Units.ms(e.latency().ttftSeconds());
            v[1] = Units.number(e.throughput().outputTokensPerSecondPerAccelerator());
            c[1] = Units.number(e.throughput().outputTokensPerSecond()) + " output tok/s, " + e.accelerators() + " GPUs";
            v[2] = Units.number(e.efficiency().outputTokensPerJoule());
            c[2] = "output, IT power (" + Units.kw(e.power().itWatts()) + ")";
            double usd = e.cost().usdPerMillionOutputTokens();
            v[3] = Double.isFinite(usd) ? Units.usd(usd) : Units.UNKNOWN;
            c[3] = Double.isFinite(usd) ? "output, at " + Units.percent(r.input().assumptions().utilization()) + " utilization"
                    : "no published price";
        }
        for (int k = 0; k < KEYS.size(); k++) {
            values[k].setText(v[k]);
            captions[k].setText(c[k]);
        }
        fillChart(i);
    }

    private void fillChart(int upTo) {
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        boolean cost = model.deck().chart().equals(Deck.USD_PER_MILLION);
        for (int k = 0; k <= upTo; k++) {
            Results r = model.results().get(k);
            Evaluation.Ok e = r == null ? null : r.numbers();
            if (e == null) {
                continue;
            }
            double value = cost ? e.cost().usdPerMillionOutputTokens() : e.efficiency().outputTokensPerJoule();
            if (Double.isFinite(value)) {
                series.getData().add(new XYChart.Data<>(category(model.scenarios().get(k)), value));
            }
        }
        chart.getData().setAll(List.of(series));
        for (XYChart.Data<String, Number> d : series.getData()) {
            if (d.getNode() != null && d.getXValue().equals(category(model.current()))) {
                d.getNode().getStyleClass().add("tr-present-bar-current");
            }
        }
    }

    /**
     * The slide's name under its bar: the title after a colon ("Hopper: 4 × DGX H100" is "4 × DGX
     * H100"), short enough that the axis never turns its labels on their side (which takes the
     * chart's height away).
     */
    static String category(Scenario s) {
        int colon = s.title().indexOf(": ");
        return colon > 0 ? s.title().substring(colon + 2) : s.title();
    }

    private String describe(Scenario s) {
        Workload w = s.design().workload();
        String modelName = catalog.find(w.modelId()).map(CatalogItem::name).orElse(w.modelId());
        StringBuilder b = new StringBuilder();
        b.append(modelName).append(" in ").append(w.precision().label().toUpperCase(Locale.ROOT)).append(" · ")
                .append(Units.number(w.inputTokens())).append(" in / ").append(Units.number(w.outputTokens())).append(" out tokens");
        if (w.minTokensPerSecondPerUser() != null) {
            b.append(" · every user ≥ ").append(Units.number(w.minTokensPerSecondPerUser())).append(" tokens/s");
        }
        return b.toString();
    }
}
