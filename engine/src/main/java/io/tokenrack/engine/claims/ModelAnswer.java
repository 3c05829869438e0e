package io.tokenrack.engine.claims;

/**
 * What the model gives for a claim's closest setup: a ratio (setup ÷ baseline) or a value, with its
 * range over the catalog's ranged figures; or why it gives nothing.
 *
 * @param value   NaN when the model gives no number ({@code failure} says why)
 * @param low     the low end (= value without ranged inputs)
 * @param high    the high end
 * @param ratio   whether the number is setup ÷ baseline
 * @param failure why there is no number, else empty
 */
public record ModelAnswer(Claim claim, double value, double low, double high, boolean ratio, String failure) {
    public boolean ok() {
        return failure.isEmpty();
    }
}
