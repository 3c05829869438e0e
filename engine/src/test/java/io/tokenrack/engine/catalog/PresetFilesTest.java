package io.tokenrack.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The shipped presets load strictly, carry sources, and the example designs only use catalog ids. */
class PresetFilesTest {
    private static Path presets;
    private static Catalog catalog;

    @BeforeAll
    static void load() {
        String dir = System.getProperty(CatalogLoader.PRESETS_DIR_PROPERTY);
        assertNotNull(dir, "surefire sets " + CatalogLoader.PRESETS_DIR_PROPERTY);
        presets = Path.of(dir);
        catalog = CatalogLoader.loadDefault();
    }

    @Test
    void catalogHasAcceleratorsAndModelsWithSources() {
        assertTrue(catalog.accelerators().size() >= 19, "accelerators: " + catalog.accelerators().size());
        assertTrue(catalog.models().size() >= 11, "models: " + catalog.models().size());
        for (CatalogItem item : catalog.all()) {
            assertFalse(item.sources().isEmpty(), item.id() + " has no sources");
        }
        assertFalse(catalog.facility().sources().isEmpty(), "facility has no sources");
    }

    @Test
    void moeLayerRuleSelectsThePublishedLayers() {
        assertEquals(58, catalog.model("deepseek-r1").moeLayerCount());
        assertEquals(60, catalog.model("kimi-k2").moeLayerCount());
        ModelSpec maverick = catalog.model("llama-4-maverick");
        assertEquals(24, maverick.moeLayerCount());
        assertFalse(maverick.isMoeLayer(0));
        assertTrue(maverick.isMoeLayer(1));
        assertTrue(maverick.isMoeLayer(47));
    }

    @Test
    void everyDesignParsesAndUsesCatalogIds() throws IOException {
        List<Path> files;
        try (Stream<Path> s = Files.list(presets.resolve("designs"))) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        }
        assertTrue(files.stream().anyMatch(p -> p.getFileName().toString().equals("dgx-h100-4x-air.json")),
                "the default example is missing");
        List<String> unknown = new ArrayList<>();
        for (Path file : files) {
            String name = "presets/designs/" + file.getFileName();
            RackDesign design;
            try (InputStream in = Files.newInputStream(file)) {
                design = StrictJson.read(in, name, RackDesign.class);
            }
            assertFalse(design.racks().isEmpty(), name + " has no racks");
            for (RackInstance rack : design.racks()) {
                if (catalog.find(rack.rackId(), RackSpec.class).isEmpty()) {
                    unknown.add(name + ": rack " + rack.rackId());
                }
                for (Placement p : rack.items()) {
                    if (catalog.find(p.catalogId()).isEmpty()) {
                        unknown.add(name + ": item " + p.catalogId());
                    }
                }
            }
            if (design.workload() != null && catalog.find(design.workload().modelId(), ModelSpec.class).isEmpty()) {
                unknown.add(name + ": model " + design.workload().modelId());
            }
        }
        assertTrue(unknown.isEmpty(), "unknown catalog ids: " + unknown);
    }
}
