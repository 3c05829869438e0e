package io.tokenrack.app;

import io.tokenrack.app.document.DesignDocument;
import io.tokenrack.app.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

/**
 * The sentence a newcomer reads first, beside the rack above the findings, while the example is open:
 * what the example shows and the one thing to try. It goes away when closed or when a file is
 * opened (someone who opens their own design is past the first step).
 */
public final class FirstSteps {
    /** The sentence: names the field the user changes and the numbers that answer. */
    public static final String TEXT = "New here? Every user of this rack gets at least 50 tokens/s. Try first: set speed ≥ to 100 "
            + "and watch output tokens/s and $ per M tokens; hover a number to see where it comes from.";

    private FirstSteps() {}

    /** The banner for {@code document}'s window, shown now unless a file is already open. */
    public static HBox banner(DesignDocument document) {
        Label text = new Label(TEXT, new FontIcon(MaterialDesignL.LIGHTBULB_ON_OUTLINE));
        text.setId("first-steps-text");
        text.setWrapText(true);
        text.setMinWidth(0);
        text.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button close = new Button(null, new FontIcon(MaterialDesignC.CLOSE));
        close.setId("first-steps-close");
        close.getStyleClass().addAll("button-icon", "flat");
        close.setTooltip(new Tooltip("Hide this hint"));
        close.setAccessibleText("Hide the first-steps hint");
        HBox box = new HBox(6, text, close);
        box.setId("first-steps");
        box.getStyleClass().add(Styles.FIRST_STEPS);
        box.setAlignment(Pos.TOP_LEFT);
        box.setPadding(new Insets(6, 4, 6, 8));
        text.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        Runnable hide = () -> {
            box.setVisible(false);
            box.setManaged(false);
        };
        close.setOnAction(e -> hide.run());
        document.fileProperty().addListener((o, was, now) -> {
            if (now != null) {
                hide.run();
            }
        });
        if (document.file() != null) {
            hide.run();
        }
        return box;
    }
}
