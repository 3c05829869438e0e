package io.tokenrack.engine.validate;

/**
 * One published measurement in the calibration CSV format
 * ({@code id, source_url, model, precision, accelerator, count, tp, dp, ep, isl, osl, mode, limit, metric, value, unit, notes}).
 *
 * @param tp          tensor parallel degree, null (an empty cell) for automatic
 * @param dp          attention data parallel degree, null for automatic
 * @param ep          expert parallel degree, null for automatic
 * @param mode        one of {@link ValidationMode}'s names: "max-throughput", "concurrency" (limit = requests in flight,
 *                    a static batch), "min-tokens-per-second-per-user" (limit = the floor), "latency-limits"
 *                    (limit = {@code TTFT_ms/TPOT_ms}) or "disaggregated" (limit = requests in flight, null for as many as fit)
 * @param limit       the limit as a number (null when empty, and for latency-limits)
 * @param metric      the field of {@code evaluate --json} the row measures, e.g. outputTokensPerSecondPerAccelerator
 * @param ttftLimitMs latency-limits rows: the TTFT limit in ms, else null
 * @param tpotLimitMs latency-limits rows: the TPOT limit in ms, else null
 * @param speculative the speculative decoding the measurement ran ({@code off}, {@code mtp:K}, {@code eagle:K},
 *                    {@code draft:MODEL_ID:K} or {@code auto}); null (no column, or an empty cell) for the mode's default
 */
public record CalibrationRow(
        String id, String sourceUrl, String model, String precision, String accelerator, int count,
        Integer tp, Integer dp, Integer ep, int isl, int osl, String mode, Double limit, String metric, double value,
        Double ttftLimitMs, Double tpotLimitMs, String speculative) {

    /** A row without a speculative-decoding cell: the mode's default. */
    public CalibrationRow(String id, String sourceUrl, String model, String precision, String accelerator, int count,
            Integer tp, Integer dp, Integer ep, int isl, int osl, String mode, Double limit, String metric, double value,
            Double ttftLimitMs, Double tpotLimitMs) {
        this(id, sourceUrl, model, precision, accelerator, count, tp, dp, ep, isl, osl, mode, limit, metric, value, ttftLimitMs,
                tpotLimitMs, null);
    }

    /** A row without latency limits (every mode but latency-limits). */
    public CalibrationRow(String id, String sourceUrl, String model, String precision, String accelerator, int count,
            Integer tp, Integer dp, Integer ep, int isl, int osl, String mode, Double limit, String metric, double value) {
        this(id, sourceUrl, model, precision, accelerator, count, tp, dp, ep, isl, osl, mode, limit, metric, value, null, null);
    }

    /** Whether tp, dp and ep are all left to the engine. */
    public boolean automaticParallelism() {
        return tp == null && dp == null && ep == null;
    }
}
