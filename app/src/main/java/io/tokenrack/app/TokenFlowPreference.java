package io.tokenrack.app;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;

/**
 * Whether the user last had View ▸ Token flow on, kept in the user's Java preferences (key
 * "tokenFlow" of the app's node, beside the theme); off when never chosen.
 */
public final class TokenFlowPreference {
    private static final System.Logger LOG = System.getLogger(TokenFlowPreference.class.getName());
    static final String KEY = "tokenFlow";

    private final Preferences node;

    public TokenFlowPreference(Preferences node) {
        this.node = node;
    }

    /** The app's node in the user's preferences (the theme's node). */
    public static TokenFlowPreference forUser() {
        return new TokenFlowPreference(Preferences.userNodeForPackage(TokenFlowPreference.class));
    }

    /** Whether the flow was on last; false when never chosen or when the preferences cannot be read. */
    public boolean load() {
        try {
            return node.getBoolean(KEY, false);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the token-flow choice cannot be read: " + e.getMessage());
            return false;
        }
    }

    public void save(boolean on) {
        try {
            node.putBoolean(KEY, on);
            node.flush();
        } catch (BackingStoreException | RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "the token-flow choice cannot be remembered: " + e.getMessage());
        }
    }
}
