package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.canvas.TokenFlowView;
import io.tokenrack.app.theme.Theme;
import io.tokenrack.app.theme.ThemePalette;
import io.tokenrack.engine.design.DesignIO;
import java.nio.file.Path;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The demo's finishing touches on the real window: View ▸ Token flow shows and hides the flow
 * beside the racks (its timer running only while shown); the first screen says what binds the
 * rack and its largest lever; a theme switch restyles the comparison, lab and site windows too.
 */
@ExtendWith(ApplicationExtension.class)
class DemoViewTest {
    @TempDir
    static Path temp;

    private AppHarness app;

    @Start
    void start(Stage stage) {
        app = new AppHarness(stage, temp);
    }

    @AfterEach
    void back(FxRobot robot) {
        robot.interact(() -> {
            app.window.setTheme(Theme.LIGHT);
            app.window.setTokenFlow(false);
        });
        AppHarness.closePopups(robot);
    }

    @Test
    void theViewMenuTogglesTheTokenFlow(FxRobot robot) {
        app.settle();
        TokenFlowView flow = robot.lookup("#token-flow").queryAs(TokenFlowView.class);
        assertFalse(flow.isVisible(), "off by default");
        assertFalse(flow.runningProperty().get(), "no timer while off");

        robot.clickOn("View");
        robot.clickOn("#menu-token-flow");
        AppHarness.waitUntil("the flow shown and running", () -> flow.isVisible() && flow.runningProperty().get());
        long start = flow.frames();
        AppHarness.waitUntil("frames drawn and dots on the strip", () -> flow.frames() > start + 3 && flow.dots() > 0);
        // the scale follows the modelled rate: the example makes tens of thousands of tokens a second
        double rate = app.window.results().results().numbers().throughput().outputTokensPerSecond();
        assertEquals(rate, flow.flow().tokensPerSecond(), 1e-6);
        String legend = robot.lookup("#token-flow-legend").queryAs(Label.class).getText();
        assertEquals(new io.tokenrack.app.canvas.TokenFlow(rate).legend(), legend);
        assertTrue(legend.startsWith("• = ") && legend.endsWith(" tokens"), legend);
        assertTrue(app.window.tokenFlowProperty().get());

        robot.clickOn("View");
        robot.clickOn("#menu-token-flow");
        AppHarness.waitUntil("the flow hidden and stopped", () -> !flow.isVisible() && !flow.runningProperty().get());
        long stopped = flow.frames();
        robot.interact(() -> { });
        assertEquals(stopped, flow.frames(), "no frames drawn while off");
        assertEquals(0, flow.dots());
    }

    @Test
    void theFirstScreenSaysWhatBindsAndTheLargestLever(FxRobot robot) {
        app.settle();
        AppHarness.waitUntil("the insights", () -> robot.lookup("#insight-binds").tryQuery().map(n -> n.isVisible()).orElse(false));
        var e = app.window.results().results().numbers();
        String binds = robot.lookup("#insight-binds").queryAs(Label.class).getText();
        assertTrue(binds.startsWith("Binds: " + e.bottleneck().label()), binds);
        long best = robot.lookup(".tr-insight-best").queryAll().stream()
                .filter(n -> n.isVisible() && ((Label) n).getText().startsWith("Most help: ")).count();
        assertEquals(1, best, "one lever is named as the most help");
    }

    @Test
    void everyWindowFollowsTheTheme(FxRobot robot) throws Exception {
        app.settle();
        Path other = temp.resolve("other.json");
        DesignIO.write(other, app.window.document().design().withName("the same rack"));
        io.tokenrack.app.compare.CompareWindow[] c = new io.tokenrack.app.compare.CompareWindow[1];
        io.tokenrack.app.lab.LabWindow[] lab = new io.tokenrack.app.lab.LabWindow[1];
        io.tokenrack.app.site.SiteWindow[] site = new io.tokenrack.app.site.SiteWindow[1];
        robot.interact(() -> {
            c[0] = app.window.compareWith(other);
            lab[0] = app.window.openLab();
            site[0] = app.window.openSite();
        });
        java.awt.Paint lightBg = ThemePalette.awt(ThemePalette.PRIMER_LIGHT.bgDefault());
        assertEquals(lightBg, chart(c[0].stage().getScene(), "#compare-chart").getBackgroundPaint());

        robot.interact(() -> app.window.setTheme(Theme.DARK));
        String dark = Theme.class.getResource(Theme.DARK_STYLESHEET).toExternalForm();
        java.awt.Paint darkBg = ThemePalette.awt(ThemePalette.PRIMER_DARK.bgDefault());
        for (Stage s : new Stage[] {c[0].stage(), lab[0].stage(), site[0].stage()}) {
            AppHarness.waitUntil(s.getTitle() + " in the dark stylesheet", () -> s.getScene().getStylesheets().contains(dark));
        }
        assertEquals(darkBg, chart(c[0].stage().getScene(), "#compare-chart").getBackgroundPaint(), "the comparison's chart");
        assertEquals(darkBg, chart(lab[0].stage().getScene(), "#lab-roofline").getBackgroundPaint(), "the lab's roofline");
        javafx.scene.paint.Color floor = pixel(robot, site[0].stage().getScene(), "#site-floor");
        assertEquals(ThemePalette.PRIMER_DARK.bgSubtle(), floor, "the site floor drawn on the dark surface");

        robot.interact(() -> app.window.setTheme(Theme.LIGHT));
        for (Stage s : new Stage[] {c[0].stage(), lab[0].stage(), site[0].stage()}) {
            AppHarness.waitUntil(s.getTitle() + " back to light", () -> !s.getScene().getStylesheets().contains(dark));
        }
        assertEquals(lightBg, chart(c[0].stage().getScene(), "#compare-chart").getBackgroundPaint());
        assertEquals(lightBg, chart(lab[0].stage().getScene(), "#lab-roofline").getBackgroundPaint());
        assertEquals(ThemePalette.PRIMER_LIGHT.bgSubtle(), pixel(robot, site[0].stage().getScene(), "#site-floor"));
        robot.interact(() -> {
            c[0].stage().hide();
            lab[0].stage().hide();
            site[0].stage().hide();
        });
    }

    private static org.jfree.chart.JFreeChart chart(Scene scene, String id) {
        return ((org.jfree.chart.fx.ChartViewer) scene.lookup(id)).getChart();
    }

    /** The colour a canvas in {@code scene} shows at its top-left corner. */
    private static javafx.scene.paint.Color pixel(FxRobot robot, Scene scene, String id) {
        javafx.scene.canvas.Canvas canvas = ((javafx.scene.Parent) scene.lookup(id)).getChildrenUnmodifiable().stream()
                .filter(javafx.scene.canvas.Canvas.class::isInstance).map(javafx.scene.canvas.Canvas.class::cast).findFirst().orElseThrow();
        AppHarness.waitUntil(id + " laid out", () -> canvas.getWidth() > 4 && canvas.getHeight() > 4);
        javafx.scene.paint.Color[] c = new javafx.scene.paint.Color[1];
        robot.interact(() -> c[0] = canvas.snapshot(null, null).getPixelReader().getColor(1, 1));
        return c[0];
    }
}
