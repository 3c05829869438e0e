package io.tokenrack.app.document;

import io.tokenrack.engine.catalog.FacilityDefaults;

/**
 * The finance and facility assumptions a user can change next to the workload. Mirrors the
 * engine's {@code evaluate.Assumptions} field for field, so the evaluator adapter converts it in
 * one line; kept in the document (not in the saved design) and undoable like every other edit.
 *
 * @param electricityUsdPerKwh    price of energy at the meter, USD per kWh
 * @param amortizationYears       years over which hardware capital is recovered
 * @param costOfCapital           annual rate in the capital recovery factor (0..1)
 * @param utilization             fraction of hours the rack serves at its operating point (0..1]
 * @param colocationUsdPerKwMonth space, power and cooling capacity per provisioned IT kW per month
 */
public record Assumptions(
        double electricityUsdPerKwh,
        double amortizationYears,
        double costOfCapital,
        double utilization,
        double colocationUsdPerKwMonth) {

    public Assumptions {
        if (!(electricityUsdPerKwh > 0) || Double.isInfinite(electricityUsdPerKwh)) {
            throw new IllegalArgumentException("electricityUsdPerKwh: must be a positive number, was " + electricityUsdPerKwh);
        }
        if (!(amortizationYears > 0) || amortizationYears > 50) {
            throw new IllegalArgumentException("amortizationYears: must be between 0 and 50 years, was " + amortizationYears);
        }
        if (!(costOfCapital >= 0 && costOfCapital <= 1)) {
            throw new IllegalArgumentException("costOfCapital: must be between 0 and 1, was " + costOfCapital);
        }
        if (!(utilization > 0 && utilization <= 1)) {
            throw new IllegalArgumentException("utilization: must be above 0 and at most 1, was " + utilization);
        }
        if (!(colocationUsdPerKwMonth >= 0) || Double.isInfinite(colocationUsdPerKwMonth)) {
            throw new IllegalArgumentException("colocationUsdPerKwMonth: must be zero or more, was " + colocationUsdPerKwMonth);
        }
    }

    /** The catalog's facility defaults: every new document starts from these. */
    public static Assumptions defaults(FacilityDefaults f) {
        return new Assumptions(f.electricityUsdPerKwh(), f.amortizationYears(), f.costOfCapital(), f.utilization(),
                f.colocationUsdPerKwMonth());
    }

    public Assumptions withElectricityUsdPerKwh(double v) {
        return new Assumptions(v, amortizationYears, costOfCapital, utilization, colocationUsdPerKwMonth);
    }

    public Assumptions withAmortizationYears(double v) {
        return new Assumptions(electricityUsdPerKwh, v, costOfCapital, utilization, colocationUsdPerKwMonth);
    }

    public Assumptions withCostOfCapital(double v) {
        return new Assumptions(electricityUsdPerKwh, amortizationYears, v, utilization, colocationUsdPerKwMonth);
    }

    public Assumptions withUtilization(double v) {
        return new Assumptions(electricityUsdPerKwh, amortizationYears, costOfCapital, v, colocationUsdPerKwMonth);
    }

    public Assumptions withColocationUsdPerKwMonth(double v) {
        return new Assumptions(electricityUsdPerKwh, amortizationYears, costOfCapital, utilization, v);
    }
}
