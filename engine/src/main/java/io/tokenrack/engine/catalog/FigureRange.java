package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A catalog figure known only as a range: sources disagree (Rubin HBM 19.2 vs 22 TB/s) or give a
 * span (a rack at 180–230 kW). The entry's own field keeps the value used by default, inside the range.
 *
 * @param low        the low end, in the field's unit
 * @param high       the high end, in the field's unit
 * @param provenance where the ends come from
 * @param note       what makes the range, in a sentence (null if the entry's notes say it)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FigureRange(double low, double high, FigureProvenance provenance, String note) {
    public FigureRange {
        if (!Double.isFinite(low) || !Double.isFinite(high)) {
            throw new InputException("low and high must be finite numbers");
        }
        if (!(low < high)) {
            throw new InputException("low must be below high, was " + low + " and " + high);
        }
        Checks.present("provenance", provenance);
    }

    public boolean contains(double v) {
        return v >= low && v <= high;
    }
}
