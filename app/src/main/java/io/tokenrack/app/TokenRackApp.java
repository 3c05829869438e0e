package io.tokenrack.app;

import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

/** The TokenRack window. */
public final class TokenRackApp extends Application {
    public static void main(String[] args) {
        launch(TokenRackApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("TokenRack");
        stage.setScene(new Scene(new Label("TokenRack"), 1280, 860));
        stage.show();
    }
}
