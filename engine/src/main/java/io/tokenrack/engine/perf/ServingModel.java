package io.tokenrack.engine.perf;

/**
 * Closed-loop serving of one replica with continuous batching and chunked prefill
 * (docs/model-reference.md §7.1). With C sequences in flight, each step decodes one token for every
 * sequence and prefills, on average, the C·I/O prompt tokens that keep the batch full: requests
 * finish at C/O per step and each needs I prompt tokens. So
 * <pre>
 *   TPOT = t_step(C, C·I/O)        output tokens/s = C / TPOT
 *   TTFT = ceil(I / chunk) · t_step(C, chunk) + TPOT / 2
 * </pre>
 * With pipeline parallelism the batch is split into pp micro-batches that keep every stage busy:
 * a token round takes pp stage times. Memory holds as many sequences as fit at I + r·O tokens
 * (r = {@link ModelConstants#outputResidency()}). Requests beyond that wait in a queue: they add to TTFT (Little's law), not
 * to throughput.
 *
 * <p>Prefix caching: a share h of every prompt is found in the prefix cache, so only (1 − h)·I
 * tokens are prefilled; those attend to the whole context, cached prefix included, and each
 * sequence still holds the KV of all I + O tokens. Input tokens/s stays the full I per request.
 *
 * <p>Speculative decoding ({@link Speculation}, k draft tokens, acceptance length AL): a step
 * verifies k + 1 tokens per sequence and runs the draft's k passes; each sequence gains AL tokens,
 * so TPOT = t_step / AL, requests finish AL times as often and the step carries AL times the
 * prefill. The draft's weights and KV cache take memory from the target's KV cache.
 */
public final class ServingModel {
    private final StepModel step;
    private final ModelConstants k;
    private final double inputTokens;
    private final double outputTokens;
    private final int maxSequencesPerReplica;
    private final Batching batching;
    /** Prompt tokens per request found in the prefix cache, h·I. */
    private final double cachedTokens;
    /** Prompt tokens per request that are prefilled, (1 − h)·I. */
    private final double uncachedTokens;
    private final double prefixHitRate;
    private final Speculation speculation;
    /** The draft's cost and memory; null without speculation. */
    private final Drafter drafter;

    public ServingModel(StepModel step, ModelConstants constants, int inputTokens, int outputTokens) {
        this(step, constants, inputTokens, outputTokens, Batching.CONTINUOUS);
    }

    public ServingModel(StepModel step, ModelConstants constants, int inputTokens, int outputTokens, Batching batching) {
        this(step, constants, inputTokens, outputTokens, batching, 0);
    }

    /** @param prefixHitRate share of each prompt found in the prefix cache, in [0, 1) */
    public ServingModel(StepModel step, ModelConstants constants, int inputTokens, int outputTokens, Batching batching,
                        double prefixHitRate) {
        this(step, constants, inputTokens, outputTokens, batching, prefixHitRate, Speculation.OFF, null);
    }

    /**
     * @param speculation the speculative decoding the replica runs ({@link Speculation#OFF} for none)
     * @param drafter     its draft's cost and memory; null exactly when speculation is off
     */
    public ServingModel(StepModel step, ModelConstants constants, int inputTokens, int outputTokens, Batching batching,
                        double prefixHitRate, Speculation speculation, Drafter drafter) {
        if (speculation.isOff() != (drafter == null)) {
            throw new IllegalArgumentException("a drafter goes with speculation, and only with it");
        }
        this.speculation = speculation;
        this.drafter = drafter;
        this.prefixHitRate = prefixHitRate;
        if (!(prefixHitRate >= 0 && prefixHitRate < 1)) {
            throw new IllegalArgumentException("prefix hit rate must be in [0, 1), was " + prefixHitRate);
        }
        this.cachedTokens = prefixHitRate * inputTokens;
        this.uncachedTokens = inputTokens - cachedTokens;
        this.batching = batching;
        this.step = step;
        this.k = constants;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        // Paged KV caches allocate as sequences grow: a sequence holds I + O/2 tokens on average, up to
        // I + O at the end (docs/model-reference.md §6); the constant says which the engine plans for.
        double held = inputTokens + constants.outputResidency() * outputTokens;
        this.maxSequencesPerReplica = (drafter == null ? step.maxSequencesPerRank(held)
                : step.maxSequencesPerRank(held, drafter.weightBytesPerAccelerator(), drafter.kvBytesPerSequencePerAccelerator(held)))
                * step.dp();
    }

    /**
     * Requests a replica holds with every KV cache in the accelerators' own memory: below
     * {@link #maxConcurrency()} only on SRAM chips with KV DRAM beside them (LPX DDR5), where the
     * requests beyond it are read from the slower DRAM and may lower the replica's throughput.
     */
    public int ownMemoryConcurrency() {
        if (step.device().kvDramBytes() <= 0) {
            return maxSequencesPerReplica;
        }
        return Math.min(maxSequencesPerReplica,
                step.maxSequencesPerRankInOwnMemory(inputTokens + k.outputResidency() * outputTokens) * step.dp());
    }

