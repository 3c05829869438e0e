package io.tokenrack.app.canvas;

import io.tokenrack.app.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Duration;

/**
 * A labelled bar of use against a limit: "Power  40.8 / 40.8 kW". A lighter part can show a second
 * figure (nameplate maximum behind the modelled draw). Green below 90 %, amber to 100 %, red above.
 */
public final class BudgetBar extends VBox {
    private final Label name = new Label();
    private final Label value = new Label();
    private final Track track = new Track();
    private final Tooltip tooltip = new Tooltip();

    public BudgetBar(String id, String title) {
        setId(id);
        getStyleClass().add(Styles.BAR);
        name.setText(title);
        name.getStyleClass().add(Styles.FIELD_LABEL);
        value.getStyleClass().add("tr-bar-value");
        value.setWrapText(true);
        value.setMinHeight(Region.USE_PREF_SIZE);
        getChildren().addAll(name, value, track);
        setSpacing(1);
        tooltip.setShowDelay(Duration.millis(300));
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(380);
        Tooltip.install(this, tooltip);
    }

    /**
     * @param text      the value shown, with its unit
     * @param fraction  the solid part (use ÷ limit); may exceed 1
     * @param secondary the light part behind it, NaN for none
     */
    public void set(String text, double fraction, double secondary, String help) {
        value.setText(text);
        tooltip.setText(help);
        setAccessibleText(name.getText() + ": " + text);
        track.set(fraction, secondary);
        double worst = Double.isNaN(secondary) ? fraction : Math.max(fraction, secondary);
        Styles.choose(getStyleClass(), worst > 1.0 + 1e-9 ? Styles.BAR_OVER : worst >= 0.9 ? Styles.BAR_WARN : Styles.BAR_OK,
                Styles.BAR_OK, Styles.BAR_WARN, Styles.BAR_OVER);
    }

    public String valueText() {
        return value.getText();
    }

    private static final class Track extends Region {
        private final Region limit = new Region();
        private final Region fill = new Region();
        private double fraction;
        private double secondary = Double.NaN;

        Track() {
            getStyleClass().add(Styles.BAR_TRACK);
            limit.getStyleClass().add(Styles.BAR_LIMIT);
            fill.getStyleClass().add(Styles.BAR_FILL);
            getChildren().addAll(limit, fill);
            setMinHeight(8);
            setPrefHeight(8);
            setMaxHeight(8);
            setPadding(Insets.EMPTY);
        }

        void set(double f, double s) {
            fraction = f;
            secondary = s;
            requestLayout();
        }

        @Override
        protected void layoutChildren() {
            double w = getWidth();
            double h = getHeight();
            double s = Double.isNaN(secondary) ? 0 : Math.min(1, Math.max(0, secondary));
            limit.resizeRelocate(0, 0, Math.round(w * s), h);
            fill.resizeRelocate(0, 0, Math.round(w * Math.min(1, Math.max(0, fraction))), h);
        }
    }
}
