package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.lab.LabWindow;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The kernel lab is reached from the main window's View menu and opens in its own window. */
@ExtendWith(ApplicationExtension.class)
class LabMenuTest {
    @TempDir
    static Path temp;

    private AppHarness app;
    private Stage main;

    @Start
    void start(Stage stage) {
        // the Lab keeps its results in TokenRack's user folder: point it at an empty one
        System.setProperty(io.tokenrack.engine.files.UserFolder.PROPERTY, temp.toString());
        main = stage;
        app = new AppHarness(stage, temp);
    }

    @AfterEach
    void closePopups(FxRobot robot) {
        AppHarness.closePopups(robot);
    }

    @Test
    void theViewMenuOpensTheLabAndTheExplorerStaysAsItWas(FxRobot robot) throws Exception {
        app.settle();
        double canvasWidth = robot.lookup("#main-split").query().getBoundsInLocal().getWidth();
        robot.clickOn("View");
        robot.clickOn("Kernel lab: measure this computer…");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#lab").tryQuery().map(n -> n.getScene().getWindow().isShowing()).orElse(false)
                && robot.lookup("#lab-measured-at").tryQuery().map(n -> !((Label) n).getText().isEmpty()).orElse(false));

        Stage labStage = robot.lookup("#lab").query().getScene().getWindow() instanceof Stage s ? s : null;
        assertTrue(labStage != null && labStage.isShowing());
        assertFalse(labStage == main, "the Lab has a window of its own");
        assertTrue(robot.lookup("#lab-measured-at").queryAs(Label.class).getText().startsWith("Not measured yet"),
                robot.lookup("#lab-measured-at").queryAs(Label.class).getText());
        assertTrue(robot.lookup("#lab-status").queryAs(Label.class).getText().contains("not been measured"));
        assertEquals(canvasWidth, robot.lookup("#main-split").query().getBoundsInLocal().getWidth(), 0.5, "the explorer is untouched");

        LabWindow[] again = new LabWindow[1];
        robot.interact(() -> again[0] = app.window.openLab());
        assertSame(labStage, again[0].stage(), "one Lab window");

        robot.interact(main::hide);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !labStage.isShowing()); // the Lab closes with the main window
    }
}
