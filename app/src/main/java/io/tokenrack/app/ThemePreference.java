package io.tokenrack.app;

import io.tokenrack.app.theme.Theme;
import java.util.Optional;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/** The theme the user chose last, kept in the user's Java preferences (key "theme" of the app's node). */
public final class ThemePreference {
    private static final System.Logger LOG = System.getLogger(ThemePreference.class.getName());
    static final String KEY = "theme";

    private final Preferences node;

    public ThemePreference(Preferences node) {
        this.node = node;
    }

    /** The app's node in the user's preferences. */
    public static ThemePreference forUser() {
        return new ThemePreference(Preferences.userNodeForPackage(ThemePreference.class));
    }

    /** The theme chosen last; empty when none was, or what is kept is not a theme. */
    public Optional<Theme> load() {
        try {
            return Theme.named(node.get(KEY, null));
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the saved theme cannot be read: " + e.getMessage());
            return Optional.empty();
        }
    }

    public void save(Theme theme) {
        try {
            node.put(KEY, theme.id());
            node.flush();
        } catch (BackingStoreException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the theme cannot be remembered: " + e.getMessage());
        }
    }
}
