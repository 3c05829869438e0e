package io.tokenrack.app.site;

import io.tokenrack.app.Dialogs;
import io.tokenrack.app.theme.ThemePalette;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.site.CoolingPlant;
import io.tokenrack.engine.site.PowerChain;
import io.tokenrack.engine.site.RackPowerBasis;
import io.tokenrack.engine.site.SiteOptimizer;
import io.tokenrack.engine.site.SitePlan;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The Site view, thin over {@link SiteModel}: a toolbar (open, save, envelope, add a design,
 * optimize with progress and cancel, compare), headline cards, the floor to scale, the power flow,
 * the tornado, the optimizer's alternatives and sites compared side by side.
 */
public final class SiteView extends BorderPane {
    private final SiteModel model;
    private final Dialogs dialogs;
    private final Label racks = card("site-racks");
    private final Label accelerators = card("site-accelerators");
    private final Label tokens = card("site-tokens");
    private final Label tokensPerMw = card("site-tokens-per-mw");
    private final Label revenue = card("site-revenue");
    private final Label capex = card("site-capex");
    private final Label usdPerM = card("site-usd-per-m");
    private final Label payback = card("site-payback");
    private final Label binding = card("site-binding");
    private final Label pue = card("site-pue");
    private final Label facilityCapex = card("site-facility-capex");
    private final Label powerMeasures = card("site-power-measures");
    private final TextField envelope = new TextField();
    private final FloorView floor;
    private final PowerFlowView flow;
    private final TornadoView tornado;
    private final ListView<String> alternatives = new ListView<>();
    private final TableView<SitePlan> compare = new TableView<>();

    /**
     * @param presetDesigns the preset designs the optimizer may choose from (read when a search starts)
     */
    /** The floor, power flow and tornado in the colours of {@code palette} (the theme changed). */
    public void usePalette(ThemePalette palette) {
        floor.usePalette(palette);
        flow.usePalette(palette);
        tornado.usePalette(palette);
    }

