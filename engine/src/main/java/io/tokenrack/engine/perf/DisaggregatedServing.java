package io.tokenrack.engine.perf;

/**
 * Disaggregated serving (xPyD): a prefill pool of {@code P} replicas that only prefill and a decode
 * pool of {@code D} replicas that only decode, the KV cache of every prompt moved from one to the
 * other (docs/model.md, "Disaggregated prefill and decode").
 *
 * <p>Rate matching: the design serves R = min(prefill pool rate, decode pool rate) requests per
 * second. The prefill pool runs steps of its own token budget; one replica prefills
 * dp·B / t_p(B) tokens per second, so the pool serves P·dp·B / (t_p(B)·I_u) requests per second
 * (I_u the uncached prompt tokens). With N requests in flight the decode replicas hold N/D each (up
 * to what memory holds) and run pure decode steps, without prefill chunks:
 * <pre>
 *   TPOT = pp · t_d(c)            decode pool rate = D · c / (TPOT · O)
 *   TTFT = queue + prefill + KV transfer
 * </pre>
 * When the prefill pool is the slower one, the decode batch shrinks until its rate matches, and the
 * requests beyond wait for prefill (Little's law: queue = waiting / R). The first token is sampled by
 * the prefill pool, so TTFT has no half decode step.
 *
 * <p>Speculative decoding on the decode pool ({@link Speculation}, k draft tokens, acceptance length
 * AL): each decode step verifies k + 1 tokens per sequence and runs the draft's k passes, exactly as
 * an aggregated step without its prefill chunks; each sequence gains AL tokens a step, so
 * TPOT = pp · t_d,spec(c) / AL. The draft's weights and KV cache take room from the decode pool's
 * KV cache; the prefill pool does not draft.
 *
 * <p>Immutable; built once per split and called many times while an operating point is searched.
 */
public final class DisaggregatedServing {
    private final StepModel prefill;
    private final int prefillReplicas;
    private final StepModel decode;
    private final int decodeReplicas;
    private final double inputTokens;
    private final double outputTokens;
    private final double cachedTokens;
    private final double uncachedTokens;
    private final double kvTransferSeconds;
    private final int maxPerDecodeReplica;
    private final boolean prefillFits;
    /** Prefill tokens per rank per step at full load: the token budget. */
    private final double budget;
    private final StepTime fullPrefillStep;
    private final double prefillRequestsPerSecond;
    private final Speculation speculation;
    /** The decode pool's draft; null without speculation. */
    private final Drafter drafter;
    /** What moves part of each decode step elsewhere (attention–FFN disaggregation); null for none. */
    private final DecodeOffload offload;

    /**
     * The decode step of a decode pool that sends part of its work to another pool (the FFN layers
     * of attention–FFN disaggregation, {@link AfdOffload}): its time, given the plain step.
     */
    @FunctionalInterface
    public interface DecodeOffload {
        /** Seconds of one decode step of {@code replicas} replicas holding {@code perReplica} sequences each, whose plain step is {@code plain}. */
        double stepSeconds(StepTime plain, double perReplica, int replicas);
    }

    /**
     * @param prefixHitRate      share of each prompt found in the prefix cache, in [0, 1)
     * @param kvTransferSeconds  time to move one request's KV cache from its prefill to its decode replica
     */
    public DisaggregatedServing(StepModel prefill, int prefillReplicas, StepModel decode, int decodeReplicas, ModelConstants k,
                                int inputTokens, int outputTokens, double prefixHitRate, double kvTransferSeconds) {
        this(prefill, prefillReplicas, decode, decodeReplicas, k, inputTokens, outputTokens, prefixHitRate, kvTransferSeconds,
                Speculation.OFF, null);
    }

    /**
     * As above, the decode pool running speculative decoding.
     *
     * @param speculation the decode pool's speculative decoding ({@link Speculation#OFF} for none)
     * @param drafter     its draft's cost and memory on a decode replica; null exactly when speculation is off
     */
    public DisaggregatedServing(StepModel prefill, int prefillReplicas, StepModel decode, int decodeReplicas, ModelConstants k,
                                int inputTokens, int outputTokens, double prefixHitRate, double kvTransferSeconds,
                                Speculation speculation, Drafter drafter) {
        this(prefill, prefillReplicas, decode, decodeReplicas, k, inputTokens, outputTokens, prefixHitRate, kvTransferSeconds, speculation,
                drafter, null);
    }

