package io.tokenrack.engine.evaluate;

/** A headline number's range over the low and high ends of its ranged inputs: low ≤ the nominal value ≤ high. */
public record Band(double low, double high) {
    public Band {
        if (!(low <= high)) {
            throw new IllegalArgumentException("low must not be above high, was " + low + " and " + high);
        }
    }

    public boolean contains(double v) {
        return v >= low && v <= high;
    }
}
