package io.tokenrack.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Fixtures;
import io.tokenrack.engine.design.RackDesign;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The document and its command stack, without a window. */
class DesignDocumentTest {
    private final DocState start = Fixtures.exampleState();
    private final DesignDocument doc = new DesignDocument(start, null);

    private static int itemCount(RackDesign d) {
        return d.racks().stream().mapToInt(r -> r.items().size()).sum();
    }

    @Test
    void aFreshDocumentIsCleanAndHasNothingToUndo() {
        assertFalse(doc.isDirty());
        assertFalse(doc.canUndoProperty().get());
        assertFalse(doc.canRedoProperty().get());
        assertTrue(doc.titleProperty().get().contains("not saved yet"));
    }

    @Test
    void everyEditIsUndoableAndRedoable() {
        doc.execute(new Edits.PlaceItem("rack-1", "qm9700", 38, "qm9700-1", "Quantum-2"));
        doc.execute(new Edits.RemoveItems(Set.of("dgx-1")));
        assertEquals(itemCount(start.design()), itemCount(doc.design()));
        assertEquals("Undo delete item", doc.undoTextProperty().get());

        doc.undo();
        assertEquals(itemCount(start.design()) + 1, itemCount(doc.design()));
        assertEquals("Redo delete item", doc.redoTextProperty().get());
        doc.undo();
        assertEquals(start, doc.state());
        assertFalse(doc.isDirty(), "back at the opened state counts as clean");

        doc.redo();
        doc.redo();
        assertEquals(itemCount(start.design()), itemCount(doc.design()));
        assertTrue(doc.isDirty());
        assertFalse(doc.canRedoProperty().get());
    }

    @Test
    void aNewEditAfterUndoDropsTheRedoBranch() {
        doc.execute(new Edits.RemoveItems(Set.of("dgx-1")));
        doc.undo();
        doc.execute(new Edits.RemoveItems(Set.of("dgx-2")));
        assertFalse(doc.canRedoProperty().get());
    }

    @Test
    void aRefusedEditLeavesTheDocumentUntouched() {
        DocState before = doc.state();
        assertThrows(IllegalArgumentException.class, () -> doc.execute(new Edits.UpdateRack("nope", "x", "rack-42u-air")));
        assertSame(before, doc.state());
        assertFalse(doc.canUndoProperty().get());
    }

    @Test
    void anEditThatChangesNothingIsNotRecorded() {
        doc.execute(new Edits.RemoveItems(Set.of("not-there")));
        assertFalse(doc.canUndoProperty().get());
    }

    @Test
    void savingMarksCleanAndUndoPastTheSavePointMarksDirty() {
        doc.execute(new Edits.RemoveItems(Set.of("dgx-1")));
        doc.markSaved(Path.of("x.json"));
        assertFalse(doc.isDirty());
        assertEquals("4 x DGX H100, air — x.json", doc.titleProperty().get());
        doc.undo();
        assertTrue(doc.isDirty());
        doc.redo();
        assertFalse(doc.isDirty());
    }

    @Test
    void movesKeepIdsAndCanCrossRacks() {
        doc.execute(new Edits.AddRack(new io.tokenrack.engine.design.RackInstance("rack-2", "Rack A2", "rack-42u-air", List.of())));
        doc.execute(new Edits.MoveItems(List.of(new Edits.Move("dgx-1", "rack-2", 5), new Edits.Move("dgx-2", "rack-1", 34))));
        assertEquals(5, PlacementRules.findPlacement(doc.design(), "dgx-1").orElseThrow().positionU());
        assertEquals("rack-2", PlacementRules.rackOf(doc.design(), "dgx-1").orElseThrow().id());
        assertEquals(34, PlacementRules.findPlacement(doc.design(), "dgx-2").orElseThrow().positionU());
    }

    @Test
    void freshIdsDoNotCollide() {
        assertEquals("dgx-5", Edits.freshId(doc.design(), "dgx"));
        assertEquals("rack-2", Edits.freshId(doc.design(), "rack"));
    }
}
