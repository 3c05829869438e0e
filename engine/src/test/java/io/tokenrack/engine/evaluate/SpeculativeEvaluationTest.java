package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.perf.SpeculativeMethod;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Speculative decoding through the evaluator: what auto chooses, by mechanism, and what it refuses. */
class SpeculativeEvaluationTest {
    static final Catalog BASE = CatalogLoader.loadDefault();

    /** Llama-3.1-8B as if it shipped one MTP module with DeepSeek-R1's published acceptance (a test double). */
    static final ModelSpec LLAMA_MTP;

    static {
        ModelSpec m = BASE.model("llama-3.1-8b");
        LLAMA_MTP = new ModelSpec("llama-3.1-8b-mtp", m.name() + " with an MTP module (test)", m.layers(), m.hiddenSize(), m.attentionHeads(),
                m.kvHeads(), m.headDim(), m.ffnSize(), m.vocabSize(), m.maxContextTokens(), m.tiedEmbeddings(), m.moe(), m.mla(),
                m.slidingWindow(), m.totalParamsB(), m.activeParamsB(), m.releasedPrecision(), null, List.of("test double"),
                new ModelSpec.Mtp(1, List.of(1.92, 2.58, 2.82, 2.99, 3.01), "TensorRT-LLM DeepSeek-R1 MTP table"));
    }

    static final Catalog CATALOG = BASE.with(LLAMA_MTP);
    static final Evaluator EVALUATOR = new Evaluator(CATALOG);
    static final Assumptions A = Assumptions.defaults(CATALOG.facility());

    private static Evaluation.Ok ok(String acc, int n, Workload w, SpeculationRequest s) {
        Evaluation e = EVALUATOR.evaluate(EVALUATOR.clusters().standard(acc, n), w, A, Batching.CONTINUOUS, s);
        return assertInstanceOf(Evaluation.Ok.class, e, e.message());
    }

    private static Workload w(String model, Precision p, int isl, int osl, Integer concurrency) {
        return new Workload(model, p, null, isl, osl, concurrency, null, null, null, Parallelism.AUTO);
    }

    @Test
    void speculationNeverSlowsASingleUserWhenDraftsAreAcceptedAndCheap() {
        // At batch 1 decode reads every weight for one token: verifying k + 1 tokens costs little more,
        // and a one-layer draft is a small fraction of the model, so AL > 1 must win or tie.
        record Case(String acc, int n, String model, Precision p, List<String> specs) {}
        List<Case> cases = List.of(
                new Case("b200", 8, "deepseek-r1", Precision.FP4, List.of("mtp:1", "mtp:2", "mtp:3", "mtp:4", "eagle:1", "eagle:3")),
                new Case("h200-sxm", 8, "deepseek-r1", Precision.FP8, List.of("mtp:1", "mtp:3")),
                new Case("h100-sxm", 8, "llama-3.1-70b", Precision.FP8, List.of("eagle:1", "eagle:2", "eagle:4")),
                new Case("mi300x", 8, "llama-3.1-405b", Precision.FP8, List.of("eagle:1", "eagle:3")),
                new Case("b200", 4, "qwen3-235b-a22b", Precision.FP4, List.of("eagle:2")));
        for (Case c : cases) {
            Workload one = w(c.model(), c.p(), 1024, 1024, 1);
            double off = ok(c.acc(), c.n(), one, SpeculationRequest.OFF).throughput().tokensPerSecondPerUser();
            for (String s : c.specs()) {
                Evaluation.Ok e = ok(c.acc(), c.n(), one, SpeculationRequest.parse(s));
                assertTrue(e.plan().speculation().acceptanceLength() > 1);
                assertTrue(e.throughput().tokensPerSecondPerUser() >= off,
                        c + " " + s + ": " + e.throughput().tokensPerSecondPerUser() + " < " + off + " tokens/s per user without");
            }
        }
    }

