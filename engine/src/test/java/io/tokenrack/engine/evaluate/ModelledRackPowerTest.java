package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.design.DesignIO;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackPower;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ModelledRackPowerTest {
    @Test
    void modelledRackPowerIsBelowNameplateForTheDgxH100Rack() {
        Catalog catalog = CatalogLoader.loadDefault();
        Path presets = Path.of(System.getProperty(CatalogLoader.PRESETS_DIR_PROPERTY));
        RackDesign design = DesignIO.read(presets.resolve("designs/dgx-h100-4x-air.json"));
        Evaluator evaluator = new Evaluator(catalog);
        Cluster cluster = evaluator.clusters().fromDesign(design);
        Evaluation e = evaluator.evaluate(cluster, design.workload(), Assumptions.defaults(catalog.facility()));
        assertTrue(e.ok(), e.message());
        var rack = design.racks().get(0);
        RackPower modelled = ModelledRackPower.of(e).estimate(rack, catalog);
        RackPower nameplate = io.tokenrack.engine.design.RackPowerEstimate.nameplate().estimate(rack, catalog);
        assertEquals(((Evaluation.Ok) e).power().itWatts(), modelled.watts(), 1e-6); // one rack holds every accelerator
        assertTrue(modelled.watts() < nameplate.watts(), modelled + " vs " + nameplate);
        assertTrue(modelled.basis().startsWith("modelled"));
    }

    @Test
    void checkingAtTheModelledDrawStillNamesItemsWithNoPowerFigure() {
        Catalog catalog = CatalogLoader.loadDefault();
        Path presets = Path.of(System.getProperty(CatalogLoader.PRESETS_DIR_PROPERTY));
        RackDesign design = DesignIO.read(presets.resolve("designs/dgx-h100-4x-air.json")); // its InfiniBand leaf publishes no power
        Evaluator evaluator = new Evaluator(catalog);
        Cluster cluster = evaluator.clusters().fromDesign(design);
        Evaluation e = evaluator.evaluate(cluster, design.workload(), Assumptions.defaults(catalog.facility()));
        var findings = io.tokenrack.engine.design.DesignCheck.checkModelled(design, catalog, ModelledRackPower.of(e));
        var unknown = findings.stream().filter(f -> f.code().equals(io.tokenrack.engine.design.FindingCodes.POWER_UNKNOWN)).toList();
        assertEquals(1, unknown.size(), findings.toString());
        assertEquals(java.util.List.of("ib-leaf-1"), unknown.getFirst().itemIds());
    }
}
