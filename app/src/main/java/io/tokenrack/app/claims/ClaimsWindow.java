package io.tokenrack.app.claims;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.claims.Claim;
import io.tokenrack.engine.claims.ClaimCheck;
import io.tokenrack.engine.claims.ModelAnswer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.geometry.Insets;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Vendor claims, each with its conditions and source, beside what the model gives for the closest
 * setup it can build. The model's numbers are computed on a background thread and shown when ready;
 * a claim is never shown as a measurement.
 */
public final class ClaimsWindow {
    private final Stage stage = new Stage();
    private final List<Label> answers = new ArrayList<>();

    /**
     * @param fx runs on the FX thread (the model's numbers arrive there)
     */
    public ClaimsWindow(Window owner, Catalog catalog, List<Claim> claims, Executor fx) {
        VBox box = new VBox(14);
        box.setId("claims");
        box.setPadding(new Insets(14));
        Label head = new Label("Vendor claims are not measurements. Beside each: what TokenRack's model gives for the closest setup "
                + "it can build, which differs from the vendor's as stated.");
        head.setWrapText(true);
        head.setStyle("-fx-font-weight: bold;");
        box.getChildren().add(head);
        for (int i = 0; i < claims.size(); i++) {
            Claim c = claims.get(i);
            Label quote = new Label("“" + c.claim() + "” — " + c.by());
            quote.setWrapText(true);
            quote.setStyle("-fx-font-style: italic; -fx-font-size: 1.1em;");
            Label cond = new Label("Claim (not a measurement). Conditions: " + c.conditions() + "\nSource: " + c.source());
            cond.setWrapText(true);
            Label answer = new Label("Model: computing…");
            answer.setId("claim-" + i + "-model");
            answer.setWrapText(true);
            answer.setStyle("-fx-font-weight: bold;");
            answers.add(answer);
            Label setup = new Label("Closest setup: " + c.closestSetup());
            setup.setWrapText(true);
            VBox one = new VBox(3, quote, cond, answer, setup);
            one.setId("claim-" + i);
            box.getChildren().add(one);
        }
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        stage.initOwner(owner);
        stage.setTitle("Vendor claims beside the model");
        stage.setScene(new Scene(scroll, 720, 640));
        Thread.ofPlatform().daemon().name("tokenrack-claims").start(() -> {
            ClaimCheck check = new ClaimCheck(catalog);
            for (int i = 0; i < claims.size(); i++) {
                String text = text(check.answer(claims.get(i)));
                Label target = answers.get(i);
                fx.execute(() -> target.setText(text));
            }
        });
    }

    public Stage stage() {
        return stage;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    /** "Model: 1.61× output tokens per joule of 72 × rubin ÷ 72 × gb300, range 1.22–2.05× over announced figures". */
    static String text(ModelAnswer a) {
        if (!a.ok()) {
            return "Model: no number for this setup — " + a.failure();
        }
        Claim c = a.claim();
        String unit = a.ratio() ? "×" : "";
        String metric = words(c.metric());
        String what = a.ratio() ? metric + " of " + c.setup().text() + " ÷ " + c.baseline().text() : metric + " on " + c.setup().text();
        String range = a.high() > a.low() ? ", range " + num(a.low()) + "–" + num(a.high()) + unit + " over announced figures" : "";
        return "Model: " + num(a.value()) + unit + " " + what + range;
    }

    /** "outputTokensPerJoule" → "output tokens per joule"; an all-capitals unit (MW) stays. */
    static String words(String jsonName) {
        StringBuilder sb = new StringBuilder();
        for (String w : jsonName.split("(?<=[a-z])(?=[A-Z])")) {
            sb.append(sb.isEmpty() ? "" : " ").append(w.equals(w.toUpperCase(java.util.Locale.ROOT)) ? w : w.toLowerCase(java.util.Locale.ROOT));
        }
        return sb.toString();
    }

    private static String num(double v) {
        if (Math.abs(v) >= 1000) {
            return String.format(java.util.Locale.ROOT, "%,.0f", v);
        }
        return new BigDecimal(v).round(new MathContext(3)).stripTrailingZeros().toPlainString();
    }
}
