package io.tokenrack.app;

import io.tokenrack.app.document.RecentFiles;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import java.nio.file.Path;
import java.util.concurrent.Executor;

/** The real presets (the folder the build points the tests at) and an app context over them. */
public final class Presets {
    private static Catalog catalog;

    private Presets() {}

    public static synchronized Catalog catalog() {
        if (catalog == null) {
            catalog = CatalogLoader.loadDefault();
        }
        return catalog;
    }

    public static AppContext context(ScriptedDialogs dialogs, Path tempDir, Executor fx) {
        return AppContext.standard(EngineContext.of(new io.tokenrack.engine.evaluate.Evaluator(catalog())), AppContext.PresetsAccess.standard(),
                new RecentFiles(tempDir.resolve("recent.json")), dialogs, fx,
                // written off the FX thread, as in the app (a synchronous fsync per edit would distort the UI timings)
                new io.tokenrack.app.document.AutosaveFolder(tempDir.resolve("autosave"), java.util.concurrent.Executors.newSingleThreadExecutor(
                        r -> Thread.ofPlatform().daemon().name("test-autosave").unstarted(r))));
    }
}
