package io.tokenrack.engine.perf;

/**
 * Steady state of one model replica serving {@code concurrency} requests at once.
 *
 * @param concurrency             requests in flight in the replica (served; any beyond memory wait in a queue)
 * @param queuedRequests          requests beyond what memory holds, waiting for a slot
 * @param outputTokensPerSecond   generated tokens per second of the replica
 * @param inputTokensPerSecond    prompt tokens per second of the replica
 * @param ttftSeconds             mean time to first token
 * @param tpotSeconds             mean time per output token (inter-token latency)
 * @param step                    one steady-state step (decodes plus the prefill chunk that keeps up)
 * @param decodeOnly              the same step without prefill work (for the decode "why" and cost split)
 * @param prefillOnly             a step that prefills one prompt alone (for the prefill "why")
 */
public record ServingPoint(
        double concurrency,
        double queuedRequests,
        double outputTokensPerSecond,
        double inputTokensPerSecond,
        double ttftSeconds,
        double tpotSeconds,
        StepTime step,
        StepTime decodeOnly,
        StepTime prefillOnly) {

    /**
     * Output tokens each user receives per second: the replica's output rate shared by the requests
     * it serves. Under continuous batching that is 1/TPOT (every sequence gains a token per step);
     * under static batching it is O / (prefill + (O − 1)·TPOT), since each user also waits for the
     * whole batch's prefill, so it is never above the total rate of a batch of one.
     */
    public double tokensPerSecondPerUser() {
        return outputTokensPerSecond / concurrency;
    }

    /** Share of accelerator time that serves prompts (the rest generates tokens). */
    public double prefillShare() {
        return step.seconds() > 0 ? Math.max(0, 1 - decodeOnly.seconds() / step.seconds()) : 0;
    }
}