    @Test
    void autoSpeculatesForOneUserAndReportsTheChoice() {
        Evaluation.Ok auto = ok("b200", 8, w("deepseek-r1", Precision.FP4, 1024, 2048, 1), SpeculationRequest.AUTO);
        Evaluation.Ok off = ok("b200", 8, w("deepseek-r1", Precision.FP4, 1024, 2048, 1), SpeculationRequest.OFF);
        var s = auto.plan().speculation();
        // auto weighs the model's MTP module and an EAGLE head (the generic curve): either, never off
        assertTrue(s.method() == SpeculativeMethod.MTP || s.method() == SpeculativeMethod.EAGLE, s.label());
        assertTrue(s.draftTokens() >= 2, "deeper drafts pay at batch 1: " + s.label());
        assertTrue(auto.throughput().tokensPerSecondPerUser() > 1.5 * off.throughput().tokensPerSecondPerUser());
        assertEquals(SpeculativeMethod.OFF, off.plan().speculation().method());
        assertTrue(auto.provenance().stream().anyMatch(p -> p.label().equals("acceptance length")
                        && p.source().contains(s.method() == SpeculativeMethod.MTP ? "TensorRT-LLM" : "InferenceX")),
                "the acceptance length says where it comes from");
        assertTrue(off.provenance().stream().noneMatch(p -> p.label().equals("acceptance length")));
        // auto is the best of what it tries
        for (int k = 1; k <= SpeculationRequest.AUTO_MAX_DRAFT_TOKENS; k++) {
            Evaluation.Ok fixed = ok("b200", 8, w("deepseek-r1", Precision.FP4, 1024, 2048, 1), SpeculationRequest.parse("mtp:" + k));
            assertTrue(auto.throughput().outputTokensPerSecond() >= fixed.throughput().outputTokensPerSecond() * (1 - 1e-9), "mtp:" + k);
        }
    }

    @Test
    void autoTurnsSpeculationOffWhenALargeBatchIsComputeBound() {
        // Very short requests in bf16 on one A100: the batch is as large as the engine schedules, the KV
        // caches are tiny and the step waits on the math, with little fixed overhead to spread. Verifying
        // k + 1 tokens per sequence then costs about k + 1 times as much while emitting AL < k + 1 tokens:
        // speculation loses. (With longer contexts the KV reads, read once for all k + 1 tokens, are
        // memory-bound work that speculation does share, and it can win even at the largest batch.)
        Workload max = w("llama-3.1-8b-mtp", Precision.BF16, 8, 8, null);
        Evaluation.Ok off = ok("a100-sxm", 1, max, SpeculationRequest.OFF);
        PhaseBreakdown decode = off.phases().stream().filter(p -> p.phase() == Phase.DECODE).findFirst().orElseThrow();
        assertEquals(io.tokenrack.engine.perf.Bound.COMPUTE, decode.bound(), "the premise: compute-bound decode");
        Evaluation.Ok auto = ok("a100-sxm", 1, max, SpeculationRequest.AUTO);
        assertEquals(SpeculativeMethod.OFF, auto.plan().speculation().method(), auto.plan().speculation().label());
        for (int k = 1; k <= SpeculationRequest.AUTO_MAX_DRAFT_TOKENS; k++) {
            Evaluation.Ok mtp = ok("a100-sxm", 1, max, SpeculationRequest.parse("mtp:" + k));
            assertTrue(mtp.throughput().outputTokensPerSecond() < off.throughput().outputTokensPerSecond(), "mtp:" + k + " loses there");
        }
        // ... while the same model for one user speculates
        Evaluation.Ok single = ok("a100-sxm", 1, max.withConcurrency(1), SpeculationRequest.AUTO);
        assertNotEquals(SpeculativeMethod.OFF, single.plan().speculation().method());
    }

