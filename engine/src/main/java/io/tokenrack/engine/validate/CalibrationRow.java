package io.tokenrack.engine.validate;

/**
 * One published measurement in the calibration CSV format
 * ({@code id, source_url, model, precision, accelerator, count, tp, dp, ep, isl, osl, mode, limit, metric, value, unit, notes}).
 *
 * @param mode  "max-throughput", "concurrency" (limit = requests in flight) or
 *              "min-tokens-per-second-per-user" (limit = the floor)
 */
public record CalibrationRow(
        String id, String sourceUrl, String model, String precision, String accelerator, int count,
        int tp, int dp, int ep, int isl, int osl, String mode, Double limit, String metric, double value) {}
