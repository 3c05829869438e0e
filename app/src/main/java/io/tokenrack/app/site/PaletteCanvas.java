package io.tokenrack.app.site;

import io.tokenrack.app.theme.ThemePalette;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.layout.Pane;
import javafx.scene.paint.Color;

/**
 * A Site planner view drawn on one canvas that fills the pane: it redraws when resized or when the
 * theme's palette changes, each time clearing to its background first, then {@link #paint}.
 */
abstract class PaletteCanvas extends Pane {
    private final Canvas canvas = new Canvas();
    private ThemePalette palette;

    PaletteCanvas(String id, ThemePalette palette) {
        this.palette = palette;
        setId(id);
        getChildren().add(canvas);
        canvas.widthProperty().bind(widthProperty());
        canvas.heightProperty().bind(heightProperty());
        canvas.widthProperty().addListener(o -> draw());
        canvas.heightProperty().addListener(o -> draw());
    }

    /** Draws with the colours of {@code next} from now on (the theme changed), now. */
    public final void usePalette(ThemePalette next) {
        this.palette = next;
        draw();
    }

    /** The theme's colours now. */
    protected final ThemePalette palette() {
        return palette;
    }

    /** The colour the canvas is cleared to before each drawing (the default background). */
    protected Color background(ThemePalette p) {
        return p.bgDefault();
    }

    /** Clears the canvas to the background and draws the view again. */
    protected final void draw() {
        GraphicsContext g = canvas.getGraphicsContext2D();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        g.setFill(background(palette));
        g.fillRect(0, 0, w, h);
        paint(g, w, h);
    }

    /** Draws the view's content on a cleared canvas of {@code w} × {@code h} pixels. */
    protected abstract void paint(GraphicsContext g, double w, double h);
}