    public SiteView(SiteModel model, Dialogs dialogs, ThemePalette palette, Supplier<Map<String, RackDesign>> presetDesigns) {
        this.model = model;
        this.dialogs = dialogs;
        setId("site-view");
        floor = new FloorView(palette);
        flow = new PowerFlowView(palette);
        tornado = new TornadoView(palette);

        Button open = button("Open site…", "site-open", () -> dialogs.chooseOpen("Open a site", "TokenRack sites", "json", null)
                .ifPresent(model::open));
        Button save = button("Save site as…", "site-save", this::saveAs);
        envelope.setId("site-mw");
        envelope.setPrefColumnCount(6);
        envelope.setTooltip(new Tooltip("the utility's power envelope in MW; Enter to apply"));
        envelope.setOnAction(e -> applyEnvelope());
        Button add = button("Add design…", "site-add-design", () -> dialogs.chooseOpen("Add a rack design to the site", "TokenRack designs", "json", null)
                .ifPresent(model::addDesign));
        ComboBox<String> objective = new ComboBox<>();
        objective.getItems().addAll("tokens", "revenue");
        objective.getSelectionModel().selectFirst();
        objective.setId("site-objective");
        Button optimize = button("Optimize", "site-optimize", () -> model.optimize(presetDesigns.get(),
                SiteOptimizer.Objective.parse(objective.getValue())));
        Button cancel = button("Cancel", "site-cancel", model::cancel);
        cancel.disableProperty().bind(model.busyProperty().not());
        ProgressBar progress = new ProgressBar();
        progress.setId("site-progress");
        progress.progressProperty().bind(model.progressProperty());
        progress.visibleProperty().bind(model.busyProperty());
        Button compareWith = button("Compare with a site…", "site-compare", () -> dialogs.chooseOpen("Compare with a site", "TokenRack sites", "json", null)
                .ifPresent(model::compareWith));
        Button compareThis = button("Add this site to the comparison", "site-compare-this", model::compareCurrent);
        Button zoomIn = button("+", "site-zoom-in", () -> floor.zoom(1.25));
        Button zoomOut = button("−", "site-zoom-out", () -> floor.zoom(0.8));
        Button fit = button("Fit", "site-zoom-fit", floor::fit);
        Label message = new Label();
        message.setId("site-message");
        message.textProperty().bind(model.messageProperty());
        message.setMaxWidth(520);
        ComboBox<TornadoView.Metric> metric = new ComboBox<>();
        metric.getItems().addAll(TornadoView.Metric.values());
        metric.getSelectionModel().selectFirst();
        metric.setOnAction(e -> tornado.metric(metric.getValue()));
        ComboBox<RackPowerBasis> basis = new ComboBox<>();
        basis.setId("site-basis");
        basis.getItems().addAll(RackPowerBasis.values());
        basis.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(RackPowerBasis b) {
                return b == null ? "" : "size by " + b.label();
            }

            @Override
            public RackPowerBasis fromString(String s) {
                return null;
            }
        });
        basis.setTooltip(new Tooltip("the rack power the site is sized by: provisioned (nameplate), max-p (TDP), p90 (the draw the phase "
                + "mix stays under nine hours in ten) or the modelled draw (p90 and modelled are oversubscribed: they need power capping)"));
        basis.setOnAction(e -> {
            if (basis.getValue() != null && model.site() != null && basis.getValue() != model.site().rackPowerBasis()) {
                model.update(x -> x.withRackPowerBasis(basis.getValue()));
            }
        });
        ComboBox<String> plant = new ComboBox<>();
        plant.setId("site-cooling");
        plant.getItems().addAll("dry coolers", "chillers");
        plant.setTooltip(new Tooltip("the cooling plant: dry coolers for warm-water liquid cooling, chillers otherwise"));
        plant.setOnAction(e -> {
            if (plant.getValue() != null && model.site() != null) {
                CoolingPlant.Plant p = plant.getValue().equals("chillers") ? CoolingPlant.Plant.CHILLERS : CoolingPlant.Plant.DRY_COOLERS;
                if (p != model.site().cooling().plant()) {
                    model.update(x -> x.withCooling(new CoolingPlant(p, null, null, x.cooling().capacityMegawatts())));
                }
            }
        });
        javafx.scene.control.CheckBox dc = new javafx.scene.control.CheckBox("800 V DC");
        dc.setId("site-dc800v");
        dc.setOnAction(e -> {
            if (model.site() != null && dc.isSelected() != model.site().powerChain().dc800v()) {
                model.update(x -> x.withPowerChain(dc.isSelected() ? PowerChain.DC_800V : PowerChain.AC));
            }
        });
        model.siteProperty().addListener((o, a, st) -> {
            if (st != null) {
                basis.setValue(st.rackPowerBasis());
                plant.setValue(switch (st.cooling().plant()) {
                    case CHILLERS -> "chillers";
                    case DRY_COOLERS -> "dry coolers";
                    case PUE -> null;
                });
                plant.setPromptText(st.cooling().plant() == CoolingPlant.Plant.PUE ? "PUE " + st.cooling().pue() : "");
                dc.setSelected(st.powerChain().dc800v());
            }
        });
        ToolBar bar = new ToolBar(open, save, add, new Label("Envelope (MW)"), envelope, basis, plant, dc);
        ToolBar search = new ToolBar(new Label("Search for"), objective, optimize, cancel, progress, compareWith, compareThis);
        setTop(new VBox(bar, search, padded(message)));

        GridPane cards = new GridPane();
        cards.setHgap(12);
        cards.setVgap(4);
        cards.setPadding(new Insets(8));
        String[] titles = {"Racks", "Accelerators", "Output tokens/s", "Tokens/s per MW", "Revenue a year", "Capex (hardware)", "Facility capex",
            "$ per M output tokens", "Payback", "Binding limit", "PUE", "IT power (MW)"};
        Label[] values = {racks, accelerators, tokens, tokensPerMw, revenue, capex, facilityCapex, usdPerM, payback, binding, pue, powerMeasures};
        for (int i = 0; i < titles.length; i++) {
            Label t = new Label(titles[i]);
            t.getStyleClass().add("text-muted");
            t.setMinWidth(javafx.scene.layout.Region.USE_PREF_SIZE); // the title stays whole; a long value wraps instead
            values[i].setWrapText(true);
            cards.add(t, 0, i);
            cards.add(values[i], 1, i);
        }
        HBox zoom = new HBox(4, new Label("Floor"), zoomOut, zoomIn, fit);
        zoom.setAlignment(Pos.CENTER_LEFT);
        VBox floorBox = new VBox(4, zoom, floor);
        VBox.setVgrow(floor, Priority.ALWAYS);
        floorBox.setPadding(new Insets(4));
        SplitPane middle = new SplitPane(new VBox(cards), floorBox, flow);
        middle.setDividerPositions(0.24, 0.72);

        alternatives.setId("site-alternatives");
        Label none = new Label("Optimize to see the five best alternatives");
        none.setWrapText(true); // whole in a narrow pane too
        none.setPadding(new javafx.geometry.Insets(0, 8, 0, 8));
        alternatives.setPlaceholder(none);
        alternatives.setCellFactory(v -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
                setWrapText(true);
                setPrefWidth(0);
            }
        });
        alternatives.setTooltip(new Tooltip("double-click an alternative to set it beside the others in the comparison"));
        alternatives.setOnMouseClicked(e -> {
            int i = alternatives.getSelectionModel().getSelectedIndex();
            if (e.getClickCount() == 2 && i >= 0 && i < shownAlternatives.size()) {
                model.compared().add(shownAlternatives.get(i));
            }
        });
        compare.setId("site-compare-table");
        compare.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        compare.setPlaceholder(new Label("Compare sites: add this one and others, side by side"));
        compare.getColumns().add(column("site", p -> p.designs().stream().map(d -> d.label()).reduce((x, y) -> x + " + " + y).orElse(p.name())));
        compare.getColumns().add(column("MW", p -> num(p.siteMegawatts())));
        compare.getColumns().add(column("racks", p -> String.format(Locale.ROOT, "%,d", p.racks())));
        compare.getColumns().add(column("tokens/s per MW", p -> String.format(Locale.ROOT, "%,.0f", p.outputTokensPerSecondPerMegawatt())));
        compare.getColumns().add(column("$/M", p -> money(p.usdPerMillionOutputTokens(), 3)));
        compare.getColumns().add(column("payback", p -> years(p.paybackYears())));
        compare.getColumns().add(column("binding", p -> p.bindingLimit().label()));
        compare.setItems(model.compared());
        VBox tornadoBox = new VBox(2, new HBox(6, new Label("Tornado of"), metric), tornado);
        VBox.setVgrow(tornado, Priority.ALWAYS);
        SplitPane bottom = new SplitPane(tornadoBox, alternatives, compare);
        bottom.setDividerPositions(0.45, 0.64); // the tornado's labels need about 600 px: whole at 1366 px wide
        SplitPane all = new SplitPane(middle, bottom);
        all.setOrientation(javafx.geometry.Orientation.VERTICAL);
        all.setDividerPositions(0.6);
        setCenter(all);

        model.planProperty().addListener((o, a, p) -> show(p));
        model.siteProperty().addListener((o, a, s) -> {
            if (s != null && !envelope.isFocused()) {
                envelope.setText(num(s.utilityMegawatts()));
            }
        });
        model.tornadoProperty().addListener((o, a, t) -> tornado.show(t));
        model.alternativesProperty().addListener((o, a, r) -> showAlternatives(r));
        if (model.plan() != null) {
            show(model.plan());
        }
    }

    private void applyEnvelope() {
        try {
            model.setUtilityMegawatts(Double.parseDouble(envelope.getText().strip().replace(",", "")));
        } catch (NumberFormatException e) {
            dialogs.error("Envelope", "the envelope is a number of megawatts, such as 100; was '" + envelope.getText() + "'");
        }
    }

    private void saveAs() {
        String suggested = model.site() == null ? "site.json" : model.site().name().replaceAll("[^A-Za-z0-9._-]+", "-") + ".json";
        Path dir = model.fileProperty().get() == null ? null : model.fileProperty().get().toAbsolutePath().getParent();
        dialogs.chooseSave("Save the site", "TokenRack sites", "json", suggested, dir).ifPresent(p -> {
            try {
                model.save(p);
            } catch (IOException | RuntimeException e) {
                dialogs.error("Save the site", e.getMessage());
            }
        });
    }

    private void show(SitePlan p) {
        if (p == null) {
            return;
        }
        racks.setText(String.format(Locale.ROOT, "%,d", p.racks()));
        accelerators.setText(String.format(Locale.ROOT, "%,d", p.accelerators()));
        tokens.setText(String.format(Locale.ROOT, "%,.0f", p.outputTokensPerSecond()));
        tokensPerMw.setText(String.format(Locale.ROOT, "%,.0f", p.outputTokensPerSecondPerMegawatt()));
        tokensPerMw.setTooltip(new Tooltip(String.format(Locale.ROOT,
                "output tokens/s per MW at each boundary:%n  utility (the envelope) %,.0f%n  facility (IT × PUE) %,.0f%n  IT (modelled draw) %,.0f%n"
                        + "  provisioned IT (nameplate) %,.0f", p.outputTokensPerSecondPerMegawatt(), p.outputTokensPerSecondPerFacilityMegawatt(),
                p.outputTokensPerSecondPerItMegawatt(), p.outputTokensPerSecondPerProvisionedMegawatt())));
        revenue.setText(big(p.annualRevenueUsd()));
        capex.setText(big(p.capexUsd()));
        usdPerM.setText(money(p.usdPerMillionOutputTokens(), 3));
        payback.setText(years(p.paybackYears()));
        payback.setTooltip(new Tooltip(String.format(Locale.ROOT, "hardware and facility build over revenue less energy: %s (%s–%s over the "
                        + "facility's cost range)%na tenant's: hardware alone over revenue less energy and the facility's rent: %s",
                years(p.paybackYears()), years(p.facility().paybackYearsLow()), years(p.facility().paybackYearsHigh()),
                years(p.facility().hardwarePaybackYears()))));
        facilityCapex.setText(String.format(Locale.ROOT, "%s (%s)", big(p.facility().usd()), range(p.facility().lowUsd(), p.facility().highUsd())));
        facilityCapex.setTooltip(new Tooltip(String.format(Locale.ROOT, "power chain, cooling plant and building at %s per MW of sized IT load "
                + "(Cushman & Wakefield 2025: $9.3–15.0 M per MW over 19 US markets); hardware + facility %s", big(p.facility().usdPerMegawatt()),
                big(p.facility().totalCapexUsd()))));
        SitePlan.Powers w = p.powers();
        powerMeasures.setText(String.format(Locale.ROOT, "Max-P %.1f · P90 %.1f · modelled %.1f", w.maxPItWatts() / 1e6,
                w.p90ItWatts() / 1e6, w.busyItWatts() / 1e6));
        powerMeasures.setTooltip(new Tooltip(String.format(Locale.ROOT, "IT power of the racks built, MW: provisioned (nameplate) %.1f, Max-P "
                        + "%.1f, P90 of the phase mix %.1f, modelled busy draw %.1f, mean over all hours (idle included) %.1f%n"
                        + "sized by %s: a unit draws more than it is sized for %.0f%% of the hours (modelled)%nrisk: %s",
                w.provisionedItWatts() / 1e6, w.maxPItWatts() / 1e6, w.p90ItWatts() / 1e6, w.busyItWatts() / 1e6, w.meanItWatts() / 1e6,
                p.rackPowerBasis().label(), w.exceedanceShare() * 100, p.risk())));
        binding.setText(p.bindingLimit().label());
        pue.setText(String.format(Locale.ROOT, "%.3f", p.facilityPerItWatt()));
        floor.show(p);
        flow.show(p);
    }

    private final java.util.List<SitePlan> shownAlternatives = new java.util.ArrayList<>();

    private void showAlternatives(SiteOptimizer.Result r) {
        alternatives.getItems().clear();
        shownAlternatives.clear();
        if (r == null) {
            return;
        }
        int i = 1;
        for (SiteOptimizer.Alternative a : r.alternatives()) {
            SitePlan p = a.plan();
            shownAlternatives.add(p);
            alternatives.getItems().add(String.format(Locale.ROOT, "%d. %s — %,d racks, %,.0f tokens/s per MW, %s/yr, payback %s; serving %s", i++,
                    String.join(" + ", a.designs()), p.racks(), p.outputTokensPerSecondPerMegawatt(), big(p.annualRevenueUsd()), years(p.paybackYears()),
                    String.join(", ", a.servingChoices().stream().map(c -> c.workload() + " " + c.modeInWords()
                            + (c.speculative().equals("off") ? "" : " " + c.speculative())).distinct().toList())));
        }
        alternatives.getItems().add("Why: " + r.why());
    }

    private static TableColumn<SitePlan, String> column(String title, java.util.function.Function<SitePlan, String> f) {
        TableColumn<SitePlan, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyStringWrapper(f.apply(d.getValue())));
        c.setSortable(false);
        return c;
    }

    /** "$0.83–1.34 B" or "$83.4–134.5 M": a range in one unit. */
    private static String range(double low, double high) {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            return "unknown";
        }
        return high >= 1e9 ? String.format(Locale.ROOT, "$%.2f–%.2f B", low / 1e9, high / 1e9)
                : String.format(Locale.ROOT, "$%.1f–%.1f M", low / 1e6, high / 1e6);
    }

    private static Label card(String id) {
        Label l = new Label("–");
        l.setId(id);
        l.setStyle("-fx-font-size: 1.25em; -fx-font-weight: bold;");
        return l;
    }

    private static Button button(String text, String id, Runnable action) {
        Button b = new Button(text);
        b.setId(id);
        b.setOnAction(e -> action.run());
        return b;
    }

    private static Region padded(Label l) {
        HBox h = new HBox(l);
        h.setPadding(new Insets(2, 8, 2, 8));
        return h;
    }

    static String num(double v) {
        return new java.math.BigDecimal(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }

    static String big(double usd) {
        if (!Double.isFinite(usd)) {
            return "unknown";
        }
        return Math.abs(usd) >= 1e9 ? String.format(Locale.ROOT, "$%.2f B", usd / 1e9) : String.format(Locale.ROOT, "$%.1f M", usd / 1e6);
    }

    static String money(double v, int decimals) {
        return Double.isFinite(v) ? "$" + String.format(Locale.ROOT, "%." + decimals + "f", v) : "unknown";
    }

    static String years(double y) {
        return Double.isNaN(y) ? "unknown" : Double.isInfinite(y) ? "never" : String.format(Locale.ROOT, "%.2f years", y);
    }
}
