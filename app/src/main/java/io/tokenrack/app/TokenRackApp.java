package io.tokenrack.app;

import atlantafx.base.theme.PrimerLight;
import io.tokenrack.app.document.Autosave;
import io.tokenrack.app.document.DocState;
import io.tokenrack.app.document.RecentFiles;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.lab.host.HostProfileStore;
import io.tokenrack.engine.lab.host.MeasuredHost;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/**
 * The TokenRack window. Loads the catalog, opens the design named on the command line (or the
 * example rack from the presets) and shows the {@link MainWindow} with the AtlantaFX Primer Light
 * theme.
 */
public final class TokenRackApp extends Application {
    private static final System.Logger LOG = System.getLogger(TokenRackApp.class.getName());

    public static void main(String[] args) {
        launch(TokenRackApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        Catalog presets;
        try {
            presets = CatalogLoader.loadDefault();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot load the catalog", e);
            Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage(), ButtonType.OK);
            a.setHeaderText("TokenRack cannot load its hardware catalog");
            a.showAndWait();
            Platform.exit();
            return;
        }
        Optional<MeasuredHost> host = measuredHost();
        Stage[] owner = {stage};
        AppContext context = AppContext.standard(MeasuredHost.evaluator(MeasuredHost.addTo(presets, host), host), AppContext.PresetsAccess.standard(), RecentFiles.inUserHome(),
                new FxDialogs(() -> owner[0]), Platform::runLater, Autosave.inUserFolder());
        DocState initial = DocumentActions.example(context);
        MainWindow window = new MainWindow(context, initial, null);
        window.show(stage);
        UiProbe.attachIfRequested(stage.getScene());
        window.offerRecovery();
        List<String> raw = getParameters().getRaw();
        List<String> args = LaunchOptions.withoutOptions(getParameters().getUnnamed());
        if (!args.isEmpty() && Files.isRegularFile(Path.of(args.getFirst()))) {
            window.actions().open(Path.of(args.getFirst()));
        }
        LaunchOptions.value(raw, LaunchOptions.COMPARE).map(Path::of).ifPresent(window::compareWith);
        if (LaunchOptions.labRequested(raw)) {
            window.openLab();
        }
    }

    /**
     * This computer as the kernel lab last measured it, for the palette and the engine; none when
     * it was never measured, or (logged) when the saved profile cannot be read.
     */
    static Optional<MeasuredHost> measuredHost() {
        try {
            return HostProfileStore.inUserHome().load().map(MeasuredHost::of);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "this computer is left out of the palette: " + e.getMessage());
            return Optional.empty();
        }
    }
}