    /**
     * As above, the decode pool's step shortened by {@code offload} (attention–FFN disaggregation of
     * the decode pool; null for none). The power of the decode pool's own accelerators still follows
     * the plain step ({@link Point#decodeStep()}).
     */
    public DisaggregatedServing(StepModel prefill, int prefillReplicas, StepModel decode, int decodeReplicas, ModelConstants k,
                                int inputTokens, int outputTokens, double prefixHitRate, double kvTransferSeconds,
                                Speculation speculation, Drafter drafter, DecodeOffload offload) {
        this.offload = offload;
        if (speculation == null || speculation.isOff() != (drafter == null)) {
            throw new IllegalArgumentException("a drafter goes with speculation, and only with it");
        }
        if (prefillReplicas < 1 || decodeReplicas < 1) {
            throw new IllegalArgumentException("each pool needs a replica: prefill " + prefillReplicas + ", decode " + decodeReplicas);
        }
        if (!(prefixHitRate >= 0 && prefixHitRate < 1)) {
            throw new IllegalArgumentException("prefix hit rate must be in [0, 1), was " + prefixHitRate);
        }
        if (!(kvTransferSeconds >= 0)) {
            throw new IllegalArgumentException("KV transfer time must be zero or more, was " + kvTransferSeconds);
        }
        this.prefill = prefill;
        this.prefillReplicas = prefillReplicas;
        this.decode = decode;
        this.decodeReplicas = decodeReplicas;
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
        this.cachedTokens = prefixHitRate * inputTokens;
        this.uncachedTokens = inputTokens - cachedTokens;
        this.kvTransferSeconds = kvTransferSeconds;
        this.speculation = speculation;
        this.drafter = drafter;
        double held = inputTokens + k.outputResidency() * outputTokens;
        this.maxPerDecodeReplica = (drafter == null ? decode.maxSequencesPerRank(held)
                : decode.maxSequencesPerRank(held, drafter.weightBytesPerAccelerator(), drafter.kvBytesPerSequencePerAccelerator(held)))
                * decode.dp();
        // A prefill rank holds the KV of the prompts it is working on until they are sent.
        this.prefillFits = prefill.maxSequencesPerRank(inputTokens) >= 1;
        this.budget = k.maxTokensPerStep();
        this.fullPrefillStep = prefill.stage(0, 0, budget, inputTokens, cachedTokens);
        this.prefillRequestsPerSecond = prefillReplicas * prefill.dp() * budget / fullPrefillStep.seconds() / uncachedTokens;
    }

    /** Whether both pools hold their weights and at least one request's KV cache. */
    public boolean fits() {
        return prefillFits && maxPerDecodeReplica >= 1;
    }

    /** Requests the decode pool holds at once. */
    public int maxConcurrency() {
        return (int) Math.min(Integer.MAX_VALUE, (long) maxPerDecodeReplica * decodeReplicas);
    }

    /** The most requests per second the prefill pool can prefill. */
    public double prefillRequestsPerSecond() {
        return prefillRequestsPerSecond;
    }

    public StepModel prefillStepModel() {
        return prefill;
    }

    public StepModel decodeStepModel() {
        return decode;
    }

    public int prefillReplicas() {
        return prefillReplicas;
    }

    public int decodeReplicas() {
        return decodeReplicas;
    }

    public double kvTransferSeconds() {
        return kvTransferSeconds;
    }

    /** The decode pool's speculative decoding ({@link Speculation#OFF} for none). */
    public Speculation speculation() {
        return speculation;
    }

    /** Decode-pool requests per second with {@code perReplica} sequences on each decode replica. */
    public double decodeRequestsPerSecond(double perReplica) {
        return decodeReplicas * perReplica / tpot(perReplica) / outputTokens;
    }

    private StepTime decodeStep(double perReplica) {
        return decodeStep(decode, speculation, drafter, perReplica, inputTokens, outputTokens, cachedTokens);
    }

    private double tpot(double perReplica) {
        return tpot(decodeStep(perReplica), perReplica);
    }

    private double tpot(StepTime plain, double perReplica) {
        double seconds = offload == null ? plain.seconds() : offload.stepSeconds(plain, perReplica, decodeReplicas);
        return decode.pp() * seconds / speculation.acceptanceLength();
    }

    /**
     * One pure decode step of a decode replica holding {@code perReplica} sequences (split over its dp
     * ranks and pp micro-batches): verify k + 1 tokens per sequence and the draft's k passes when
     * speculating, one token per sequence otherwise. TPOT is pp times this over AL.
     */
    public static StepTime decodeStep(StepModel decode, Speculation s, Drafter d, double perReplica, double inputTokens,
                                      double outputTokens, double cachedTokens) {
        double micro = perReplica / decode.dp() / decode.pp();
        double context = inputTokens + outputTokens / 2;
        if (s.isOff()) {
            return decode.stage(micro, context, 0, inputTokens, cachedTokens);
        }
        StepTime verify = decode.stage(micro, s.queriesPerSequence(), context, 0, inputTokens, cachedTokens);
        return micro == 0 ? verify : verify.plus(d.passes(s.draftTokens(), micro, context), 1);
    }

