package io.tokenrack.app.results;

import io.tokenrack.app.theme.Styles;
import io.tokenrack.app.theme.ThemePalette;
import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Note;
import io.tokenrack.engine.evaluate.Phase;
import io.tokenrack.engine.evaluate.PhaseBreakdown;
import io.tokenrack.engine.evaluate.Provenance;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.Color;

/**
 * "Why this throughput?": per phase (prefill, decode) the step time, what bounds it and each
 * operator class's share as a stacked bar with a legend; the engine's notes; and the inputs with
 * where each came from (datasheet, measured, modelled, assumption).
 */
public final class WhyView extends VBox {
    private final ObservableValue<Results> results;
    /** The theme's colours: each operator class's bar segment and legend swatch take theirs from it. */
    private ThemePalette palette;
    private final Label headline = new Label();
    private final VBox phases = new VBox(6);
    /** Each phase's breakdown, made once and updated in place by every edit. */
    private final java.util.Map<Phase, PhaseView> phaseViews = new java.util.EnumMap<>(Phase.class);
    private final Label steady = new Label();
    private final Label pools = new Label();
    private final Label serving = new Label();
    private final Label notes = new Label();
    private final ListView<Provenance> inputs = new ListView<>();

    public WhyView(ObservableValue<Results> results, ThemePalette palette) {
        this.results = results;
        this.palette = palette;
        createView();
        initListeners();
        update(results.getValue());
    }

    private void createView() {
        setId("why");
        setSpacing(6);
        Label title = new Label("Why this throughput?");
        title.getStyleClass().add(Styles.PANEL_TITLE);
        headline.setId("why-headline");
        headline.setWrapText(true);
        serving.setId("why-serving");
        serving.setWrapText(true);
        steady.setId("why-steady");
        steady.setWrapText(true);
        steady.getStyleClass().add(Styles.MUTED);
        pools.setId("why-pools");
        pools.setWrapText(true);
        pools.setManaged(false);
        pools.setVisible(false);
        notes.setId("why-notes");
        notes.setWrapText(true);
        notes.getStyleClass().add(Styles.MUTED);
        Label inputsTitle = new Label("Inputs and where they came from");
        inputsTitle.getStyleClass().add(Styles.FIELD_LABEL);
        inputs.setId("provenance-list");
        inputs.setAccessibleText("Inputs of the evaluation and their sources");
        inputs.setPrefHeight(150);
        inputs.setMinHeight(80);
        inputs.setCellFactory(l -> new ProvenanceCell());
        VBox.setVgrow(inputs, Priority.ALWAYS);
        getChildren().addAll(title, headline, pools, serving, steady, phases, notes, inputsTitle, ProvenanceDots.legend(), inputs);
    }

    private void initListeners() {
        results.addListener((obs, a, b) -> update(b));
    }

    /** Follows a change of theme: the phase bars and their legends take the new palette's colours. */
    public void usePalette(ThemePalette next) {
        this.palette = java.util.Objects.requireNonNull(next, "palette");
        for (PhaseView v : phaseViews.values()) {
            v.paint();
        }
    }

    /** The colour of an operator class's bar segment and legend swatch. */
    Color colour(io.tokenrack.engine.perf.OperatorClass c) {
        return palette.series(c.ordinal());
    }

    private void update(Results r) {
        Evaluation.Ok e = r == null ? null : r.numbers();
        java.util.List<javafx.scene.Node> shownPhases = new java.util.ArrayList<>();
        if (e == null) {
            phases.getChildren().clear();
            headline.setText(r == null ? "evaluating…" : r.message());
            steady.setText("");
            pools.setText("");
            pools.setVisible(false);
            pools.setManaged(false);
            serving.setText("");
            notes.setText("");
            inputs.getItems().setAll(r == null || r.evaluation() == null ? java.util.List.of() : r.evaluation().provenance());
            return;
        }
        String why = Headline.decodeWhy(e);
        // a second sentence: "Bound by memory capacity. Steady step 64.4 ms …"
        headline.setText("Bound by " + e.bottleneck().label() + ". " + Character.toUpperCase(why.charAt(0)) + why.substring(1) + ".");
        steady.setText(steadyWhy(e));
        String twoPools = poolsWhy(e);
        pools.setText(twoPools);
        pools.setVisible(!twoPools.isEmpty());
        pools.setManaged(!twoPools.isEmpty());
        serving.setText(ServingWhy.explain(e, r.input() == null ? null : r.input().design().workload(), r.frontier()));
        for (Phase phase : new Phase[] {Phase.PREFILL, Phase.DECODE}) {
            PhaseBreakdown p = e.phase(phase);
            if (p != null) {
                shownPhases.add(phaseViews.computeIfAbsent(phase, k -> new PhaseView()).show(p));
            }
        }
        if (!phases.getChildren().equals(shownPhases)) {
            phases.getChildren().setAll(shownPhases);
        }
        notes.setText(e.notes().isEmpty() ? "" : "Notes: " + String.join("; ", e.noteTexts()) + ".");
        setChanged(inputs.getItems(), e.provenance());
    }

