package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.AppContext;
import io.tokenrack.app.DocumentActions;
import io.tokenrack.app.MainWindow;
import io.tokenrack.app.Presets;
import io.tokenrack.app.ScriptedDialogs;
import io.tokenrack.app.document.DocState;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.testfx.api.FxRobot;
import org.testfx.util.WaitForAsyncUtils;

/** Builds the real main window on the test stage (example rack, real presets, scripted dialogs). */
final class AppHarness {
    final ScriptedDialogs dialogs = new ScriptedDialogs();
    final MainWindow window;
    final AppContext context;

    AppHarness(Stage stage, Path tempDir) {
        this(stage, tempDir, null);
    }

    AppHarness(Stage stage, Path tempDir, DocState initial) {
        this(stage, tempDir, initial, c -> c);
    }

    /** @param adjust changes the standard collaborators (e.g. a results engine that fails) */
    AppHarness(Stage stage, Path tempDir, DocState initial, java.util.function.UnaryOperator<AppContext> adjust) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        context = adjust.apply(Presets.context(dialogs, tempDir, Platform::runLater));
        window = new MainWindow(context, initial != null ? initial : DocumentActions.example(context), null);
        window.show(stage);
        stage.getScene().getStylesheets().add(AppHarness.class.getResource("/test-quiet.css").toExternalForm());
        stage.setWidth(MainWindow.DEFAULT_WIDTH);
        stage.setHeight(MainWindow.DEFAULT_HEIGHT);
    }

    /** Waits until the latest edit's results are published and the FX queue is drained. */
    void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        try {
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.results().evaluatingProperty().get());
        } catch (TimeoutException e) {
            throw new AssertionError("the evaluation did not finish", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Closes popups (menus, tooltips) a test left open, so the next test's drags hit the window. */
    static void closePopups(FxRobot robot) {
        robot.interact(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.stage.PopupWindow).toList().forEach(javafx.stage.Window::hide));
        for (javafx.scene.input.MouseButton b : javafx.scene.input.MouseButton.values()) {
            if (b != javafx.scene.input.MouseButton.NONE) {
                robot.release(b);
            }
        }
        robot.release(new javafx.scene.input.KeyCode[0]);
    }

    /**
     * A platform drag from a node to a screen point: press, move a little so the drag starts and
     * let the toolkit begin it, then move to the target in steps and release there.
     */
    static void dragAndDrop(FxRobot robot, String fromQuery, javafx.geometry.Point2D to) {
        robot.drag(fromQuery, javafx.scene.input.MouseButton.PRIMARY);
        robot.moveBy(12, 4);
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(to.add(-6, 0));
        WaitForAsyncUtils.sleep(150, java.util.concurrent.TimeUnit.MILLISECONDS);
        robot.moveTo(to);
        // let the toolkit catch up with every move before the button comes up
        WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        robot.release(javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Clicks a text field, replaces its text by typing and presses Enter. */
    static void typeInto(FxRobot robot, String query, String text) {
        javafx.scene.control.TextField f = robot.lookup(query).queryAs(javafx.scene.control.TextField.class);
        robot.clickOn(f);
        robot.interact(f::selectAll);
        robot.write(text).type(javafx.scene.input.KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
    }

    static String text(FxRobot robot, String query) {
        Node n = robot.lookup(query).query();
        assertTrue(n instanceof Label, query + " is not a label");
        return ((Label) n).getText();
    }
}
