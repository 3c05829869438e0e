package io.tokenrack.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Fixtures;
import io.tokenrack.app.document.DesignDocument;
import io.tokenrack.app.document.PlacementRules;
import io.tokenrack.app.results.EngineResults;
import io.tokenrack.app.results.Results;
import io.tokenrack.engine.evaluate.Evaluator;
import java.util.Set;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The canvas model without a window, on the fixture rack (42U air, 45 kW; 42.5 kW placed; U34–U41 free). */
class CanvasModelTest {
    private final DesignDocument doc = new DesignDocument(Fixtures.exampleState(), null);
    private final PlacementRules rules = new PlacementRules(Fixtures.catalog());
    private final SimpleObjectProperty<Results> results = new SimpleObjectProperty<>();
    private final CanvasModel model = new CanvasModel(doc, rules, new DesignCheckFindings(Fixtures.catalog()), results);

    @Test
    void aRefusedDropMakesNoCommandAndSaysWhy() {
        assertFalse(model.drop("dgx-h100", "rack-1", 34));
        assertFalse(doc.canUndoProperty().get());
        assertTrue(model.messageProperty().get().error());
        assertTrue(model.messageProperty().get().text().contains("exceeds the rack power budget"));
    }

    @Test
    void anAcceptedDropIsOneUndoableCommandAndSelectsTheNewItem() {
        assertTrue(model.drop("qm9700", "rack-1", 35));
        assertEquals(Set.of("qm9700-1"), model.selection());
        assertEquals("rack-1", model.currentRack());
        assertEquals("Undo add Quantum-2 QM9700", doc.undoTextProperty().get());
        doc.undo();
        assertTrue(model.selection().isEmpty(), "the selection follows the design");
    }

    @Test
    void aRackTypeDroppedAnywhereAddsARack() {
        assertTrue(model.drop("rack-48u-liquid", "rack-1", 3));
        assertEquals(2, doc.design().racks().size());
        assertEquals("Rack 2", doc.design().racks().get(1).name());
        assertTrue(model.drop("gb200-tray", "rack-2", 10), "liquid gear goes into the liquid rack");
    }

    @Test
    void movingASelectionKeepsOffsetsAndIsCheckedAsAWhole() {
        model.select("dgx-3");
        model.toggle("dgx-4");
        assertEquals(Set.of("dgx-3", "dgx-4"), model.selection());
        // dgx-3 U18–25 and dgx-4 U26–33 up by 8: dgx-4 would reach U41, free
        assertTrue(model.moveSelection("dgx-3", "rack-1", 26));
        assertEquals(34, PlacementRules.findPlacement(doc.design(), "dgx-4").orElseThrow().positionU());
        assertEquals(26, PlacementRules.findPlacement(doc.design(), "dgx-3").orElseThrow().positionU());
        // one more unit would push dgx-4 into the switch at U42
        assertFalse(model.moveSelection("dgx-3", "rack-1", 27));
        assertTrue(model.messageProperty().get().text().contains("no room"));
    }

    @Test
    void deleteRemovesTheSelectionInOneCommand() {
        model.selectAllIn("rack-1");
        assertTrue(model.deleteSelection());
        assertTrue(doc.design().racks().getFirst().items().isEmpty());
        doc.undo();
        assertEquals(5, doc.design().racks().getFirst().items().size());
    }

    @Test
    void addingToTheCurrentRackUsesTheLowestFreeSlot() {
        assertTrue(model.addToCurrentRack("qm9700"));
        assertEquals(1, PlacementRules.findPlacement(doc.design(), "qm9700-1").orElseThrow().positionU());
        assertFalse(model.addToCurrentRack("dgx-h100"), "no 8U gap left under the budget");
    }

    @Test
    void findingsNameTheItemsAndSelectThem() {
        model.drop("rack-42u-air", null, null);
        doc.execute(new io.tokenrack.app.document.Edits.PlaceItem("rack-2", "dgx-h100", 1, "x-1", "x"));
        doc.execute(new io.tokenrack.app.document.Edits.PlaceItem("rack-2", "dgx-h100", 5, "x-2", "x"));
        DesignFinding overlap = model.findingsProperty().get().stream()
                .filter(f -> f.code().equals(io.tokenrack.engine.design.FindingCodes.U_OVERLAP)).findFirst().orElseThrow();
        assertTrue(overlap.pinpointsItems());
        model.showFinding(overlap);
        assertEquals(Set.of("x-1", "x-2"), model.selection());
        assertEquals("rack-2", model.currentRack());
    }

