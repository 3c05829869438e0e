package io.tokenrack.app.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Fixtures;
import io.tokenrack.app.document.DesignDocument;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The workload bar's commands, without a window. */
class WorkloadModelTest {
    private final DesignDocument doc = new DesignDocument(Fixtures.exampleState(), null);
    private final WorkloadModel model = new WorkloadModel(doc, Fixtures.catalog());

    @ParameterizedTest(name = "input \"{0}\"")
    @CsvSource(delimiter = '|', textBlock = """
            abc      | Input tokens: enter a whole number from 1 to 10000000 tok (was "abc").
            0        | Input tokens: must be between 1 and 10000000 tok (was 0).
            -5       | Input tokens: must be between 1 and 10000000 tok (was -5).
            20000000 | Input tokens: must be between 1 and 10000000 tok (was 20000000).
            ''       | Input tokens: enter a whole number from 1 to 10000000 tok.
            """)
    void badLengthsAreRefusedWithTheField(String text, String message) {
        assertFalse(model.setInputTokens(text));
        assertEquals(message, model.errorProperty().get());
        assertFalse(doc.canUndoProperty().get());
    }

    @Test
    void eachAcceptedFieldIsOneUndoableEdit() {
        assertTrue(model.setInputTokens("2,048"));
        assertTrue(model.setOutputTokens("256"));
        assertTrue(model.setPrecision(Precision.BF16));
        assertEquals(2048, doc.design().workload().inputTokens());
        assertEquals(256, doc.design().workload().outputTokens());
        assertEquals("", model.errorProperty().get());
        assertEquals("Undo change precision", doc.undoTextProperty().get());
        doc.undo();
        assertEquals(Precision.FP8, model.workload().precision(), "the model follows the document");
    }

    @Test
    void concurrencyIsANumberOrMax() {
        assertTrue(model.setConcurrency("64"));
        assertEquals(64, model.workload().concurrency());
        assertTrue(model.setConcurrency("max"));
        assertNull(model.workload().concurrency());
        assertFalse(model.setConcurrency("many"));
    }

    @Test
    void latencyLimitsAreOptional() {
        assertTrue(model.setTtftLimitMs("2000"));
        assertTrue(model.setTpotLimitMs("50"));
        assertEquals(2000.0, model.workload().ttftLimitMs());
        assertTrue(model.setTtftLimitMs(""));
        assertNull(model.workload().ttftLimitMs());
        assertFalse(model.setTpotLimitMs("-1"));
    }

    @Test
    void parallelismIsAutoOrManual() {
        assertTrue(model.setParallelism("4", "1", "", "2"));
        assertEquals(new Parallelism(4, 1, null, 2), model.workload().parallelism());
        assertFalse(model.setParallelism("x", "", "", ""));
        assertTrue(model.errorProperty().get().startsWith("TP"));
        assertTrue(model.setParallelismAuto());
        assertTrue(model.workload().parallelism().isAuto());
    }

    @Test
    void assumptionsAreCheckedAgainstTheirRanges() {
        assertTrue(model.setUtilizationPercent("50 %"));
        assertEquals(0.5, doc.assumptions().utilization(), 1e-12);
        assertFalse(model.setUtilizationPercent("150"));
        assertEquals("Utilization: must be between 1 and 100 % (was 150).", model.errorProperty().get());
        assertTrue(model.setElectricityUsdPerKwh("$0.12"));
        assertEquals(0.12, doc.assumptions().electricityUsdPerKwh(), 1e-12);
        assertTrue(model.setAmortizationYears("4"));
        assertEquals(4, doc.assumptions().amortizationYears(), 1e-12);
    }

    @Test
    void aDesignWithoutWorkloadStartsFromTheDefault() {
        doc.replace(doc.state().withDesign(doc.design().withWorkload(null)), null);
        assertEquals(Fixtures.catalog().models().getFirst().id(), model.workload().modelId());
        assertTrue(model.setModel("llama-3.1-8b"));
        assertEquals("llama-3.1-8b", doc.design().workload().modelId());
        assertFalse(model.setModel("nope"));
    }

    @Test
    void draftModelsOfferedAreTheSmallerCatalogModelsTheEngineAcceptsAsDrafts() {
        // the real catalog (the fixture holds one model): the example design's workload is Llama-3.1-70B
        DesignDocument doc = new DesignDocument(new io.tokenrack.app.document.DocState(Fixtures.exampleDesign(),
                io.tokenrack.engine.evaluate.Assumptions.defaults(io.tokenrack.app.Presets.catalog().facility())), null);
        WorkloadModel model = new WorkloadModel(doc, io.tokenrack.app.Presets.catalog());
        // Llama-3.1-70B: Llama-3.1-8B shares its tokenizer (128,256 tokens) and is smaller; Llama-3.3-70B shares it but is not
        // smaller; Mistral-7B is smaller but has another tokenizer
        java.util.List<String> forLlama = model.speculativeChoices("llama-3.1-70b");
        assertEquals(WorkloadModel.SPECULATIVE_CHOICES, forLlama.subList(0, WorkloadModel.SPECULATIVE_CHOICES.size()));
        assertEquals(java.util.List.of("draft:llama-3.1-8b:1", "draft:llama-3.1-8b:2", "draft:llama-3.1-8b:3", "draft:llama-3.1-8b:4"),
                forLlama.subList(WorkloadModel.SPECULATIVE_CHOICES.size(), forLlama.size()));
        // Llama-3.1-405B: the three smaller Llama-3 models
        assertTrue(model.speculativeChoices("llama-3.1-405b").containsAll(java.util.List.of("draft:llama-3.1-8b:1", "draft:llama-3.1-70b:2",
                "draft:llama-3.3-70b:4")));
        // DeepSeek-R1: no other catalog model has its tokenizer, so no draft model is offered
        assertEquals(WorkloadModel.SPECULATIVE_CHOICES, model.speculativeChoices("deepseek-r1"));
        // every offered draft is accepted by the engine for the open design and model; one of another tokenizer is refused
        for (String word : forLlama) {
            assertTrue(model.refusal(WorkloadField.SPECULATIVE, word).isEmpty() || word.startsWith("mtp"), word);
        }
        assertTrue(model.refusal(WorkloadField.SPECULATIVE, "draft:mistral-7b:2").orElseThrow().contains("tokenizer"));
        assertTrue(model.setSpeculative("draft:llama-3.1-8b:3"));
        assertEquals("draft:llama-3.1-8b:3", doc.design().workload().speculative());
        assertFalse(model.setSpeculative("draft:mistral-7b:2"));
        assertTrue(model.errorProperty().get().contains("tokenizer"), model.errorProperty().get());
        assertEquals("draft:llama-3.1-8b:3", doc.design().workload().speculative(), "a refused choice is not stored");
    }
}
