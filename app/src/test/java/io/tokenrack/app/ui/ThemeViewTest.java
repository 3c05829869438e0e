package io.tokenrack.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.theme.Theme;
import io.tokenrack.app.theme.ThemePalette;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** View ▸ Theme switches the window between light and dark: the scene's stylesheets and the charts follow. */
@ExtendWith(ApplicationExtension.class)
class ThemeViewTest {
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
    void back(FxRobot robot) {
        robot.interact(() -> app.window.setTheme(Theme.LIGHT)); // the user-agent stylesheet is the application's
        AppHarness.closePopups(robot);
    }

    private String darkCss() {
        return Theme.class.getResource(Theme.DARK_STYLESHEET).toExternalForm();
    }

    private java.awt.Paint chartBackground(FxRobot robot) {
        return app.window.charts().viewer("throughput").getChart().getBackgroundPaint();
    }

    @Test
    void theViewMenuSwitchesToDarkAndBack(FxRobot robot) {
        app.settle();
        assertFalse(main.getScene().getStylesheets().contains(darkCss()), "light at start");
        assertEquals(ThemePalette.awt(ThemePalette.PRIMER_LIGHT.bgDefault()), chartBackground(robot));
        for (String key : new String[] {"throughput", "efficiency", "cost"}) {
            var r = ((org.jfree.chart.plot.XYPlot) app.window.charts().viewer(key).getChart().getPlot()).getRenderer();
            assertEquals(ThemePalette.awt(ThemePalette.PRIMER_LIGHT.accent()), r.getSeriesPaint(0), key + ": the line in the accent");
            assertEquals(ThemePalette.awt(ThemePalette.PRIMER_LIGHT.danger()), r.getSeriesPaint(1), key + ": the current point in red from the start");
        }

        robot.clickOn("View");
        robot.clickOn("#menu-theme");
        robot.clickOn("#menu-theme-dark");
        AppHarness.waitUntil("the dark stylesheet", () -> main.getScene().getStylesheets().contains(darkCss()));

        assertEquals(Theme.DARK, app.window.themeProperty().get());
        assertTrue(Application.getUserAgentStylesheet().contains("primer-dark"), Application.getUserAgentStylesheet());
        java.awt.Color dark = ThemePalette.awt(ThemePalette.PRIMER_DARK.bgDefault());
        for (String key : io.tokenrack.app.results.ChartsView.KEYS) {
            assertEquals(dark, app.window.charts().viewer(key).getChart().getBackgroundPaint(), key + " chart background");
        }
        var plot = (org.jfree.chart.plot.XYPlot) app.window.charts().viewer("throughput").getChart().getPlot();
        assertEquals(ThemePalette.awt(ThemePalette.PRIMER_DARK.accent()), plot.getRenderer().getSeriesPaint(0), "the frontier line in the dark accent");

        robot.clickOn("View");
        robot.clickOn("#menu-theme");
        robot.clickOn("#menu-theme-light");
        AppHarness.waitUntil("the dark stylesheet removed", () -> !main.getScene().getStylesheets().contains(darkCss()));
        assertEquals(ThemePalette.awt(ThemePalette.PRIMER_LIGHT.bgDefault()), chartBackground(robot));
        assertTrue(Application.getUserAgentStylesheet().contains("primer-light"), Application.getUserAgentStylesheet());
    }

    /** Each segment of the why panel's phase bars: its operator class and the colour it is filled with. */
    private static java.util.Map<io.tokenrack.engine.perf.OperatorClass, javafx.scene.paint.Paint> segmentFills(FxRobot robot) {
        java.util.Map<io.tokenrack.engine.perf.OperatorClass, javafx.scene.paint.Paint> out = new java.util.EnumMap<>(io.tokenrack.engine.perf.OperatorClass.class);
        for (javafx.scene.layout.Region seg : robot.lookup(".tr-share-segment").<javafx.scene.layout.Region>queryAll()) {
            var fills = seg.getBackground() == null ? java.util.List.<javafx.scene.layout.BackgroundFill>of() : seg.getBackground().getFills();
            out.put((io.tokenrack.engine.perf.OperatorClass) seg.getUserData(), fills.isEmpty() ? null : fills.getFirst().getFill());
        }
        return out;
    }

    @Test
    void theWhyPanelsPhaseBarsFollowTheTheme(FxRobot robot) {
        app.settle();
        var light = segmentFills(robot);
        assertTrue(light.containsKey(io.tokenrack.engine.perf.OperatorClass.ATTENTION_PROJECTIONS),
                "the example's decode step has attention projections, the first series colour: " + light.keySet());
        light.forEach((c, fill) -> assertEquals(ThemePalette.PRIMER_LIGHT.series(c.ordinal()), fill, c + " in the light palette"));

        robot.clickOn("View");
        robot.clickOn("#menu-theme");
        robot.clickOn("#menu-theme-dark");
        AppHarness.waitUntil("the phase bars in the dark palette", () -> ThemePalette.PRIMER_DARK.series(0)
                .equals(segmentFills(robot).get(io.tokenrack.engine.perf.OperatorClass.ATTENTION_PROJECTIONS)));
        var dark = segmentFills(robot);
        assertEquals(light.keySet(), dark.keySet(), "the same segments, recoloured");
        dark.forEach((c, fill) -> assertEquals(ThemePalette.PRIMER_DARK.series(c.ordinal()), fill, c + " in the dark palette"));
        assertFalse(light.equals(dark), "switching theme changes the bars' colours");

        robot.interact(() -> app.window.setTheme(Theme.LIGHT));
        AppHarness.waitUntil("the phase bars back in the light palette", () -> light.equals(segmentFills(robot)));
    }
}
