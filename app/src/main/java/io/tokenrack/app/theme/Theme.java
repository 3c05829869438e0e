package io.tokenrack.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Locale;
import java.util.Optional;
import javafx.application.Application;
import javafx.scene.Scene;

/**
 * The window's look: AtlantaFX Primer Light or Primer Dark under the app's stylesheet
 * (assets/tokenrack.css), plus, for dark, assets/tokenrack-dark.css with the few colours the
 * tokens do not cover. Charts follow through {@link #palette()}.
 */
public enum Theme {
    LIGHT("light", ThemePalette.PRIMER_LIGHT),
    DARK("dark", ThemePalette.PRIMER_DARK);

    /** The stylesheet a dark scene carries besides the app's own. */
    public static final String DARK_STYLESHEET = "/assets/tokenrack-dark.css";

    private final String id;
    private final ThemePalette palette;

    Theme(String id, ThemePalette palette) {
        this.id = id;
        this.palette = palette;
    }

    /** The name on the command line and in the user's preferences: "light" or "dark". */
    public String id() {
        return id;
    }

    public ThemePalette palette() {
        return palette;
    }

    public ChartStyler chartStyler() {
        return new ChartStyler(palette);
    }

    /** The AtlantaFX user-agent stylesheet of this theme. */
    public String userAgentStylesheet() {
        return this == DARK ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet();
    }

    /** The theme called {@code name} ("light" or "dark", any case); empty for anything else. */
    public static Optional<Theme> named(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        for (Theme t : values()) {
            if (t.id.equals(n)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }

    /**
     * Puts this theme on the application (its user-agent stylesheet, for every window) and on
     * {@code scene} (the dark additions added or removed).
     */
    public void apply(Scene scene) {
        Application.setUserAgentStylesheet(userAgentStylesheet());
        applyStylesheets(scene);
    }

    /** Only the scene's part of {@link #apply(Scene)}: the dark additions added or removed. */
    public void applyStylesheets(Scene scene) {
        var css = Theme.class.getResource(DARK_STYLESHEET);
        if (css == null || scene == null) {
            return;
        }
        String url = css.toExternalForm();
        scene.getStylesheets().remove(url);
        if (this == DARK) {
            scene.getStylesheets().add(url);
        }
    }
}
