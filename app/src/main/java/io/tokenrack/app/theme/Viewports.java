package io.tokenrack.app.theme;

import javafx.scene.Node;
import javafx.scene.control.ScrollPane;

/**
 * Scroll panes whose content changes with every edit. JavaFX caches a scroll pane's viewport as one
 * image, so that scrolling only moves pixels; but then any change inside, however small, paints the
 * whole viewport again into that image, effects included. For the rack canvas (its drawn faces, the
 * heat map's tints, the bottleneck's glow) and the "why" panel, which change on every edit and are
 * rarely scrolled, that repaint was most of the renderer's time per edit. Uncached, only the
 * regions that changed are painted.
 */
public final class Viewports {
    /** The style class JavaFX gives a scroll pane's viewport. */
    static final String VIEWPORT = "viewport";

    private Viewports() {}

    /** Turns off the viewport cache of {@code scroll}, now if its skin exists and whenever a skin is set. */
    public static void uncached(ScrollPane scroll) {
        uncache(scroll);
        scroll.skinProperty().addListener((o, was, now) -> uncache(scroll));
    }

    private static void uncache(ScrollPane scroll) {
        for (Node n : scroll.getChildrenUnmodifiable()) {
            if (n.getStyleClass().contains(VIEWPORT)) {
                n.setCache(false);
            }
        }
    }
}