    @Test
    void anAcceptanceLengthOverrideReplacesTheCurve() {
        Workload one = w("deepseek-r1", Precision.FP4, 1024, 2048, 1);
        Evaluation.Ok e = ok("b200", 8, one, SpeculationRequest.parse("mtp:3").withAcceptanceLength(3.5));
        assertEquals(3.5, e.plan().speculation().acceptanceLength());
        assertTrue(e.provenance().stream().anyMatch(p -> p.label().equals("acceptance length") && p.kind() == Provenance.Kind.ASSUMPTION),
                "the user's figure is marked as such");
        Evaluation.Ok published = ok("b200", 8, one, SpeculationRequest.parse("mtp:3"));
        // the same verify step emits more tokens: tokens/s per user scale with AL, a little less as the
        // step then carries more prefill to keep the batch full
        double ratio = e.throughput().tokensPerSecondPerUser() / published.throughput().tokensPerSecondPerUser();
        double alRatio = 3.5 / published.plan().speculation().acceptanceLength();
        assertTrue(ratio <= alRatio + 1e-9 && ratio > 0.97 * alRatio, ratio + " vs " + alRatio);
    }

    @Test
    void whatAModelCannotRunIsAnInvalidInput() {
        Workload one = w("llama-3.1-70b", Precision.FP8, 1024, 1024, 1);
        Evaluation mtp = EVALUATOR.evaluate(EVALUATOR.clusters().standard("h100-sxm", 8), one, A, Batching.CONTINUOUS,
                SpeculationRequest.parse("mtp:2"));
        assertEquals(Evaluation.Status.INVALID, mtp.status());
        assertTrue(mtp.message().contains("ships no MTP modules"), mtp.message());
        Evaluation vocab = EVALUATOR.evaluate(EVALUATOR.clusters().standard("h100-sxm", 8), one, A, Batching.CONTINUOUS,
                SpeculationRequest.parse("draft:qwen3-32b:3"));
        assertEquals(Evaluation.Status.INVALID, vocab.status());
        assertTrue(vocab.message().contains("vocabulary"), vocab.message());
        // the same 32,000 tokens, another tokenizer: Mistral-7B cannot draft for Llama-2-70B, but can for Mixtral-8x7B (same tokenizer)
        Evaluation otherTokenizer = EVALUATOR.evaluate(EVALUATOR.clusters().standard("h100-sxm", 8), w("llama-2-70b", Precision.FP8, 1024, 1024, 1),
                A, Batching.CONTINUOUS, SpeculationRequest.parse("draft:mistral-7b:3"));
        assertEquals(Evaluation.Status.INVALID, otherTokenizer.status());
        assertTrue(otherTokenizer.message().contains("its tokenizer (mistral-v1") && otherTokenizer.message().contains("llama-2"),
                otherTokenizer.message());
        Evaluation sameTokenizer = EVALUATOR.evaluate(EVALUATOR.clusters().standard("h100-sxm", 8), w("mixtral-8x7b", Precision.FP8, 1024, 1024, 1),
                A, Batching.CONTINUOUS, SpeculationRequest.parse("draft:mistral-7b:3"));
        assertInstanceOf(Evaluation.Ok.class, sameTokenizer, sameTokenizer.message());
        Evaluation draft = EVALUATOR.evaluate(EVALUATOR.clusters().standard("h100-sxm", 8), one, A, Batching.CONTINUOUS,
                SpeculationRequest.parse("draft:llama-3.1-8b:3"));
        Evaluation.Ok d = assertInstanceOf(Evaluation.Ok.class, draft, draft.message());
        assertEquals("llama-3.1-8b", d.plan().speculation().draftModelId());
        // the draft's weights and KV take memory: fewer requests fit
        Workload max = one.withConcurrency(null);
        int plain = ok("h100-sxm", 8, max, SpeculationRequest.OFF).plan().maxConcurrency();
        int withDraft = ok("h100-sxm", 8, max, SpeculationRequest.parse("draft:llama-3.1-8b:3")).plan().maxConcurrency();
        assertTrue(withDraft < plain, withDraft + " vs " + plain);
    }
}
