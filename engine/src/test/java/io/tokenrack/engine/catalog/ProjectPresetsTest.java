package io.tokenrack.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Loads every file in the project's presets folder (named by the build in
 * {@value CatalogLoader#PRESETS_DIR_PROPERTY}); skipped while the folder has no presets yet.
 */
class ProjectPresetsTest {
    @Test
    void everyPresetFileLoads() {
        String dir = System.getProperty(CatalogLoader.PRESETS_DIR_PROPERTY);
        assumeTrue(dir != null && Files.isDirectory(Path.of(dir, "hardware")), "no presets folder in this checkout");

        Catalog catalog = CatalogLoader.loadDefault();

        assertFalse(catalog.accelerators().isEmpty(), "presets define accelerators");
        assertFalse(catalog.servers().isEmpty(), "presets define servers");
        assertFalse(catalog.ofKind(ItemKind.RACK).isEmpty(), "presets define racks");
        assertFalse(catalog.models().isEmpty(), "presets define models");
    }
}
