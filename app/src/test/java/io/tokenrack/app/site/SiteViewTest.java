package io.tokenrack.app.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import io.tokenrack.app.ScriptedDialogs;
import io.tokenrack.app.theme.ThemePalette;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.site.SiteDocument;
import io.tokenrack.engine.site.SiteIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The Site view by its control ids, on the real engine with a real background thread: a site built
 * from two designs, its envelope changed, saved and opened again.
 */
@ExtendWith(ApplicationExtension.class)
class SiteViewTest {
    static final Path PRESETS = Path.of("..", "presets").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    private final ScriptedDialogs dialogs = new ScriptedDialogs();
    private SiteModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Catalog catalog = CatalogLoader.loadDefault();
        SiteDocument template = SiteIO.read(PRESETS.resolve("sites/100mw-gb300-gb200.json"));
        model = new SiteModel(new Evaluator(catalog), work -> Thread.ofPlatform().daemon().name("site-test").start(work), Platform::runLater,
                template);
        SiteView view = new SiteView(model, dialogs, ThemePalette.PRIMER_LIGHT, Map::of);
        stage.setScene(new Scene(view, SiteWindow.WIDTH, SiteWindow.HEIGHT));
        stage.show();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    private static long number(FxRobot robot, String id) {
        return Long.parseLong(text(robot, id).replace(",", ""));
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    private void envelope(FxRobot robot, String mw) {
        robot.clickOn("#site-mw").press(KeyCode.CONTROL).press(KeyCode.A).release(KeyCode.A).release(KeyCode.CONTROL).write(mw)
                .type(KeyCode.ENTER);
    }

    private boolean idle() {
        return !model.busyProperty().get();
    }

    @Test
    void buildASiteFromTwoDesignsChangeTheEnvelopeSaveAndReopen(FxRobot robot) throws Exception {
        dialogs.openAnswers.add(PRESETS.resolve("designs/gb300-nvl72.json"));
        robot.clickOn("#site-add-design");
        waitFor("the first design's plan", () -> model.plan() != null && idle());
        dialogs.openAnswers.add(PRESETS.resolve("designs/gb200-nvl72.json"));
        robot.clickOn("#site-add-design");
        waitFor("the two designs' plan", () -> model.plan() != null && model.plan().designs().size() == 2 && idle());
        assertEquals("100", robot.lookup("#site-mw").queryAs(javafx.scene.control.TextField.class).getText());
        long racks100 = number(robot, "#site-racks");
        long tokens100 = number(robot, "#site-tokens");
        assertTrue(racks100 > 500, "racks at 100 MW: " + racks100);

        envelope(robot, "50");
        waitFor("the 50 MW plan", () -> model.plan().siteMegawatts() == 50 && idle());
        long racks50 = number(robot, "#site-racks");
        long tokens50 = number(robot, "#site-tokens");
        assertTrue(Math.abs(racks50 - racks100 / 2.0) <= 2, racks50 + " racks at 50 MW, " + racks100 + " at 100");
        assertTrue(tokens50 < tokens100 && tokens50 > 0.45 * tokens100, tokens50 + " vs " + tokens100);

        envelope(robot, "200");
        waitFor("the 200 MW plan", () -> model.plan().siteMegawatts() == 200 && idle());
        assertTrue(number(robot, "#site-racks") >= 2 * racks100 - 2);
        assertTrue(number(robot, "#site-tokens") > tokens100);

        // sized by the modelled draw instead of Max-P: more racks in the same envelope, and the file keeps the choice
        long racksMaxP = number(robot, "#site-racks");
        assertTrue(text(robot, "#site-facility-capex").startsWith("$"), text(robot, "#site-facility-capex"));
        // sized by the P90 draw of the phase mix: between Max-P and the modelled draw, and the card shows every measure
        robot.clickOn("#site-basis").clickOn("size by p90");
        waitFor("the plan sized by the P90 draw", () -> model.plan().rackPowerBasis() == io.tokenrack.engine.site.RackPowerBasis.P90 && idle());
        long racksP90 = number(robot, "#site-racks");
        assertTrue(racksP90 >= racksMaxP, racksP90 + " vs " + racksMaxP);
        assertTrue(text(robot, "#site-power-measures").contains("P90") && text(robot, "#site-power-measures").contains("Max-P"),
                text(robot, "#site-power-measures"));
        robot.clickOn("#site-basis").clickOn("size by modelled");
        waitFor("the plan sized by the modelled draw", () -> model.plan().rackPowerBasis() == io.tokenrack.engine.site.RackPowerBasis.MODELLED
                && idle());
        assertTrue(number(robot, "#site-racks") > racksMaxP && number(robot, "#site-racks") >= racksP90,
                number(robot, "#site-racks") + " vs " + racksMaxP + " (max-p), " + racksP90 + " (p90)");

        Path saved = dir.resolve("two-designs.json");
        dialogs.saveAnswers.add(saved);
        robot.clickOn("#site-save");
        waitFor("the saved file", () -> Files.exists(saved));
        List<String> before = List.of(text(robot, "#site-racks"), text(robot, "#site-tokens"), text(robot, "#site-revenue"),
                text(robot, "#site-payback"), text(robot, "#site-binding"));

        envelope(robot, "77");
        waitFor("the 77 MW plan", () -> model.plan().siteMegawatts() == 77 && idle());
        assertTrue(!text(robot, "#site-racks").equals(before.getFirst()), "the numbers changed before reopening");

        dialogs.openAnswers.add(saved);
        robot.clickOn("#site-open");
        waitFor("the reopened plan", () -> model.plan().siteMegawatts() == 200 && idle());
        List<String> after = List.of(text(robot, "#site-racks"), text(robot, "#site-tokens"), text(robot, "#site-revenue"),
                text(robot, "#site-payback"), text(robot, "#site-binding"));
        assertEquals(before, after);
        assertEquals("200", robot.lookup("#site-mw").queryAs(javafx.scene.control.TextField.class).getText());
        assertEquals(io.tokenrack.engine.site.RackPowerBasis.MODELLED, model.plan().rackPowerBasis());
    }
}
