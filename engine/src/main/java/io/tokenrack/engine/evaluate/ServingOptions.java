package io.tokenrack.engine.evaluate;

/**
 * How to serve: the mode, and for disaggregated serving the pools when the user fixes them.
 *
 * @param prefillCount          accelerators in the prefill pool (null: searched, or the rest after {@code decodeCount})
 * @param decodeCount           accelerators in the decode pool (null: searched, or the rest after {@code prefillCount})
 * @param prefillAcceleratorId  the prefill pool is {@code prefillCount} of this accelerator in its standard servers,
 *                              beside the design's accelerators, which all decode (null: the design's own accelerators split);
 *                              for a design with two kinds, the kind whose racks prefill (no count)
 */
public record ServingOptions(ServingMode mode, Integer prefillCount, Integer decodeCount, String prefillAcceleratorId) {
    /** Aggregated serving: what {@link Evaluator#evaluate} does alone. */
    public static final ServingOptions AGGREGATED = new ServingOptions(ServingMode.AGGREGATED, null, null, null);
    /** Aggregated or disaggregated, whichever serves the operating point better. */
    public static final ServingOptions AUTO = new ServingOptions(ServingMode.AUTO, null, null, null);

    public ServingOptions {
        if (mode == null) {
            mode = ServingMode.AUTO;
        }
        if (prefillCount != null && prefillCount < 1) {
            throw new EvaluationException("prefill count must be at least 1, was " + prefillCount);
        }
        if (decodeCount != null && decodeCount < 1) {
            throw new EvaluationException("decode count must be at least 1, was " + decodeCount);
        }
        boolean pools = prefillCount != null || decodeCount != null || prefillAcceleratorId != null;
        if (pools && mode == ServingMode.AGGREGATED) {
            throw new EvaluationException("a prefill or decode pool was given with aggregated serving: pools are for disaggregated serving");
        }
    }

    /** Whether the user fixed a pool (which makes {@code auto} disaggregated). */
    public boolean poolsGiven() {
        return prefillCount != null || decodeCount != null || prefillAcceleratorId != null;
    }
}