    /**
     * Makes {@code shown} hold {@code next}, replacing only the rows that differ: an edit changes a
     * few inputs' values, and a list set anew lays out and restyles every visible row.
     */
    static <T> void setChanged(java.util.List<T> shown, java.util.List<T> next) {
        if (shown.size() != next.size()) {
            if (shown instanceof javafx.collections.ObservableList<T> o) {
                o.setAll(next);
            } else {
                shown.clear();
                shown.addAll(next);
            }
            return;
        }
        for (int i = 0; i < next.size(); i++) {
            if (!java.util.Objects.equals(shown.get(i), next.get(i))) {
                shown.set(i, next.get(i));
            }
        }
    }

    /**
     * The two pools of attention–FFN disaggregation, the ratio and what one offloaded layer costs;
     * empty when the design serves aggregated.
     */
    static String poolsWhy(Evaluation.Ok e) {
        for (Note n : e.notes()) {
            if (n instanceof Note.AttentionFfn a && a.offloadedLayers() == 0) {
                return "Two pools, one idle: " + a.text() + ".";
            }
            if (n instanceof Note.AttentionFfn a) {
                return String.format(Locale.ROOT, "Two pools: %,d %s run attention and hold the KV cache; %,d %s run the FFN of %d of %d layers "
                                + "(%.0f%% : %.0f%% of the chips serving). One offloaded layer takes %s µs against %s µs on the %s alone.",
                        a.attentionAccelerators(), a.attentionAcceleratorId(), a.ffnAccelerators(), a.ffnAcceleratorId(), a.offloadedLayers(),
                        a.ffnLayers(), 100 * a.attentionShare(), 100 * (1 - a.attentionShare()),
                        String.format(Locale.ROOT, "%.1f", a.layerSeconds() * 1e6), String.format(Locale.ROOT, "%.1f", a.aggregatedLayerSeconds() * 1e6),
                        a.attentionAcceleratorId());
            }
        }
        return "";
    }

    /** Why TPOT is longer than the decode step: it is the steady step, which also carries the prefill of new requests. */
    static String steadyWhy(Evaluation.Ok e) {
        var split = e.plan().split();
        if (split.disaggregated()) {
            // "Served disaggregated (2P1D): …": the decode pool runs no prefill, so TPOT is its pure decode step
            return "Served " + split.words(e.acceleratorId()) + ". TPOT " + Units.ms(e.latency().tpotSeconds())
                    + " is the decode pool's step, with no prefill in it; TTFT adds the KV cache transfer.";
        }
        PhaseBreakdown steadyStep = e.phase(Phase.STEADY_STEP);
        if (steadyStep == null) {
            return "";
        }
        var spec = e.plan().speculation();
        if (!spec.isOff()) {
            return "TPOT " + Units.ms(e.latency().tpotSeconds()) + " is the steady step (" + Units.ms(steadyStep.stepSeconds()) + ") over the "
                    + String.format(Locale.ROOT, "%.2f", spec.acceptanceLength()) + " tokens each user gains per step with speculative decoding ("
                    + speculationName(spec) + "): each step checks " + spec.queriesPerSequence() + " tokens per user, runs the draft "
                    + (spec.draftTokens() == 1 ? "once" : spec.draftTokens() + " times")
                    + " and carries the prefill chunks of newly arriving requests.";
        }
        return "TPOT " + Units.ms(e.latency().tpotSeconds()) + " is the steady step (" + Units.ms(steadyStep.stepSeconds())
                + "): each decode step also carries the prefill chunks of newly arriving requests.";
    }

    /** "the model's MTP module, 3 draft tokens", "an EAGLE draft head, 2 draft tokens", "draft model llama-3.1-8b, 4 draft tokens". */
    static String speculationName(io.tokenrack.engine.perf.Speculation s) {
        String what = switch (s.method()) {
            case MTP -> "the model's MTP module";
            case EAGLE -> "an EAGLE draft head";
            case DRAFT -> "draft model " + s.draftModelId();
            case OFF -> "off";
        };
        return what + ", " + s.draftTokens() + (s.draftTokens() == 1 ? " draft token" : " draft tokens");
    }

