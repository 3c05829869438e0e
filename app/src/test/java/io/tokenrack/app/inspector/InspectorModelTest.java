package io.tokenrack.app.inspector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Fixtures;
import io.tokenrack.app.canvas.CanvasModel;
import io.tokenrack.app.canvas.DesignCheckFindings;
import io.tokenrack.app.document.DesignDocument;
import io.tokenrack.app.document.PlacementRules;
import io.tokenrack.app.results.Results;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** The metadata-driven inspector, without a window. */
class InspectorModelTest {
    private final DesignDocument doc = new DesignDocument(Fixtures.exampleState(), null);
    private final PlacementRules rules = new PlacementRules(Fixtures.catalog());
    private final CanvasModel canvas = new CanvasModel(doc, rules, new DesignCheckFindings(Fixtures.catalog()), new SimpleObjectProperty<Results>());
    private final InspectorModel model = new InspectorModel(doc, canvas, new InspectorMetadata(Fixtures.catalog(), rules));

    @Test
    void theSubjectFollowsTheSelection() {
        assertInstanceOf(Subject.Design.class, model.subjectProperty().get());
        canvas.select("dgx-1");
        assertInstanceOf(Subject.Item.class, model.subjectProperty().get());
        assertEquals("DGX H100 (dgx-1)", model.titleProperty().get());
        canvas.toggle("dgx-2");
        assertEquals("2 items", model.titleProperty().get());
        assertEquals("16", model.item("sel.units").displayValue());
        canvas.focusRack("rack-1");
        assertInstanceOf(Subject.Rack.class, model.subjectProperty().get());
    }

    @Test
    void everyPropertyHasANameUnitAndHelp() {
        canvas.select("dgx-1");
        List<MetaItem<?>> items = model.items();
        assertTrue(items.size() > 8);
        for (MetaItem<?> i : items) {
            assertFalse(i.getName().isBlank());
            assertFalse(i.getDescription().isBlank(), i.getName());
        }
        assertEquals("Position (U)", model.item("item.position").getName());
        assertEquals("8 × NVIDIA H100 SXM 80GB", model.item("server.accelerators").displayValue());
        assertFalse(model.item("server.power").isEditable(), "datasheet figures are read-only");
    }

    @Test
    void editsAreRangeCheckedThenBecomeCommands() {
        canvas.select("dgx-4");
        assertFalse(model.item("item.position").commitText("0"));
        assertEquals("Position: must be between 1 and 60 U (was 0).", model.errorProperty().get());
        assertFalse(model.item("item.position").commitText("eight"));
        assertTrue(model.errorProperty().get().contains("whole number"));
        assertFalse(model.item("item.position").commitText("36"), "U36–U43 is beyond the 42U rack");
        assertTrue(model.errorProperty().get().contains("beyond the top"));
        assertTrue(model.item("item.position").commitText("34"));
        assertEquals(34, PlacementRules.findPlacement(doc.design(), "dgx-4").orElseThrow().positionU());
        assertEquals("", model.errorProperty().get());
        assertEquals("Undo move item", doc.undoTextProperty().get());
    }

    @Test
    void aRackTypeChangeIsRefusedWhenTheItemsNoLongerFit() {
        canvas.focusRack("rack-1");
        MetaItem<?> type = model.item("rack.type");
        var small = type.meta().choices().stream().filter(c -> c.id().equals("rack-24u-air")).findFirst().orElseThrow();
        assertFalse(model.edit(type, small));
        assertTrue(model.errorProperty().get().startsWith("The items do not fit the new rack type."), model.errorProperty().get());
        assertEquals("rack-42u-air", doc.design().racks().getFirst().rackId());
        var liquid = type.meta().choices().stream().filter(c -> c.id().equals("rack-48u-liquid")).findFirst().orElseThrow();
        assertTrue(model.edit(model.item("rack.type"), liquid), "a liquid rack also cools air-cooled servers");
        assertEquals("rack-48u-liquid", doc.design().racks().getFirst().rackId());
    }

    @Test
    void theWorkloadIsEditableInTheInspector() {
        assertTrue(model.item("workload.output").commitText("512"));
        assertEquals(512, doc.design().workload().outputTokens());
        assertTrue(model.item("workload.concurrency").commitText("0"));
        assertTrue(doc.design().workload().isMaxConcurrency(), "0 means max");
        assertTrue(model.item("assume.utilization").commitText("35"));
        assertEquals(0.35, doc.assumptions().utilization(), 1e-12);
        assertTrue(model.item("design.name").commitText("Renamed"));
        assertEquals("Renamed", doc.design().name());
    }

    @Test
    void theSpeculativeChoiceOffersTheModelsDraftModelsAsTheWorkloadBarDoes() {
        // the real catalog (the fixture holds one model): Llama-3.1-70B may draft with Llama-3.1-8B, DeepSeek-R1 with none
        var catalog = io.tokenrack.app.Presets.catalog();
        InspectorMetadata metadata = new InspectorMetadata(catalog, new PlacementRules(catalog));
        var state = Fixtures.exampleState();
        var llama = new Subject.Design(state.design(), state.design().workload(), state.assumptions());
        var deepseek = new Subject.Design(state.design(), state.design().workload().withModel("deepseek-r1"), state.assumptions());
        List<String> forLlama = speculativeChoices(metadata, llama);
        assertTrue(forLlama.containsAll(List.of("", "off", "eagle:4", "draft:llama-3.1-8b:1", "draft:llama-3.1-8b:4")), forLlama.toString());
        assertFalse(forLlama.stream().anyMatch(w -> w.startsWith("draft:mistral")), forLlama.toString());
        assertFalse(speculativeChoices(metadata, deepseek).stream().anyMatch(w -> w.startsWith("draft:")));
        assertEquals(metadata.of(llama), metadata.of(llama), "the same properties while the model stays (editors are kept)");
    }

    private static List<String> speculativeChoices(InspectorMetadata metadata, Subject.Design s) {
        return metadata.of(s).stream().filter(m -> m.key().equals("workload.speculative")).findFirst().orElseThrow().choices().stream()
                .map(PropertyMeta.Choice::id).toList();
    }
}
