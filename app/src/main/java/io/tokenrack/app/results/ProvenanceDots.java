package io.tokenrack.app.results;

import io.tokenrack.engine.evaluate.Provenance;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.shape.Circle;

/** Small coloured dots that say where a number's inputs came from, and their legend. */
public final class ProvenanceDots {
    private ProvenanceDots() {}

    public static String word(Provenance.Kind k) {
        return switch (k) {
            case DATASHEET -> "datasheet";
            case FILED -> "filed";
            case ANNOUNCED -> "announced";
            case SECONDARY -> "secondary";
            case MEASURED -> "measured";
            case MODELLED -> "modelled";
            case ASSUMPTION -> "assumption";
        };
    }

    public static Circle dot(Provenance.Kind k) {
        Circle c = new Circle(4);
        c.getStyleClass().addAll("tr-dot", "tr-dot-" + k.name().toLowerCase(Locale.ROOT));
        Tooltip.install(c, new Tooltip(word(k) + switch (k) {
            case DATASHEET -> ": vendor figures from the catalog, with sources";
            case FILED -> ": figures from a filed document (an MLPerf system description), with sources";
            case ANNOUNCED -> ": vendor-announced figures for a part not yet shipping, with sources";
            case SECONDARY -> ": figures from secondary reports, with sources";
            case MEASURED -> ": measured on this computer";
            case MODELLED -> ": the engine's documented model";
            case ASSUMPTION -> ": an assumption you can change, or a stand-in where no source gives a figure";
        }));
        return c;
    }

    /** "● datasheet ● measured ● modelled ● assumption". */
    public static HBox legend() {
        HBox h = new HBox(10);
        h.setId("provenance-legend");
        for (Provenance.Kind k : Provenance.Kind.values()) {
            Label l = new Label(word(k), dot(k));
            l.getStyleClass().add("tr-muted");
            h.getChildren().add(l);
        }
        return h;
    }
}
