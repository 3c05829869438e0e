package io.tokenrack.engine.site;

import java.util.List;

/**
 * What a site's megawatts buy: racks that fit, power at each boundary, tokens, money and the limit
 * that binds. Watts and seconds inside; per-year money in US dollars. NaN where an input (a price,
 * a TDP) is not known; payback is infinite when the site never earns its capital back.
 *
 * @param facilityPerItWatt  facility watts per IT watt: the site's PUE (chain losses plus cooling)
 * @param sizedItWatts       IT power the racks are sized for (units × the basis's watts): what the envelope holds
 * @param oversubscription   provisioned IT power over the sized IT power (1 when sized by provisioned power)
 */
public record SitePlan(
        String name,
        double siteMegawatts,
        RackPowerBasis rackPowerBasis,
        double chainEfficiency,
        double coolingOverhead,
        double facilityPerItWatt,
        List<DesignLine> designs,
        List<WorkloadLine> workloads,
        int racks,
        int accelerators,
        double outputTokensPerSecond,
        PowerFlow power,
        double sizedItWatts,
        double provisionedItWatts,
        double maxPItWatts,
        double oversubscription,
        String risk,
        double annualOutputTokens,
        double annualRevenueUsd,
        double capexUsd,
        double capitalUsdPerYear,
        double energyUsdPerYear,
        double facilityUsdPerYear,
        double usdPerMillionOutputTokens,
        double paybackYears,
        BindingLimit bindingLimit,
        double utilization,
        List<String> notes) {

    public SitePlan {
        designs = List.copyOf(designs);
        workloads = List.copyOf(workloads);
        notes = List.copyOf(notes);
    }

    /** Output tokens/s per MW of modelled IT power. */
    public double outputTokensPerSecondPerItMegawatt() {
        return outputTokensPerSecond / (power.itWatts() / 1e6);
    }

    /** Output tokens/s per MW of modelled facility power (IT × PUE). */
    public double outputTokensPerSecondPerFacilityMegawatt() {
        return outputTokensPerSecond / (power.facilityWatts() / 1e6);
    }

    /** Output tokens/s per MW of the utility envelope: the headline of a power-limited site. */
    public double outputTokensPerSecondPerMegawatt() {
        return outputTokensPerSecond / siteMegawatts;
    }

    /** Output tokens/s per MW of provisioned (nameplate) IT power. */
    public double outputTokensPerSecondPerProvisionedMegawatt() {
        return outputTokensPerSecond / (provisionedItWatts / 1e6);
    }

    /**
     * One design's part of the site.
     *
     * @param sizedWattsPerUnit      the rack power one unit is sized by (the site's basis)
     * @param modelledItWattsPerUnit the unit's modelled IT draw serving the mix
     * @param outputTokensPerSecond  all its units together
     */
    public record DesignLine(String label, String acceleratorId, int units, int racks, int accelerators, double sizedWattsPerUnit,
                             double modelledItWattsPerUnit, double outputTokensPerSecond, double capexUsd, List<String> served) {
        public DesignLine {
            served = List.copyOf(served);
        }
    }

    /** One workload's part of the output and the revenue. */
    public record WorkloadLine(String name, String tier, double share, double outputTokensPerSecond, double annualOutputTokens,
                               double priceUsdPerMillionOutputTokens, double annualRevenueUsd) {}

    /**
     * Where the utility's power goes at the modelled draw: accelerators, hosts and network (IT), the
     * power chain's losses and cooling. {@code facilityWatts} = IT + losses + cooling.
     */
    public record PowerFlow(double acceleratorWatts, double hostWatts, double networkWatts, double itWatts, double chainLossWatts,
                            double coolingWatts, double facilityWatts) {}
}
