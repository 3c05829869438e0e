package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.FacilityDefaults;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.perf.ModelConstants;

/**
 * Everything a user may change that is not hardware or workload: prices, finance, utilisation and
 * the model's efficiency constants.
 *
 * @param capexUsdOverride total capital cost of the design when the user knows it (null: from catalog prices)
 */
public record Assumptions(
        double electricityUsdPerKwh,
        double colocationUsdPerKwMonth,
        double amortizationYears,
        double costOfCapital,
        double utilization,
        Double capexUsdOverride,
        ModelConstants constants) {

    public Assumptions {
        if (!(electricityUsdPerKwh >= 0)) {
            throw new InputException("electricityUsdPerKwh: must be zero or more, was " + electricityUsdPerKwh);
        }
        if (!(colocationUsdPerKwMonth >= 0)) {
            throw new InputException("colocationUsdPerKwMonth: must be zero or more, was " + colocationUsdPerKwMonth);
        }
        if (!(amortizationYears > 0)) {
            throw new InputException("amortizationYears: must be positive, was " + amortizationYears);
        }
        if (!(costOfCapital >= 0 && costOfCapital < 1)) {
            throw new InputException("costOfCapital: must be in [0, 1), was " + costOfCapital);
        }
        if (!(utilization > 0 && utilization <= 1)) {
            throw new InputException("utilization: must be in (0, 1], was " + utilization);
        }
        if (capexUsdOverride != null && !(capexUsdOverride > 0)) {
            throw new InputException("capexUsdOverride: must be positive, was " + capexUsdOverride);
        }
        if (constants == null) {
            constants = ModelConstants.DEFAULT;
        }
    }

    public static Assumptions defaults(FacilityDefaults f) {
        return new Assumptions(f.electricityUsdPerKwh(), f.colocationUsdPerKwMonth(), f.amortizationYears(),
                f.costOfCapital(), f.utilization(), null, ModelConstants.DEFAULT);
    }

    // With-methods: a copy with one field changed, validated like any assumptions.

    public Assumptions withElectricityUsdPerKwh(double v) {
        return new Assumptions(v, colocationUsdPerKwMonth, amortizationYears, costOfCapital, utilization, capexUsdOverride, constants);
    }

    public Assumptions withColocationUsdPerKwMonth(double v) {
        return new Assumptions(electricityUsdPerKwh, v, amortizationYears, costOfCapital, utilization, capexUsdOverride, constants);
    }

    public Assumptions withAmortizationYears(double v) {
        return new Assumptions(electricityUsdPerKwh, colocationUsdPerKwMonth, v, costOfCapital, utilization, capexUsdOverride, constants);
    }

    public Assumptions withCostOfCapital(double v) {
        return new Assumptions(electricityUsdPerKwh, colocationUsdPerKwMonth, amortizationYears, v, utilization, capexUsdOverride, constants);
    }

    public Assumptions withUtilization(double v) {
        return new Assumptions(electricityUsdPerKwh, colocationUsdPerKwMonth, amortizationYears, costOfCapital, v, capexUsdOverride, constants);
    }

    /** @param v the capital cost; null to take it from catalog prices */
    public Assumptions withCapexUsdOverride(Double v) {
        return new Assumptions(electricityUsdPerKwh, colocationUsdPerKwMonth, amortizationYears, costOfCapital, utilization, v, constants);
    }

    /** @param v the constants; null for {@link ModelConstants#DEFAULT} */
    public Assumptions withConstants(ModelConstants v) {
        return new Assumptions(electricityUsdPerKwh, colocationUsdPerKwMonth, amortizationYears, costOfCapital, utilization, capexUsdOverride, v);
    }
}