    /**
     * One phase's step: "Decode step 12.3 ms · memory bandwidth bound", a bar of its operator
     * shares and their legend. The bar and legend nodes are rebuilt only when the operator classes
     * change; an edit that only moves the numbers updates widths and texts in place.
     */
    private final class PhaseView {
        private final Label title = new Label();
        private final HBox bar = new HBox();
        private final javafx.scene.layout.FlowPane legend = new javafx.scene.layout.FlowPane(8, 2);
        private final VBox box = new VBox(2, title, bar, legend);
        private final java.util.List<Region> segments = new java.util.ArrayList<>();
        private final java.util.List<Tooltip> tips = new java.util.ArrayList<>();
        private final java.util.List<Label> items = new java.util.ArrayList<>();
        private final java.util.List<Region> swatches = new java.util.ArrayList<>();
        private java.util.List<io.tokenrack.engine.perf.OperatorClass> classes = java.util.List.of();

        PhaseView() {
            title.getStyleClass().add(Styles.FIELD_LABEL);
            bar.getStyleClass().add(Styles.SHARE_BAR);
            bar.setPrefHeight(12);
            bar.setMinHeight(12);
            box.setPadding(new Insets(2, 0, 2, 0));
        }

        VBox show(PhaseBreakdown p) {
            title.setText(p.phase().label() + " step " + Units.ms(p.stepSeconds()) + " · "
                    + p.bound().name().toLowerCase(Locale.ROOT).replace('_', ' ') + " bound");
            bar.setId("why-bar-" + p.phase().label());
            java.util.List<io.tokenrack.engine.perf.OperatorClass> now = p.shares().stream().map(PhaseBreakdown.Share::operatorClass).toList();
            if (!now.equals(classes)) {
                classes = now;
                build(p);
            }
            for (int i = 0; i < p.shares().size(); i++) {
                PhaseBreakdown.Share s = p.shares().get(i);
                Region seg = segments.get(i);
                seg.prefWidthProperty().unbind();
                seg.prefWidthProperty().bind(bar.widthProperty().multiply(s.fraction()));
                tips.get(i).setText(s.operatorClass().description() + ": " + Units.ms(s.seconds()) + " (" + Units.percent(s.fraction()) + ")");
                Label item = items.get(i);
                item.setText(Headline.shortName(s) + " " + Units.percent(s.fraction()));
                boolean listed = s.fraction() >= 0.03;
                item.setVisible(listed);
                item.setManaged(listed);
            }
            return box;
        }

        private void build(PhaseBreakdown p) {
            segments.clear();
            tips.clear();
            items.clear();
            swatches.clear();
            bar.getChildren().clear();
            legend.getChildren().clear();
            for (PhaseBreakdown.Share s : p.shares()) {
                Region seg = new Region();
                seg.getStyleClass().add("tr-share-segment");
                seg.setUserData(s.operatorClass());
                seg.setMinWidth(1);
                Tooltip tip = new Tooltip();
                Tooltip.install(seg, tip);
                bar.getChildren().add(seg);
                Region swatch = new Region();
                swatch.setPrefSize(9, 9);
                swatch.setMaxSize(9, 9);
                Label item = new Label("", swatch);
                item.getStyleClass().addAll(Styles.MUTED, "tr-legend");
                legend.getChildren().add(item);
                segments.add(seg);
                tips.add(tip);
                items.add(item);
                swatches.add(swatch);
            }
            paint();
        }

        /** Each segment and swatch in its operator class's colour of the current palette. */
        void paint() {
            for (int i = 0; i < segments.size() && i < classes.size(); i++) {
                Color c = colour(classes.get(i));
                segments.get(i).setBackground(javafx.scene.layout.Background.fill(c));
                swatches.get(i).setBackground(new javafx.scene.layout.Background(new javafx.scene.layout.BackgroundFill(c,
                        new javafx.scene.layout.CornerRadii(2), Insets.EMPTY)));
            }
        }
    }

    /** One input: its provenance dot and "label: value"; the cell's nodes are made once and reused for every edit. */
    private static final class ProvenanceCell extends ListCell<Provenance> {
        private final Label text = new Label();
        private final HBox row = new HBox(6);
        private final Tooltip tip = new Tooltip();
        private Provenance.Kind shownKind;

        ProvenanceCell() {
            text.setMinWidth(0);
            row.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            tip.setWrapText(true);
            tip.setMaxWidth(520);
        }

        @Override
        protected void updateItem(Provenance p, boolean empty) {
            super.updateItem(p, empty);
            if (empty || p == null) {
                setText(null);
                setGraphic(null);
                setTooltip(null);
                return;
            }
            if (p.kind() != shownKind) {
                shownKind = p.kind();
                row.getChildren().setAll(ProvenanceDots.dot(p.kind()), text);
            }
            text.setText(p.label() + ": " + p.value());
            setGraphic(row);
            setText(null);
            tip.setText(p.label() + ": " + p.value() + "\n" + p.kind().name().toLowerCase(Locale.ROOT) + " — " + p.source());
            setTooltip(tip);
            setAccessibleText(p.label() + " " + p.value() + ", " + p.kind().name().toLowerCase(Locale.ROOT));
        }
    }
}