    /** The same replica and workload with another speculative decoding. */
    public ServingModel withSpeculation(Speculation s, Drafter d) {
        return new ServingModel(step, k, (int) inputTokens, (int) outputTokens, batching, prefixHitRate, s, d);
    }

    public Speculation speculation() {
        return speculation;
    }

    /** The draft's cost and memory; null without speculation. */
    public Drafter drafter() {
        return drafter;
    }

    /** One step of {@code micro} decoding sequences on a stage: verify (k + 1 tokens each) and the draft's k passes. */
    private StepTime speculativeStep(double micro, double decodeContext, double prefillTokens) {
        StepTime verify = step.stage(micro, speculation.queriesPerSequence(), decodeContext, prefillTokens, inputTokens, cachedTokens);
        return drafter == null || micro == 0 ? verify
                : verify.plus(drafter.passes(speculation.draftTokens(), micro, decodeContext), 1);
    }

    /** Sequences one replica can hold; 0 when the weights do not fit. */
    public int maxConcurrency() {
        return maxSequencesPerReplica;
    }

    public StepModel stepModel() {
        return step;
    }

    public Batching batching() {
        return batching;
    }

    /** Steady state at {@code concurrency} requests in flight (≥ 1; capped at what memory holds). */
    public ServingPoint at(double concurrency) {
        if (maxSequencesPerReplica < 1) {
            throw new IllegalStateException("the weights do not fit in accelerator memory");
        }
        return batching == Batching.STATIC ? staticBatch(concurrency) : continuous(concurrency);
    }

    private ServingPoint continuous(double concurrency) {
        double served = Math.min(Math.max(concurrency, 1), maxSequencesPerReplica);
        int pp = step.pp();
        double perRank = served / step.dp();
        double micro = perRank / pp;
        double decodeContext = inputTokens + outputTokens / 2;
        double al = speculation.acceptanceLength();
        double prefillPerStep = micro * uncachedTokens * al / outputTokens;

        StepTime mixed = speculativeStep(micro, decodeContext, prefillPerStep);
        StepTime decode = speculativeStep(micro, decodeContext, 0);
        double tpot = pp * mixed.seconds() / al;

        double chunk = Math.min(uncachedTokens, Math.max(k.maxTokensPerStep() - micro * speculation.queriesPerSequence(),
                k.maxTokensPerStep() / 4.0));
        StepTime withPrompt = speculativeStep(micro, decodeContext, chunk);
        double chunks = Math.ceil(uncachedTokens / chunk);
        double ttft = chunks * pp * withPrompt.seconds() + tpot / 2;
        StepTime prefillAlone = step.stage(0, 0, chunk, inputTokens, cachedTokens);

        double outputRate = served / tpot;
        double requestRate = outputRate / outputTokens;
        double queued = Math.max(0, concurrency - served);
        ttft += queued / requestRate;
        return new ServingPoint(served, queued, outputRate, requestRate * inputTokens, ttft, tpot, mixed, decode, prefillAlone);
    }

    /**
     * A static batch of {@code concurrency} requests: all prompts are prefilled in token-budget
     * chunks, then the batch decodes O tokens at a mean context of I + O/2; the first token comes
     * with the prefill. E2E = t_prefill + (O − 1)·TPOT and output tokens/s = B·O / E2E.
     */
    private ServingPoint staticBatch(double concurrency) {
        double served = Math.min(Math.max(concurrency, 1), maxSequencesPerReplica);
        int pp = step.pp();
        double micro = served / step.dp() / pp;
        double promptTokens = micro * uncachedTokens;
        double chunk = Math.min(promptTokens, k.maxTokensPerStep());
        double chunks = Math.ceil(promptTokens / chunk);
        StepTime prefill = step.stage(0, 0, chunk, inputTokens, cachedTokens);
        StepTime decode = speculativeStep(micro, inputTokens + outputTokens / 2, 0);
        double prefillSeconds = chunks * pp * prefill.seconds();
        double al = speculation.acceptanceLength();
        double tpot = pp * decode.seconds() / al;
        double e2e = prefillSeconds + (outputTokens - 1) * tpot;
        // Per stage and per output token, as in the continuous model.
        StepTime average = StepTime.average(prefill, chunks, decode, (outputTokens - 1) / al, outputTokens);
        double outputRate = served * outputTokens / e2e;
        double queued = Math.max(0, concurrency - served);
        double ttft = prefillSeconds + queued / (outputRate / outputTokens);
        return new ServingPoint(served, queued, outputRate, served * inputTokens / e2e, ttft, tpot, average, decode, prefill);
    }
}
