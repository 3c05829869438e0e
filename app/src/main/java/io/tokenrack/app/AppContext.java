package io.tokenrack.app;

import io.tokenrack.app.canvas.FindingsSource;
import io.tokenrack.app.canvas.DesignCheckFindings;
import io.tokenrack.app.document.Autosave;
import io.tokenrack.app.document.RecentFiles;
import io.tokenrack.app.results.EngineResults;
import io.tokenrack.app.results.ResultsEngine;
import io.tokenrack.app.theme.ThemePalette;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.evaluate.Evaluator;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The collaborators the window is built from, passed in (no globals): the catalog, how to reach
 * the example designs, the results engine, the design check, recent files, dialogs, the thread
 * results are delivered on, and the autosave that keeps unsaved changes safe from a crash.
 */
public record AppContext(
        Catalog catalog,
        PresetsAccess presets,
        ResultsEngine engine,
        FindingsSource checks,
        RecentFiles recentFiles,
        Dialogs dialogs,
        Executor fxExecutor,
        ThemePalette palette,
        Autosave autosave) {

    /** Runs an action on the presets folder (on disk, or inside the jar while the action runs). */
    public interface PresetsAccess {
        <T> T withPresets(Function<java.nio.file.Path, T> action);

        static PresetsAccess onDisk(java.nio.file.Path dir) {
            return new PresetsAccess() {
                @Override
                public <T> T withPresets(Function<java.nio.file.Path, T> action) {
                    return action.apply(dir);
                }
            };
        }

        /** The folder named by the presets system property if set, else the presets bundled in the engine jar. */
        static PresetsAccess standard() {
            String dir = System.getProperty(io.tokenrack.engine.catalog.CatalogLoader.PRESETS_DIR_PROPERTY);
            if (dir != null && !dir.isBlank()) {
                return onDisk(java.nio.file.Path.of(dir));
            }
            return new PresetsAccess() {
                @Override
                public <T> T withPresets(Function<java.nio.file.Path, T> action) {
                    return io.tokenrack.engine.catalog.CatalogLoader.withBundledPresets(action);
                }
            };
        }
    }

    /** The same collaborators around another evaluator and its catalog (e.g. with this computer measured again). */
    public AppContext withEvaluator(Evaluator evaluator) {
        return standard(evaluator, presets, recentFiles, dialogs, fxExecutor, autosave);
    }

    /** The window's collaborators around one evaluator (and the catalog it evaluates with). */
    public static AppContext standard(Evaluator evaluator, PresetsAccess presets, RecentFiles recent, Dialogs dialogs, Executor fx,
                                      Autosave autosave) {
        Catalog catalog = evaluator.catalog();
        return new AppContext(catalog, presets, new EngineResults(evaluator),
                new DesignCheckFindings(catalog), recent, dialogs, fx, ThemePalette.PRIMER_LIGHT, autosave);
    }
}
