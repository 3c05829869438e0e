package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.AppContext;
import io.tokenrack.app.DocumentActions;
import io.tokenrack.app.MainWindow;
import io.tokenrack.app.Presets;
import io.tokenrack.app.ScriptedDialogs;
import io.tokenrack.app.document.DocState;
import io.tokenrack.app.theme.Styles;
import atlantafx.base.theme.PrimerLight;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
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

    /**
     * Generous on purpose: a test waits for a condition, and on a loaded machine (other builds, a
     * stress run keeping every core busy) an evaluation or a toolkit round trip takes many times
     * what it takes on an idle one. A passing test never waits this long.
     */
    static final long TIMEOUT_SECONDS = 90;

    /** Waits until the latest edit's results are published and the FX queue is drained. */
    void settle() {
        WaitForAsyncUtils.waitForFxEvents();
        waitUntil("the evaluation to finish", () -> !window.results().evaluatingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Waits up to {@link #TIMEOUT_SECONDS} for {@code condition}, then fails naming {@code what}. */
    static void waitUntil(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out after " + TIMEOUT_SECONDS + " s waiting for " + what, e);
        }
    }

    /** The choice box {@code query} finds. */
    @SuppressWarnings("unchecked")
    static javafx.scene.control.ComboBox<String> box(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(javafx.scene.control.ComboBox.class);
    }

    /** Opens the choice box {@code box} and clicks the entry showing {@code text}, as a user does. */
    static void choose(FxRobot robot, String box, String text) {
        robot.clickOn(box);
        waitUntil("the list of " + box + " to show " + text, () -> listCell(robot, text) != null);
        robot.clickOn(listCell(robot, text));
    }

    /** The visible list cell showing {@code text} in a showing window, or null. */
    static javafx.scene.control.ListCell<?> listCell(FxRobot robot, String text) {
        return robot.lookup(".list-cell").queryAllAs(javafx.scene.control.ListCell.class).stream()
                .filter(c -> text.equals(c.getText()) && c.isVisible() && c.getScene() != null && c.getScene().getWindow().isShowing())
                .findFirst().orElse(null);
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
     * A platform drag from a node to a screen point over a rack: press, move a little so the
     * toolkit starts the drag, move onto the target until the rack shows its drop preview under the
     * point (the drag-over reached it; the pointer is nudged while the toolkit catches up), release
     * there, and wait until {@code dropped} holds: the drop's effect, not a fixed time.
     */
    static void dragAndDrop(FxRobot robot, String fromQuery, Point2D to, String effect, BooleanSupplier dropped) {
        robot.drag(fromQuery, MouseButton.PRIMARY);
        robot.moveBy(12, 4);
        WaitForAsyncUtils.waitForFxEvents();
        robot.moveTo(to.add(-6, 0));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (true) {
            robot.moveTo(to);
            WaitForAsyncUtils.waitForFxEvents();
            if (dropPreviewUnder(robot, to)) {
                break;
            }
            if (System.nanoTime() > deadline) {
                robot.release(MouseButton.PRIMARY);
                throw new AssertionError("the rack never showed a drop preview under " + to + " during the drag from " + fromQuery);
            }
            robot.moveTo(to.add(-1, 0));
        }
        robot.release(MouseButton.PRIMARY);
        waitUntil(effect, dropped);
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Whether a rack shows the drop preview of a dragged catalog item under the screen point {@code p}. */
    private static boolean dropPreviewUnder(FxRobot robot, Point2D p) {
        boolean[] shown = {false};
        robot.interact(() -> shown[0] = robot.lookup("." + Styles.DROP_PREVIEW).queryAll().stream()
                .anyMatch(n -> n.isVisible() && n.localToScreen(n.getBoundsInLocal()).contains(p)));
        return shown[0];
    }

    /**
     * Double-clicks {@code query} as a user's two quick clicks arrive. TestFX's doubleClickOn waits
     * for the FX queue after each press and release, and on a loaded machine that can put the two
     * clicks further apart than the toolkit's double-click time (500 ms on the headless platform):
     * two single clicks, which only select. Here TestFX moves the pointer onto the node, and both
     * clicks go through the platform robot in one turn of the FX thread, so nothing comes between
     * them. The caller then waits for the double-click's effect.
     */
    static void doubleClick(FxRobot robot, String query) {
        robot.moveTo(query);
        robot.interact(() -> {
            javafx.scene.robot.Robot platform = new javafx.scene.robot.Robot();
            platform.mouseClick(MouseButton.PRIMARY);
            platform.mouseClick(MouseButton.PRIMARY);
        });
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
