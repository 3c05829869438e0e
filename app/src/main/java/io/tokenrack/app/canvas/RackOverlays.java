package io.tokenrack.app.canvas;

import io.tokenrack.app.theme.KindStyle;
import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.evaluate.Bottleneck;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.scene.paint.Color;

/**
 * The canvas's live overlays: the power heat map (an item's modelled draw per rack unit as a
 * colour from cool to hot) and which items a bottleneck points at.
 */
final class RackOverlays {
    /** The style class of an item of what binds: it glows. */
    static final String BINDING = "tr-binding";
    /** The style class of a heat-map tint. */
    static final String HEAT = "tr-heat";
    /**
     * The draw per rack unit shown hottest: a liquid-cooled compute tray of today draws several kW
     * in one U; the scale is for colour only, not a limit.
     */
    static final double HOTTEST_WATTS_PER_U = 6000;

    private RackOverlays() {}

    /** Colour for {@code wattsPerU}: yellow at nothing, through orange, red from the hottest up. */
    static Color heatColour(double wattsPerU) {
        double t = Math.max(0, Math.min(1, wattsPerU / HOTTEST_WATTS_PER_U));
        return Color.hsb(55 * (1 - t), 0.9, 1.0, 0.30 + 0.35 * t);
    }

    /** A tint over an item drawing {@code watts} in {@code hu} units, labelled with its draw. */
    static StackPane heat(double watts, int hu, double width, double height) {
        StackPane tint = new StackPane();
        tint.getStyleClass().add(HEAT);
        tint.setMouseTransparent(true);
        tint.setManaged(false);
        tint.resize(width, height);
        if (height >= 10) {
            Label l = new Label();
            l.getStyleClass().add("tr-heat-label");
            StackPane.setAlignment(l, Pos.CENTER_RIGHT);
            tint.getChildren().add(l);
        }
        repaint(tint, watts, hu);
        return tint;
    }

    /**
     * The same tint showing another draw: the colour and label change in place (no new nodes, so
     * an edit costs the canvas no style pass over fresh nodes).
     */
    static void repaint(StackPane tint, double watts, int hu) {
        tint.setBackground(javafx.scene.layout.Background.fill(heatColour(watts / hu)));
        if (!tint.getChildren().isEmpty() && tint.getChildren().getFirst() instanceof Label l) {
            l.setText(Units.kw(watts));
        }
    }

    /** Whether {@code item} is one of the things {@code bottleneck} is about. */
    static boolean binds(Bottleneck bottleneck, CatalogItem item) {
        KindStyle kind = KindStyle.of(item);
        return switch (bottleneck) {
            case COMPUTE, MEMORY_BANDWIDTH, MEMORY_CAPACITY, OVERHEAD, LATENCY_LIMIT -> kind == KindStyle.COMPUTE;
            case NETWORK -> kind == KindStyle.NETWORK;
            case POWER -> kind == KindStyle.POWER;
            case COOLING -> kind == KindStyle.COOLING;
        };
    }
}
