package io.tokenrack.app.theme;

import javafx.scene.paint.Color;

/**
 * The theme's colour tokens as values, for drawing that CSS cannot reach (JFreeChart renders with
 * AWT colours). Each field names the AtlantaFX token it copies; {@link #PRIMER_LIGHT} holds the
 * Primer Light values the app's stylesheet is built on, {@link #PRIMER_DARK} the Primer Dark ones.
 */
public record ThemePalette(
        Color fgDefault,     // -color-fg-default
        Color fgMuted,       // -color-fg-muted
        Color bgDefault,     // -color-bg-default
        Color bgSubtle,      // -color-bg-subtle
        Color borderDefault, // -color-border-default
        Color accent,        // -color-accent-emphasis
        Color success,       // -color-success-emphasis
        Color warning,       // -color-warning-emphasis
        Color danger,        // -color-danger-emphasis
        Color[] series) {    // -color-chart-1 … -color-chart-8, reordered: blue first

    public static final ThemePalette PRIMER_LIGHT = new ThemePalette(
            Color.web("#24292f"), Color.web("#57606a"), Color.web("#ffffff"), Color.web("#f6f8fa"),
            Color.web("#d0d7de"), Color.web("#0969da"), Color.web("#2da44e"), Color.web("#bf8700"), Color.web("#cf222e"),
            new Color[] {Color.web("#0969da"), Color.web("#fba71b"), Color.web("#57b757"), Color.web("#9a42c8"),
                Color.web("#f3622d"), Color.web("#41a9c9"), Color.web("#c84164"), Color.web("#888888")});

    /**
     * Primer Dark's values. The accent and danger are the tokens' "-fg" variants
     * (-color-accent-fg, -color-danger-fg): the "-emphasis" ones are too dim for lines and labels
     * on the dark background.
     */
    public static final ThemePalette PRIMER_DARK = new ThemePalette(
            Color.web("#c9d1d9"), Color.web("#8b949e"), Color.web("#0d1117"), Color.web("#161b22"),
            Color.web("#30363d"), Color.web("#58a6ff"), Color.web("#238636"), Color.web("#9e6a03"), Color.web("#f85149"),
            new Color[] {Color.web("#58a6ff"), Color.web("#fba71b"), Color.web("#57b757"), Color.web("#9a42c8"),
                Color.web("#f3622d"), Color.web("#41a9c9"), Color.web("#c84164"), Color.web("#888888")});

    public Color series(int i) {
        return series[Math.floorMod(i, series.length)];
    }

    /** The same colour as JFreeChart wants it. */
    public static java.awt.Color awt(Color c) {
        return new java.awt.Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue(), (float) c.getOpacity());
    }
}
