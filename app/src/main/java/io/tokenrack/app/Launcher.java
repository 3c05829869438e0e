package io.tokenrack.app;

/**
 * Entry point for {@code java -jar tokenrack-app.jar}: a JavaFX {@code Application} started from the
 * class path needs a main class that is not itself an Application.
 */
public final class Launcher {
    private Launcher() {}

    public static void main(String[] args) {
        TokenRackApp.main(args);
    }
}
