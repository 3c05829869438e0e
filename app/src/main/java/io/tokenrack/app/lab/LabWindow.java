package io.tokenrack.app.lab;

import io.tokenrack.app.theme.ChartStyler;
import java.util.concurrent.Executor;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.stage.Window;
import javafx.stage.WindowEvent;

/**
 * The Lab in a window of its own beside the rack explorer (which stays as it is). Opened from the
 * main window's View menu; closing it, or the main window, stops a running calibration.
 */
public final class LabWindow {
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 860;

    private final Stage stage = new Stage();
    private final LabView view;

    /**
     * @param main the window the Lab was opened from: when it closes, the Lab closes too
     */
    public LabWindow(Window main, LabModel model, ChartStyler styler) {
        this.view = new LabView(model, styler);
        var screen = javafx.stage.Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(view, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        var css = LabWindow.class.getResource("/assets/tokenrack.css");
        if (css != null) {
            scene.getStylesheets().add(css.toExternalForm());
        }
        stage.setScene(scene);
        stage.setTitle("Kernel lab — TokenRack");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        stage.setOnHidden(e -> model.close());
        if (main != null) {
            main.addEventHandler(WindowEvent.WINDOW_HIDDEN, e -> stage.hide());
        }
    }

    /**
     * The Lab on this computer: results kept beside the engine's host profile in the user's home,
     * calibrations run as {@code tokenrack calibrate} runs them, on a background thread.
     */
    public static LabWindow standard(Window main, ChartStyler styler) {
        LabStore store = LabStore.inUserHome();
        Executor background = work -> Thread.ofPlatform().daemon().name("tokenrack-calibration").start(work);
        LabModel model = new LabModel(store, new HostCalibration(store.profileFile()), background, Platform::runLater);
        return new LabWindow(main, model, styler);
    }

    /** Shows the window (loading the saved results the first time) and brings it to the front. */
    public void show() {
        if (!stage.isShowing() && view.model().state() == LabModel.State.IDLE) {
            view.model().load();
        }
        stage.show();
        stage.toFront();
    }

    /** Follows the main window's theme: the dark additions and the roofline's colours. */
    public void useTheme(io.tokenrack.app.theme.Theme theme) {
        theme.applyStylesheets(stage.getScene());
        view.restyle(theme.chartStyler());
    }

    public Stage stage() {
        return stage;
    }

    public LabView view() {
        return view;
    }
}
