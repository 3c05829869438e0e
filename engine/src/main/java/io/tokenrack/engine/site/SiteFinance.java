package io.tokenrack.engine.site;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.Assumptions;

/**
 * The site's own prices and finance, each optional: what is left out comes from the catalog's
 * facility defaults (presets/hardware/facility.json).
 */
public record SiteFinance(
        Double electricityUsdPerKwh,
        Double facilityUsdPerKwMonth,
        Double amortizationYears,
        Double costOfCapital,
        Double utilization,
        Double hardwarePriceFactor,
        Double facilityCapexUsdPerMegawatt) {

    public static final SiteFinance DEFAULTS = new SiteFinance(null, null, null, null, null, null, null);

    /** The six finance fields of sites before facility capex; the facility then costs {@link FacilityCapex#CENTRAL_USD_PER_MW}. */
    public SiteFinance(Double electricityUsdPerKwh, Double facilityUsdPerKwMonth, Double amortizationYears, Double costOfCapital,
                       Double utilization, Double hardwarePriceFactor) {
        this(electricityUsdPerKwh, facilityUsdPerKwMonth, amortizationYears, costOfCapital, utilization, hardwarePriceFactor, null);
    }

    public SiteFinance {
        if (hardwarePriceFactor != null && !(hardwarePriceFactor > 0 && Double.isFinite(hardwarePriceFactor))) {
            throw new InputException("finance.hardwarePriceFactor: must be positive, was " + hardwarePriceFactor);
        }
        if (facilityCapexUsdPerMegawatt != null && !(facilityCapexUsdPerMegawatt >= 0 && facilityCapexUsdPerMegawatt <= 1e9)) {
            throw new InputException("finance.facilityCapexUsdPerMegawatt: must be from 0 to 1,000,000,000 (US dollars per MW of IT load), was "
                    + facilityCapexUsdPerMegawatt);
        }
    }

    /** The catalog's assumptions with this site's values put in (each checked as assumptions are). */
    public Assumptions apply(Assumptions base) {
        Assumptions a = base;
        try {
            if (electricityUsdPerKwh != null) {
                a = a.withElectricityUsdPerKwh(electricityUsdPerKwh);
            }
            if (facilityUsdPerKwMonth != null) {
                a = a.withColocationUsdPerKwMonth(facilityUsdPerKwMonth);
            }
            if (amortizationYears != null) {
                a = a.withAmortizationYears(amortizationYears);
            }
            if (costOfCapital != null) {
                a = a.withCostOfCapital(costOfCapital);
            }
            if (utilization != null) {
                a = a.withUtilization(utilization);
            }
        } catch (InputException e) {
            throw new InputException("finance." + e.getMessage(), e);
        }
        return a;
    }

    public double hardwarePrice() {
        return hardwarePriceFactor == null ? 1 : hardwarePriceFactor;
    }

    /** Facility capex per MW of IT load: the site's, else {@link FacilityCapex#CENTRAL_USD_PER_MW}. */
    public double facilityCapexPerMegawatt() {
        return facilityCapexUsdPerMegawatt == null ? FacilityCapex.CENTRAL_USD_PER_MW : facilityCapexUsdPerMegawatt;
    }

    public SiteFinance withElectricityUsdPerKwh(double v) {
        return new SiteFinance(v, facilityUsdPerKwMonth, amortizationYears, costOfCapital, utilization, hardwarePriceFactor,
                facilityCapexUsdPerMegawatt);
    }

    public SiteFinance withUtilization(double v) {
        return new SiteFinance(electricityUsdPerKwh, facilityUsdPerKwMonth, amortizationYears, costOfCapital, v, hardwarePriceFactor,
                facilityCapexUsdPerMegawatt);
    }

    public SiteFinance withFacilityCapexUsdPerMegawatt(double v) {
        return new SiteFinance(electricityUsdPerKwh, facilityUsdPerKwMonth, amortizationYears, costOfCapital, utilization, hardwarePriceFactor, v);
    }
}
