package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.site.SiteWindow;
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

/** The site planner is reached from the main window's View menu, opens on the 100 MW example in its own window. */
@ExtendWith(ApplicationExtension.class)
class SiteMenuTest {
    @TempDir
    static Path temp;

    private AppHarness app;
    private Stage main;

    @Start
    void start(Stage stage) {
        main = stage;
        app = new AppHarness(stage, temp);
    }

    @AfterEach
    void closePopups(FxRobot robot) {
        AppHarness.closePopups(robot);
    }

    @Test
    void theViewMenuOpensTheSitePlannerOnTheExample(FxRobot robot) throws Exception {
        app.settle();
        robot.clickOn("View");
        robot.clickOn("Site planner: what a site's megawatts buy…");
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS,
                () -> robot.lookup("#site-racks").tryQuery().map(n -> !((Label) n).getText().equals("–")).orElse(false));
        Stage siteStage = robot.lookup("#site-view").query().getScene().getWindow() instanceof Stage s ? s : null;
        assertTrue(siteStage != null && siteStage.isShowing());
        assertFalse(siteStage == main, "the planner has a window of its own");
        long racks = Long.parseLong(robot.lookup("#site-racks").queryAs(Label.class).getText().replace(",", ""));
        assertTrue(racks > 500, "the 100 MW example holds hundreds of racks: " + racks);
        assertTrue(siteStage.getTitle().startsWith("100 MW"), siteStage.getTitle());

        SiteWindow[] again = new SiteWindow[1];
        robot.interact(() -> again[0] = app.window.openSite());
        assertSame(siteStage, again[0].stage(), "one site planner window");
        robot.interact(main::hide);
        WaitForAsyncUtils.waitFor(AppHarness.TIMEOUT_SECONDS, TimeUnit.SECONDS, () -> !siteStage.isShowing());
    }
}
