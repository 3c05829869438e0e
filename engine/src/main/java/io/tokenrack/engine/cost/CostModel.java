package io.tokenrack.engine.cost;

/**
 * Owned-hardware cost per hour (docs/model-reference.md §9): capital recovered over the amortisation
 * period at the cost of capital (annuity), energy at the meter (IT power × PUE × price) and
 * facility capacity per provisioned IT kW. Energy is billed here, so colocation is counted as
 * space and capacity only, not again as power.
 */
public final class CostModel {
    public static final double HOURS_PER_YEAR = 8760;
    /**
     * Server cost over accelerator cost when only the accelerator's price is known: Epoch's TCO
     * convention, server ≈ 1.64 × GPU cost (S9).
     */
    public static final double SERVER_COST_PER_ACCELERATOR_COST = 1.64;
    /** Cluster interconnect ≈ 19% of cluster cost (Epoch, S9): added when servers talk over a scale-out network. */
    public static final double NETWORK_SHARE_OF_CLUSTER_COST = 0.19;

    private CostModel() {}

    /** Capital recovery factor r / (1 − (1 + r)^−n); 1/n when r = 0. */
    public static double capitalRecoveryFactor(double rate, double years) {
        if (rate == 0) {
            return 1 / years;
        }
        return rate / (1 - Math.pow(1 + rate, -years));
    }

    public static double capitalUsdPerHour(double capexUsd, double rate, double years) {
        return capexUsd * capitalRecoveryFactor(rate, years) / HOURS_PER_YEAR;
    }

    public static double energyUsdPerHour(double facilityWatts, double usdPerKwh) {
        return facilityWatts / 1000 * usdPerKwh;
    }

    public static double facilityUsdPerHour(double provisionedItWatts, double usdPerKwMonth) {
        return provisionedItWatts / 1000 * usdPerKwMonth * 12 / HOURS_PER_YEAR;
    }

    /** $ per million tokens from $ per hour, tokens per second and the share of hours serving. */
    public static double usdPerMillionTokens(double usdPerHour, double tokensPerSecond, double utilization) {
        return usdPerHour / (tokensPerSecond * 3600 * utilization) * 1e6;
    }
}