    @Test
    void barsShowModelledPowerOnceResultsArrive() {
        assertTrue(Double.isNaN(model.figures("rack-1").orElseThrow().modelledItWatts()));
        var r = new EngineResults(new Evaluator(Fixtures.catalog())).compute(doc.state());
        results.set(r);
        CanvasModel.RackFigures f = model.figures("rack-1").orElseThrow();
        assertTrue(f.modelled());
        assertTrue(f.modelledItWatts() > 0 && f.modelledItWatts() < f.load().powerWatts(),
                "average draw below nameplate: " + f.modelledItWatts());
        // the bar shows the engine's own per-rack figure, not one the app derives
        assertEquals(r.numbers().racks().stream().filter(d -> d.rackId().equals("rack-1")).findFirst().orElseThrow().itWatts(),
                f.modelledItWatts());
    }

    @Test
    void whileAnEditIsEvaluatedAnUnchangedRackKeepsItsModelledDrawAndAChangedOneShowsNone() {
        EngineResults engine = new EngineResults(new Evaluator(Fixtures.catalog()));
        results.set(engine.compute(doc.state()));
        double before = model.figures("rack-1").orElseThrow().modelledItWatts();
        assertFalse(Double.isNaN(before));

        // a workload edit leaves the rack as it was: its bars keep the last modelled draw until the edit's results arrive
        var w = doc.design().workload();
        doc.execute(new io.tokenrack.app.document.Edits.SetWorkload(w.withOutputTokens(w.outputTokens() + 100), "output tokens"));
        assertTrue(model.resultsPending());
        assertEquals(before, model.figures("rack-1").orElseThrow().modelledItWatts());
        Results next = engine.compute(doc.state());
        results.set(next);
        assertFalse(model.resultsPending());
        assertEquals(next.numbers().racks().stream().filter(d -> d.rackId().equals("rack-1")).findFirst().orElseThrow().itWatts(),
                model.figures("rack-1").orElseThrow().modelledItWatts());

        // an edit to the rack itself: no modelled draw until its results (the old one was of other hardware)
        doc.execute(new io.tokenrack.app.document.Edits.PlaceItem("rack-1", "dgx-h100", 34, "x-1", "x"));
        assertTrue(Double.isNaN(model.figures("rack-1").orElseThrow().modelledItWatts()));
    }

    @Test
    void thousandsOfServersOnOneUnitGiveBoundedFindingsAndOneLoadPerRack() {
        // 3,000 DGX H100 (8U) all at U1 of the fixture's 42U rack: 8 units taken, 2,999 items overlapping
        java.util.List<io.tokenrack.engine.design.Placement> items = new java.util.ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            items.add(new io.tokenrack.engine.design.Placement("s-" + i, "dgx-h100", 1, null));
        }
        var rack = new io.tokenrack.engine.design.RackInstance("rack-1", "Rack 1", "rack-42u-air", items);
        var design = Fixtures.exampleDesign().withRacks(java.util.List.of(rack));
        DesignDocument big = new DesignDocument(Fixtures.exampleState().withDesign(design), null);
        CanvasModel m = new CanvasModel(big, rules, new DesignCheckFindings(Fixtures.catalog()), new SimpleObjectProperty<>());

        var overlaps = m.findingsProperty().get().stream()
                .filter(f -> f.code().equals(io.tokenrack.engine.design.FindingCodes.U_OVERLAP)).toList();
        assertEquals(11, overlaps.size(), "10 named, then one that counts the rest");
        assertEquals("Rack 1: 2,989 more items overlap others.", overlaps.getLast().message());
        assertTrue(m.findingsProperty().get().size() < 30, () -> m.findingsProperty().get().size() + " findings");
        var load = m.figures("rack-1").orElseThrow().load();
        assertEquals(8, load.usedU());
        assertEquals(2999, load.overlaps().size());
        // 3,000 × 10.2 kW published: over the 45 kW budget, so the next drop anywhere is refused
        assertTrue(load.overBudget());
        assertTrue(rules.refusal(design, "rack-1", "qm9700", 42).orElse("").contains("exceeds the rack power budget"));
    }

    @Test
    void zoomStaysWithinItsLimits() {
        for (int i = 0; i < 30; i++) {
            model.zoomIn();
        }
        assertEquals(CanvasModel.MAX_PX_PER_U, model.pixelsPerU());
        model.fit(42 * 10 + 5);
        assertEquals(10, model.pixelsPerU());
    }
}
