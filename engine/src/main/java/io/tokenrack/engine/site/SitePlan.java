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
 * @param capexUsd           the hardware (IT equipment); the facility's build is in {@code facility}
 * @param paybackYears       the whole investment, hardware and facility build, over revenue less energy
 *                           ({@link FacilityCost#hardwarePaybackYears} is the hardware alone with the facility rented)
 * @param powers             the site's IT power by each measure, side by side
 * @param facility           the facility's build cost, its range and the paybacks at its ends
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
        List<String> notes,
        Powers powers,
        FacilityCost facility) {

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
     * The built units' IT power by each measure, W: provisioned (nameplate of their power supplies),
     * Max-P (accelerators at TDP, hosts and network at nameplate), the P90 of the phase mix, the
     * modelled busy draw, and the mean over all hours (idle time at the utilization included).
     *
     * @param exceedanceShare the share of the hours a unit draws more than it is sized for (the worst design): 0 sized by
     *                        provisioned or Max-P power, about 0.1 by P90, more by the modelled busy draw
     */
    public record Powers(double provisionedItWatts, double maxPItWatts, double p90ItWatts, double busyItWatts, double meanItWatts,
                         double exceedanceShare) {}

    /**
     * The facility's build (power chain, cooling plant, building) as capex: sized IT MW × $ per MW.
     *
     * @param usdPerMegawatt        the rate used (the site's, else the survey's central figure)
     * @param lowUsd                at the survey's cheapest market
     * @param highUsd               at its dearest
     * @param totalCapexUsd         hardware + facility
     * @param hardwarePaybackYears  hardware capex over revenue less energy and the facility's rent ($ per kW-month): a tenant's payback
     * @param paybackYearsLow       the owner's payback with the facility at {@code lowUsd}
     * @param paybackYearsHigh      … at {@code highUsd}
     */
    public record FacilityCost(double usdPerMegawatt, double usd, double lowUsd, double highUsd, double totalCapexUsd,
                               double hardwarePaybackYears, double paybackYearsLow, double paybackYearsHigh) {}

    /**
     * One design's part of the site.
     *
     * @param sizedWattsPerUnit      the rack power one unit is sized by (the site's basis)
     * @param modelledItWattsPerUnit the unit's modelled IT draw serving the mix
     * @param outputTokensPerSecond  all its units together
     */
    public record DesignLine(String label, String acceleratorId, int units, int racks, int accelerators, double sizedWattsPerUnit,
                             double modelledItWattsPerUnit, double outputTokensPerSecond, double capexUsd, List<String> served,
                             double p90ItWattsPerUnit) {
        public DesignLine {
            served = List.copyOf(served);
        }

        public DesignLine(String label, String acceleratorId, int units, int racks, int accelerators, double sizedWattsPerUnit,
                          double modelledItWattsPerUnit, double outputTokensPerSecond, double capexUsd, List<String> served) {
            this(label, acceleratorId, units, racks, accelerators, sizedWattsPerUnit, modelledItWattsPerUnit, outputTokensPerSecond, capexUsd,
                    served, Double.NaN);
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
