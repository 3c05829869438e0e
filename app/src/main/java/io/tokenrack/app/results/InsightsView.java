package io.tokenrack.app.results;

import io.tokenrack.app.theme.Styles;
import java.util.List;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * Beside the racks, above the findings: what binds the design and the levers its results hold
 * ({@link Insights}), a few short lines that follow every edit. The labels are made once and
 * their texts changed in place.
 */
public final class InsightsView extends VBox {
    private static final int MOST = 4;
    private final Label title = new Label("At this operating point");
    private final List<Label> lines = new java.util.ArrayList<>();

    public InsightsView(ObservableValue<Results> results) {
        setId("insights");
        getStyleClass().add("tr-insights");
        setSpacing(3);
        title.getStyleClass().add(Styles.PANEL_TITLE);
        getChildren().add(title);
        for (int i = 0; i < MOST; i++) {
            Label l = new Label();
            l.setWrapText(true);
            l.setMinHeight(Region.USE_PREF_SIZE);
            l.setMinWidth(0);
            l.setMaxWidth(Double.MAX_VALUE);
            lines.add(l);
            getChildren().add(l);
        }
        results.addListener((o, was, now) -> show(Insights.of(now)));
        show(Insights.of(results.getValue()));
    }

    private void show(List<Insights.Insight> insights) {
        boolean any = !insights.isEmpty();
        setVisible(any);
        setManaged(any);
        for (int i = 0; i < lines.size(); i++) {
            Label l = lines.get(i);
            boolean shown = i < insights.size();
            l.setVisible(shown);
            l.setManaged(shown);
            l.setText(shown ? insights.get(i).text() : "");
            l.setId(shown ? insights.get(i).id() : null);
            Styles.set(l.getStyleClass(), "tr-insight-best", shown && insights.get(i).text().startsWith("Most help"));
            Styles.set(l.getStyleClass(), Styles.MUTED, shown && i > 0 && !insights.get(i).text().startsWith("Most help"));
        }
    }
}
