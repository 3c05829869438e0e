package io.tokenrack.app.theme;

/** The app's own style classes (defined in assets/tokenrack.css), named once. */
public final class Styles {
    private Styles() {}

    /**
     * Puts {@code styleClass} on {@code classes} or takes it off, touching the list only when that
     * changes something: each change of a node's style classes makes JavaFX style the node and its
     * subtree again in the next frame, which an edit should not cost when nothing changed.
     */
    public static void set(java.util.List<String> classes, String styleClass, boolean on) {
        boolean has = classes.contains(styleClass);
        if (on && !has) {
            classes.add(styleClass);
        } else if (!on && has) {
            classes.removeAll(java.util.List.of(styleClass));
        }
    }

    /** Exactly {@code chosen} of {@code group} on {@code classes} (null: none), changing the list only where it differs. */
    public static void choose(java.util.List<String> classes, String chosen, String... group) {
        for (String c : group) {
            if (!c.equals(chosen)) {
                set(classes, c, false);
            }
        }
        if (chosen != null) {
            set(classes, chosen, true);
        }
    }

    public static final String APP = "tokenrack";
    public static final String PANEL = "tr-panel";
    public static final String PANEL_TITLE = "tr-panel-title";
    public static final String MUTED = "tr-muted";
    public static final String RACK = "tr-rack";
    public static final String RACK_FRAME = "tr-rack-frame";
    public static final String RACK_SLOT = "tr-rack-slot";
    public static final String RACK_U_LABEL = "tr-rack-u";
    public static final String RACK_TITLE = "tr-rack-title";
    public static final String RACK_ITEM = "tr-rack-item";
    public static final String RACK_ITEM_SELECTED = "tr-selected";
    public static final String RACK_ITEM_FLAGGED = "tr-flagged";
    public static final String DROP_PREVIEW = "tr-drop-preview";
    public static final String DROP_PREVIEW_BAD = "tr-drop-preview-bad";
    public static final String ZERO_U = "tr-zero-u";
    public static final String BAR = "tr-bar";
    public static final String BAR_TRACK = "tr-bar-track";
    public static final String BAR_FILL = "tr-bar-fill";
    public static final String BAR_LIMIT = "tr-bar-limit";
    public static final String BAR_OK = "tr-ok";
    public static final String BAR_WARN = "tr-warn";
    public static final String BAR_OVER = "tr-over";
    public static final String MESSAGE = "tr-message";
    public static final String MESSAGE_ERROR = "tr-message-error";
    public static final String CARD = "tr-card";
    public static final String CARD_TITLE = "tr-card-title";
    public static final String CARD_VALUE = "tr-card-value";
    public static final String CARD_UNIT = "tr-card-unit";
    public static final String CARD_WHY = "tr-card-why";
    public static final String CHIP = "tr-chip";
    public static final String WORKLOAD_BAR = "tr-workload-bar";
    public static final String FIELD_LABEL = "tr-field-label";
    public static final String STATUS_BAR = "tr-status-bar";
    public static final String CHART_BOX = "tr-chart-box";
    public static final String SHARE_BAR = "tr-share-bar";
    public static final String FIRST_STEPS = "tr-first-steps";
}
