package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Facility and finance defaults that every design starts from (users can change them).
 *
 * @param electricityUsdPerKwh     price of energy at the meter
 * @param colocationUsdPerKwMonth  space, power and cooling capacity, per provisioned IT kW per month
 * @param amortizationYears        years over which hardware capital is recovered
 * @param costOfCapital            annual rate used in the capital recovery factor
 * @param utilization              fraction of hours the rack serves at its operating point
 * @param pueAir                   PUE of a room-air-cooled hall (rack cooling without its own unit)
 */
public record FacilityDefaults(
        @JsonProperty(required = true) double electricityUsdPerKwh,
        @JsonProperty(required = true) double colocationUsdPerKwMonth,
        @JsonProperty(required = true) double amortizationYears,
        @JsonProperty(required = true) double costOfCapital,
        @JsonProperty(required = true) double utilization,
        @JsonProperty(required = true) double pueAir,
        @JsonProperty(required = true) double pueLiquid,
        @JsonProperty(required = true) double pueImmersion,
        String notes,
        @JsonProperty(required = true) List<String> sources) {

    public FacilityDefaults {
        Checks.positive("electricityUsdPerKwh", electricityUsdPerKwh);
        Checks.nonNegative("colocationUsdPerKwMonth", colocationUsdPerKwMonth);
        Checks.positive("amortizationYears", amortizationYears);
        Checks.fraction("costOfCapital", costOfCapital);
        Checks.positive("utilization", utilization);
        Checks.fraction("utilization", utilization);
        Checks.pue("pueAir", pueAir);
        Checks.pue("pueLiquid", pueLiquid);
        Checks.pue("pueImmersion", pueImmersion);
        sources = Checks.sources(sources);
    }

    public double pueFor(CoolingType type) {
        return switch (type) {
            case AIR, AIR_OR_LIQUID -> pueAir;
            case LIQUID -> pueLiquid;
            case IMMERSION -> pueImmersion;
        };
    }
}
