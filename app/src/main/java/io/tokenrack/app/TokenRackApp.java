package io.tokenrack.app;

import io.tokenrack.app.document.AutosaveFolder;
import io.tokenrack.app.document.RecentFiles;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.lab.host.HostProfileStore;
import io.tokenrack.engine.lab.host.MeasuredHost;
import java.util.Optional;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonType;
import javafx.stage.Stage;

/**
 * The TokenRack window. Loads the catalog, opens the design named on the command line (or the
 * example rack from the presets) and shows the {@link MainWindow} with the AtlantaFX Primer Light or
 * Primer Dark theme ({@code --theme}, else the one chosen last).
 */
public final class TokenRackApp extends Application {
    private static final System.Logger LOG = System.getLogger(TokenRackApp.class.getName());

    public static void main(String[] args) {
        launch(TokenRackApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        LaunchOptions launch = LaunchOptions.parse(getParameters().getRaw());
        ThemePreference themes = ThemePreference.forUser();
        io.tokenrack.app.theme.Theme theme = launch.theme().or(themes::load).orElse(io.tokenrack.app.theme.Theme.LIGHT);
        Application.setUserAgentStylesheet(theme.userAgentStylesheet());
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
        LaunchOptions options = LaunchOptions.parse(getParameters().getRaw());
        Stage[] owner = {stage};
        AppContext context = AppContext.standard(EngineContext.of(presets, measuredHost()), AppContext.PresetsAccess.standard(),
                RecentFiles.inUserHome(), new FxDialogs(() -> owner[0]), Platform::runLater, AutosaveFolder.inUserFolder());
        MainWindow window = new MainWindow(context, DocumentActions.example(context), null);
        window.setTheme(theme);
        window.themeProperty().addListener((o, was, now) -> themes.save(now));
        TokenFlowPreference flow = TokenFlowPreference.forUser();
        window.setTokenFlow(flow.load());
        window.tokenFlowProperty().addListener((o, was, now) -> flow.save(now));
        window.show(stage);
        UiProbe.attachIfRequested(stage.getScene());
        window.follow(options, recovered -> {
            MainWindow more = new MainWindow(context, DocumentActions.example(context), null);
            more.setTheme(window.themeProperty().get());
            more.show(new Stage());
            more.restore(recovered);
        });
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
