package io.tokenrack.app;

import atlantafx.base.theme.PrimerLight;
import io.tokenrack.app.document.DocState;
import io.tokenrack.app.document.RecentFiles;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
        Catalog catalog;
        try {
            catalog = CatalogLoader.loadDefault();
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, "cannot load the catalog", e);
            Alert a = new Alert(Alert.AlertType.ERROR, e.getMessage(), ButtonType.OK);
            a.setHeaderText("TokenRack cannot load its hardware catalog");
            a.showAndWait();
            Platform.exit();
            return;
        }
        Stage[] owner = {stage};
        AppContext context = AppContext.standard(catalog, AppContext.PresetsAccess.standard(), RecentFiles.inUserHome(),
                new FxDialogs(() -> owner[0]), Platform::runLater);
        DocState initial = DocumentActions.example(context);
        MainWindow window = new MainWindow(context, initial, null);
        window.show(stage);
        List<String> args = io.tokenrack.app.lab.LabWindow.withoutViewOption(getParameters().getUnnamed());
        if (!args.isEmpty() && Files.isRegularFile(Path.of(args.getFirst()))) {
            window.actions().open(Path.of(args.getFirst()));
        }
        if (io.tokenrack.app.lab.LabWindow.requested(getParameters().getRaw())) {
            window.openLab();
        }
    }
}
