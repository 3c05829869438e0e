package io.tokenrack.app;

import io.tokenrack.app.canvas.DesignCheckFindings;
import io.tokenrack.app.canvas.FindingsSource;
import io.tokenrack.app.document.AutosaveFolder;
import io.tokenrack.app.document.RecentFiles;
import io.tokenrack.app.results.EngineResults;
import io.tokenrack.app.results.ResultsEngine;
import io.tokenrack.app.theme.ThemePalette;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.evaluate.Evaluator;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The collaborators windows are built from, passed in (no globals): the engine (catalog, evaluator
 * and measured computer, observable: a calibration replaces them while windows stay open), how
 * results are computed with an evaluator, how to reach the example designs, recent files,
 * dialogs, the thread results are delivered on, and the folder where each window keeps its
 * unsaved changes safe from a crash.
 *
 * @param results the results engine for an evaluator (the engine's own in the app; tests inject others)
 */
public record AppContext(
        EngineContext engine,
        Function<Evaluator, ResultsEngine> results,
        PresetsAccess presets,
        RecentFiles recentFiles,
        Dialogs dialogs,
        Executor fxExecutor,
        ThemePalette palette,
        AutosaveFolder autosaves) {

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

    /** The catalog now (it changes when this computer is measured again). */
    public Catalog catalog() {
        return engine.catalog();
    }

    /** The results engine over the evaluator now. */
    public ResultsEngine resultsEngine() {
        return results.apply(engine.evaluator());
    }

    /** The design check over the catalog now. */
    public FindingsSource checks() {
        return new DesignCheckFindings(engine.catalog());
    }

    /** The same collaborators with results computed by {@code results} (e.g. one that fails, in a test). */
    public AppContext withResults(Function<Evaluator, ResultsEngine> results) {
        return new AppContext(engine, results, presets, recentFiles, dialogs, fxExecutor, palette, autosaves);
    }

    /** The same collaborators with the colours of another theme (for the charts a window draws). */
    public AppContext withPalette(ThemePalette palette) {
        return new AppContext(engine, results, presets, recentFiles, dialogs, fxExecutor, palette, autosaves);
    }

    /** The windows' collaborators around an engine context, with the engine's results. */
    public static AppContext standard(EngineContext engine, PresetsAccess presets, RecentFiles recent, Dialogs dialogs, Executor fx,
                                      AutosaveFolder autosaves) {
        return new AppContext(engine, EngineResults::new, presets, recent, dialogs, fx, ThemePalette.PRIMER_LIGHT, autosaves);
    }
}