    /**
     * The decode batch per replica, at most {@code upper}, whose rate is {@code rate} requests per
     * second: the root of D·c / (O·TPOT(c)) − R, which rises with c, by regula falsi with the
     * Illinois step (a few steps to 0.01% of the rate).
     */
    private double matchingBatch(double rate, double upper) {
        double a = Math.min(1e-3, upper / 2);
        double fa = decodeRequestsPerSecond(a) - rate;
        double b = upper;
        double fb = decodeRequestsPerSecond(b) - rate;
        if (fa >= 0) {
            return a;
        }
        double c = b;
        for (int i = 0; i < 40 && Math.abs(fb) > 1e-4 * rate; i++) {
            c = b - fb * (b - a) / (fb - fa);
            double fc = decodeRequestsPerSecond(c) - rate;
            if (fc * fb < 0) {
                a = b;
                fa = fb;
            } else {
                fa /= 2;
            }
            b = c;
            fb = fc;
        }
        return b;
    }

    /**
     * The steady state with {@code concurrency} requests in flight across both pools.
     *
     * @throws IllegalStateException when a pool cannot hold the model (see {@link #fits()})
     */
    public Point at(double concurrency) {
        return at(concurrency, false);
    }

    /**
     * The most the pools serve with no request waiting: the decode pool as full as memory or the
     * prefill pool's rate keeps it, plus the prompts in prefill and in transfer.
     */
    public Point saturated() {
        return at(maxConcurrency(), true);
    }

    private Point at(double concurrency, boolean noQueue) {
        if (!fits()) {
            throw new IllegalStateException("a pool cannot hold the weights and one request's KV cache");
        }
        double asked = Math.max(concurrency, 1);
        double perReplica = Math.min(asked / decodeReplicas, maxPerDecodeReplica);
        double decodeRate = decodeRequestsPerSecond(perReplica);
        double rate;
        if (decodeRate <= prefillRequestsPerSecond) {
            rate = decodeRate;
        } else {
            // Prefill is the slower pool: the decode batch is what its rate keeps full.
            rate = prefillRequestsPerSecond;
            perReplica = matchingBatch(rate, perReplica);
        }
        double utilization = Math.min(1, rate / prefillRequestsPerSecond);
        // The prefill step carries what arrives, at least one prompt (or one budget's chunk of it).
        double stepTokens = Math.max(Math.min(uncachedTokens, budget), utilization * budget);
        StepTime prefillStep = prefill.stage(0, 0, stepTokens, inputTokens, cachedTokens);
        double prefillSeconds = Math.ceil(uncachedTokens / stepTokens) * prefill.pp() * prefillStep.seconds();
        StepTime decodeStep = decodeStep(perReplica);
        double tpot = tpot(decodeStep, perReplica);
        double inDecode = perReplica * decodeReplicas;
        double inPrefill = rate * (prefillSeconds + kvTransferSeconds);
        double queued = noQueue ? 0 : Math.max(0, asked - inDecode - inPrefill);
        double ttft = queued / rate + prefillSeconds + kvTransferSeconds;
        return new Point(inDecode, queued, rate * outputTokens, rate * inputTokens, ttft, tpot, utilization, prefillSeconds,
                prefillStep, decodeStep);
    }

    /**
     * One disaggregated operating point, totals over both pools.
     *
     * @param decodeConcurrency     requests decoding across the decode pool
     * @param queuedRequests        requests waiting for prefill (or for room in the decode pool)
     * @param prefillUtilization    share of the prefill pool's capacity in use
     * @param prefillSeconds        one prompt's time in the prefill pool
     * @param prefillStep           one prefill step at this load
     * @param decodeStep            one decode step (no prefill in it)
     */
    public record Point(double decodeConcurrency, double queuedRequests, double outputTokensPerSecond, double inputTokensPerSecond,
                        double ttftSeconds, double tpotSeconds, double prefillUtilization, double prefillSeconds,
                        StepTime prefillStep, StepTime decodeStep) {
        /** Each user's output tokens per second: 1/TPOT under continuous batching (TPOT already divided by AL). */
        public double tokensPerSecondPerUser() {
            return 1 / tpotSeconds;
        }
    }
}
