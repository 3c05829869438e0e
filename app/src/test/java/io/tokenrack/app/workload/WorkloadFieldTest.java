package io.tokenrack.app.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Fixtures;
import io.tokenrack.app.canvas.CanvasModel;
import io.tokenrack.app.canvas.DesignCheckFindings;
import io.tokenrack.app.document.DesignDocument;
import io.tokenrack.app.document.PlacementRules;
import io.tokenrack.app.inspector.InspectorMetadata;
import io.tokenrack.app.inspector.InspectorModel;
import io.tokenrack.app.inspector.MetaItem;
import io.tokenrack.app.results.Results;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/** Each workload field is declared once, and the workload bar and the inspector follow that one declaration. */
class WorkloadFieldTest {
    private final Workload w = new Workload("llama-3.1-8b", Precision.FP4, Precision.FP8, 1024, 256, 32, 500.0, null, null, Parallelism.AUTO);

    @Test
    void eachFieldReadsAndWritesItsOwnPartOfTheWorkload() {
        assertEquals(2048, WorkloadField.INPUT_TOKENS.apply(w, 2048).inputTokens());
        assertEquals(w.withInputTokens(2048), WorkloadField.INPUT_TOKENS.apply(w, 2048), "nothing else changes");
        assertEquals(64, WorkloadField.OUTPUT_TOKENS.apply(w, 64).outputTokens());
        assertNull(WorkloadField.CONCURRENCY.apply(w, null).concurrency(), "none is max");
        assertNull(WorkloadField.TTFT_LIMIT_MS.apply(w, null).ttftLimitMs());
        assertEquals(40.0, WorkloadField.TPOT_LIMIT_MS.apply(w, 40.0).tpotLimitMs());
        assertEquals(new Parallelism(4, null, null, null), WorkloadField.TP.apply(w, 4).parallelism());
        Workload bf16 = WorkloadField.PRECISION.apply(w, Precision.BF16);
        assertEquals(Precision.BF16, bf16.precision());
        assertEquals(Precision.FP8, bf16.kvPrecision(), "the KV cache's own field stays");
        assertNull(WorkloadField.KV_PRECISION.apply(w, null).kvPrecision(), "none is auto");
    }

    @Test
    // Refusals are the engine's InputException, the only kind the bar and the inspector show as a refusal.
    void textIsParsedWithTheFieldsRangeAndWordForNone() {
        assertEquals(2048, WorkloadField.INPUT_TOKENS.parse(" 2,048 "));
        assertNull(WorkloadField.CONCURRENCY.parse("MAX"));
        assertNull(WorkloadField.TTFT_LIMIT_MS.parse(""));
        assertNull(WorkloadField.TTFT_LIMIT_MS.parse("none"));
        assertEquals("max", WorkloadField.CONCURRENCY.format(w.withConcurrency(null)));
        assertEquals("500", WorkloadField.TTFT_LIMIT_MS.format(w));
        assertEquals("", WorkloadField.TPOT_LIMIT_MS.format(w));
        assertEquals("Concurrency: must be between 1 and 1000000000 req (was 0).",
                assertThrows(InputException.class, () -> WorkloadField.CONCURRENCY.parse("0")).getMessage());
        assertEquals("TTFT limit: enter a number from 0.001 to 10000000 ms, or nothing (was \"soon\").",
                assertThrows(InputException.class, () -> WorkloadField.TTFT_LIMIT_MS.parse("soon")).getMessage());
        assertThrows(InputException.class, () -> WorkloadField.OUTPUT_TOKENS.apply(w, null), "a length is required");
        assertThrows(InputException.class, () -> WorkloadField.TP.apply(w, 5000));
        assertTrue(assertThrows(InputException.class, () -> WorkloadField.PRECISION.parse("fp7")).getMessage().startsWith("Precision: "));
    }

    @Test
    void theBarAndTheInspectorRefuseAndAcceptTheSameValues() {
        DesignDocument doc = new DesignDocument(Fixtures.exampleState(), null);
        WorkloadModel bar = new WorkloadModel(doc, Fixtures.catalog());
        PlacementRules rules = new PlacementRules(Fixtures.catalog());
        CanvasModel canvas = new CanvasModel(doc, rules, new DesignCheckFindings(Fixtures.catalog()), new SimpleObjectProperty<Results>());
        InspectorModel inspector = new InspectorModel(doc, canvas, new InspectorMetadata(Fixtures.catalog(), rules));
        for (WorkloadField<?> f : WorkloadField.ALL) {
            if (f.min() == null) {
                continue;
            }
            MetaItem<?> item = inspector.item(f.key());
            assertEquals(f.unit(), item.meta().unit(), f.key());
            assertTrue(item.meta().help().contains(WorkloadField.fmt(f.max())), f.key() + ": the inspector states the field's range");
            String tooBig = WorkloadField.fmt(f.max() + 1);
            assertFalse(bar.setText(f, tooBig), f.key());
            String barSays = bar.errorProperty().get();
            assertFalse(item.commitText(tooBig), f.key());
            assertEquals(barSays, inspector.errorProperty().get(), f.key() + ": the same sentence in both views");
        }
        assertTrue(bar.setText(WorkloadField.OUTPUT_TOKENS, "300"));
        assertEquals(300, doc.design().workload().outputTokens());
        assertTrue(inspector.item(WorkloadField.OUTPUT_TOKENS.key()).commitText("400"));
        assertEquals(400, doc.design().workload().outputTokens());
    }

    @Test
    void thePrefixHitRateIsEditedInPercentAndStoredAsAShare() {
        Workload hot = WorkloadField.PREFIX_HIT.apply(w, WorkloadField.PREFIX_HIT.parse("90"));
        assertEquals(0.9, hot.prefixHitRate(), 1e-12);
        assertEquals(w.withPrefixHitRate(hot.prefixHitRate()), hot, "nothing else changes");
        assertEquals(90.0, WorkloadField.PREFIX_HIT.read().apply(hot), 1e-9);
        assertNull(WorkloadField.PREFIX_HIT.apply(hot, WorkloadField.PREFIX_HIT.parse("")).prefixHitRate(), "empty is no prefix cache");
        assertEquals("Prefix cache hit: must be between 0 and 99 % (was 100).",
                assertThrows(InputException.class, () -> WorkloadField.PREFIX_HIT.apply(w, 100.0)).getMessage());
        assertThrows(InputException.class, () -> WorkloadField.PREFIX_HIT.apply(w, -1.0));

        DesignDocument doc = new DesignDocument(Fixtures.exampleState(), null);
        PlacementRules rules = new PlacementRules(Fixtures.catalog());
        CanvasModel canvas = new CanvasModel(doc, rules, new DesignCheckFindings(Fixtures.catalog()), new SimpleObjectProperty<Results>());
        InspectorModel inspector = new InspectorModel(doc, canvas, new InspectorMetadata(Fixtures.catalog(), rules));
        assertTrue(inspector.item(WorkloadField.PREFIX_HIT.key()).commitText("85"));
        assertEquals(0.85, doc.design().workload().prefixHitRate(), 1e-12);
    }
}
