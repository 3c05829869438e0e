package io.tokenrack.app.site;

import io.tokenrack.app.AppContext;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.site.SiteDesign;
import io.tokenrack.engine.site.SiteDocument;
import io.tokenrack.engine.site.SiteIO;
import io.tokenrack.engine.site.SiteOptimizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/** The Site view in a window of its own, opened from the main window's View menu with the 100 MW example. */
public final class SiteWindow {
    public static final double WIDTH = 1400;
    public static final double HEIGHT = 900;
    /** The example the window opens with, in the presets' sites folder. */
    public static final String EXAMPLE = "sites/100mw-gb300-gb200.json";

    private final Stage stage = new Stage();
    private final SiteView view;
    private final SiteModel model;

    public SiteWindow(Window main, SiteModel model, SiteView view) {
        this.model = model;
        this.view = view;
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        var css = SiteWindow.class.getResource("/assets/tokenrack.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.setScene(scene);
        stage.titleProperty().bind(javafx.beans.binding.Bindings.createStringBinding(
                () -> (model.site() == null ? "Site" : model.site().name()) + " — TokenRack site planner", model.siteProperty()));
        stage.setMinWidth(1000);
        stage.setMinHeight(650);
        stage.setOnHidden(e -> model.cancel());
        if (main != null) {
            main.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> stage.hide());
        }
    }

    /** The site planner over the app's engine, opened on the bundled 100 MW example. */
    public static SiteWindow standard(Window main, AppContext context) {
        record Example(SiteDocument site, List<RackDesign> designs, List<Path> sources) {}
        Example ex = context.presets().withPresets(dir -> {
            Path file = dir.resolve(EXAMPLE);
            SiteDocument s = SiteIO.read(file);
            List<Path> sources = new ArrayList<>();
            for (SiteDesign d : s.designs()) {
                sources.add(d.design() == null ? null : file.getParent().resolve(d.design()).normalize());
            }
            return new Example(s, SiteIO.designs(s, file), sources);
        });
        java.util.concurrent.Executor background = work -> Thread.ofPlatform().daemon().name("tokenrack-site").start(work);
        SiteModel model = new SiteModel(context.engine().evaluator(), background, Platform::runLater, ex.site());
        SiteView view = new SiteView(model, context.dialogs(), context.palette(), () -> presetDesigns(context.presets()));
        model.show(ex.site(), ex.designs(), ex.sources());
        return new SiteWindow(main, model, view);
    }

    /** The preset designs that read, by their presets path. */
    static Map<String, RackDesign> presetDesigns(AppContext.PresetsAccess presets) {
        return presets.withPresets(SiteOptimizer::presetDesigns);
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }

    /** Follows the main window's theme: the dark additions and the drawings' colours. */
    public void useTheme(io.tokenrack.app.theme.Theme theme) {
        theme.applyStylesheets(stage.getScene());
        view.usePalette(theme.palette());
    }

    public SiteView view() {
        return view;
    }

    public SiteModel model() {
        return model;
    }
}
