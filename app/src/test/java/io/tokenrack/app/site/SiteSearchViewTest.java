package io.tokenrack.app.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import atlantafx.base.theme.PrimerLight;
import io.tokenrack.app.ScriptedDialogs;
import io.tokenrack.app.theme.ThemePalette;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.site.SiteDocument;
import io.tokenrack.engine.site.SiteIO;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The search from the Site view: it runs off the FX thread, can be cancelled, and lists its
 * alternatives. Background work waits in a queue until the test lets it run, so cancelling before
 * the search starts is certain, not a race.
 */
@ExtendWith(ApplicationExtension.class)
class SiteSearchViewTest {
    private final LinkedBlockingQueue<Runnable> queued = new LinkedBlockingQueue<>();
    private SiteModel model;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Path file = SiteViewTest.PRESETS.resolve("sites/100mw-gb300-gb200.json");
        SiteDocument site = SiteIO.read(file);
        model = new SiteModel(new Evaluator(CatalogLoader.loadDefault()), queued::add, Platform::runLater, site);
        SiteView view = new SiteView(model, new ScriptedDialogs(), ThemePalette.PRIMER_LIGHT, Map::of);
        model.show(site, SiteIO.designs(site, file), List.of(SiteViewTest.PRESETS.resolve("designs/gb300-nvl72.json"),
                SiteViewTest.PRESETS.resolve("designs/gb200-nvl72.json")));
        stage.setScene(new Scene(view, SiteWindow.WIDTH, SiteWindow.HEIGHT));
        stage.show();
    }

    /** Runs the queued background work on a thread of its own (never the FX thread). */
    private void release() throws InterruptedException {
        Runnable r = queued.poll(30, TimeUnit.SECONDS);
        assertTrue(r != null, "background work was queued");
        Thread t = Thread.ofPlatform().daemon().name("site-search-test").start(r);
        t.join(120_000);
    }

    private static void waitFor(String what, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (TimeoutException e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void aSearchCanBeCancelledAndOtherwiseListsItsAlternatives(FxRobot robot) throws Exception {
        release(); // the plan of the site shown
        waitFor("the site's plan", () -> model.plan() != null && !model.busyProperty().get());
        Button cancel = robot.lookup("#site-cancel").queryAs(Button.class);
        assertTrue(cancel.isDisabled(), "nothing to cancel while idle");

        robot.clickOn("#site-optimize");
        waitFor("the search to be asked for", () -> model.busyProperty().get() && !cancel.isDisabled());
        assertTrue(robot.lookup("#site-progress").query().isVisible());
        robot.clickOn("#site-cancel");
        release();
        waitFor("the cancelled search to end", () -> !model.busyProperty().get());
        assertEquals("search cancelled", robot.lookup("#site-message").queryAs(Label.class).getText());
        ListView<?> list = robot.lookup("#site-alternatives").queryAs(ListView.class);
        assertTrue(list.getItems().isEmpty());

        robot.clickOn("#site-optimize");
        waitFor("the search to be asked for", () -> model.busyProperty().get());
        release();
        waitFor("the search's alternatives", () -> !model.busyProperty().get() && !list.getItems().isEmpty());
        assertTrue(list.getItems().size() >= 3, list.getItems().toString());
        assertTrue(list.getItems().getLast().toString().startsWith("Why: "), list.getItems().toString());
        assertTrue(model.progressProperty().get() == 1.0);
        assertFalse(robot.lookup("#site-progress").query().isVisible());
    }
}
