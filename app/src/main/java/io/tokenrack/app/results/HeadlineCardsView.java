package io.tokenrack.app.results;

import io.tokenrack.app.theme.Styles;
import io.tokenrack.engine.evaluate.Provenance;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/** The row of headline cards: each number with its unit, a "why" line and where its inputs came from. */
public final class HeadlineCardsView extends HBox {
    private final ObservableValue<Results> results;
    private final ObservableValue<Boolean> evaluating;
    private final List<CardView> cards = new ArrayList<>();

    public HeadlineCardsView(ObservableValue<Results> results, ObservableValue<Boolean> evaluating) {
        this.results = results;
        this.evaluating = evaluating;
        createView();
        initListeners();
        update();
    }

    private void createView() {
        setId("headline-cards");
        setSpacing(8);
        for (String id : Headline.IDS) {
            CardView c = new CardView(id);
            cards.add(c);
            HBox.setHgrow(c, Priority.ALWAYS);
            getChildren().add(c);
        }
    }

    private void initListeners() {
        results.addListener((obs, a, b) -> update());
        evaluating.addListener((obs, a, b) -> pseudoClassStateChanged(javafx.css.PseudoClass.getPseudoClass("evaluating"), b));
    }

    private void update() {
        List<Headline.Card> data = Headline.cards(results.getValue());
        for (int i = 0; i < cards.size(); i++) {
            cards.get(i).show(data.get(i));
        }
    }

    /** One card. The value label's id is the card's id + "-value". */
    private static final class CardView extends VBox {
        private final Label title = new Label();
        private final Label value = new Label();
        private final Label unit = new Label();
        private final Label why = new Label();
        private final Label band = new Label();
        private final HBox sources = new HBox(3);
        private final Tooltip tip = new Tooltip();
        private List<Provenance.Kind> shownKinds = List.of();

        CardView(String id) {
            setId(id);
            getStyleClass().add(Styles.CARD);
            title.getStyleClass().add(Styles.CARD_TITLE);
            value.setId(id + "-value");
            value.getStyleClass().add(Styles.CARD_VALUE);
            value.setMinWidth(Region.USE_PREF_SIZE);
            unit.getStyleClass().add(Styles.CARD_UNIT);
            unit.setMinWidth(0);
            why.setId(id + "-why");
            why.getStyleClass().add(Styles.CARD_WHY);
            why.setWrapText(true);
            why.setMinHeight(44);
            why.setPrefHeight(44);
            why.setMaxHeight(44);
            why.setAlignment(Pos.TOP_LEFT);
            sources.setId(id + "-sources");
            sources.setAlignment(Pos.CENTER_RIGHT);
            title.setMinWidth(0);
            Region gap = new Region();
            HBox.setHgrow(gap, Priority.ALWAYS);
            HBox titleRow = new HBox(4, title, gap, sources);
            titleRow.setAlignment(Pos.CENTER_LEFT);
            HBox valueRow = new HBox(4, value, unit);
            valueRow.setAlignment(Pos.BASELINE_LEFT);
            band.setId(id + "-band");
            band.getStyleClass().add(Styles.CARD_WHY);
            band.setStyle("-fx-font-weight: bold;");
            band.setMinWidth(0);
            band.managedProperty().bind(band.visibleProperty());
            band.setVisible(false);
            getChildren().addAll(titleRow, valueRow, band, why);
            setSpacing(1);
            setMinWidth(0);
            setPrefWidth(180);
            tip.setWrapText(true);
            tip.setMaxWidth(420);
            tip.setShowDelay(Duration.millis(300));
            tip.setShowDuration(Duration.seconds(30));
            Tooltip.install(this, tip);
        }

        private static String word(Provenance.Kind k) {
            return ProvenanceDots.word(k);
        }

        void show(Headline.Card c) {
            title.setText(c.title());
            value.setText(c.value());
            boolean text = c.value().length() > 9;
            Styles.set(value.getStyleClass(), "tr-card-value-text", text);
            value.setMinWidth(text ? 0 : Region.USE_PREF_SIZE);
            unit.setText(c.unit());
            why.setText(c.why());
            band.setText(c.band().isEmpty() ? "" : "range " + c.band());
            band.setVisible(!c.band().isEmpty());
            String kinds = c.kinds().stream().map(CardView::word).reduce((a, b) -> a + ", " + b).orElse("");
            if (!List.copyOf(c.kinds()).equals(shownKinds)) { // new dots only when the kinds change, not on every edit
                shownKinds = List.copyOf(c.kinds());
                sources.getChildren().clear();
                for (Provenance.Kind k : c.kinds()) {
                    sources.getChildren().add(ProvenanceDots.dot(k));
                }
            }
            sources.setAccessibleText(kinds.isEmpty() ? "" : "inputs from " + kinds);
            tip.setText(c.title() + ": " + c.value() + " " + c.unit() + "\nWhy: " + c.why()
                    + (kinds.isEmpty() ? "" : "\nFrom " + kinds + (c.sources().isEmpty() ? "" : ": " + c.sources()))
                    + (c.band().isEmpty() ? "" : "\nRange " + c.band() + ". " + c.bandFrom())
                    + (c.kinds().contains(Provenance.Kind.ASSUMPTION) ? "\nIncludes assumptions you can change (workload bar) or stand-ins where no source gives a figure." : ""));
            setAccessibleText(c.title() + " " + c.value() + " " + c.unit());
        }
    }
}
