package io.tokenrack.app.present;

import io.tokenrack.app.results.ResultsEngine;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.evaluate.Assumptions;
import java.util.concurrent.Executor;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;

/** Presentation mode's window: full screen, the deck's slides; Escape closes it. */
public final class PresentationWindow {
    private final Stage stage = new Stage();
    private final PresentationView view;

    public PresentationWindow(Window owner, DeckFiles.Loaded deck, Catalog catalog, ResultsEngine engine, Assumptions assumptions,
                              Executor fxExecutor) {
        this.view = new PresentationView(new PresentationModel(deck, engine, assumptions, fxExecutor), catalog);
        Scene scene = new Scene(view, 1280, 720);
        var css = PresentationWindow.class.getResource("/assets/tokenrack.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
                e.consume();
            }
        });
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setScene(scene);
        stage.setTitle(deck.deck().title() + " — TokenRack presentation");
        stage.setFullScreenExitHint("");
        stage.setFullScreenExitKeyCombination(KeyCombination.NO_MATCH);
    }

    public PresentationView view() {
        return view;
    }

    public Stage stage() {
        return stage;
    }

    /** Shows it full screen (or, with {@code fullScreen} false, as a window: for a second screen or a test). */
    public void show(boolean fullScreen) {
        stage.setFullScreen(fullScreen);
        stage.show();
        view.requestFocus();
    }
}
