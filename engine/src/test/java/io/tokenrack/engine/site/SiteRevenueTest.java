package io.tokenrack.engine.site;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Revenue counts only the tokens sold at the site's utilization; payback follows by hand. */
class SiteRevenueTest {
    @Test
    void revenueIsTheCapacitySoldAtTheUtilizationAndPaybackFollows() {
        SiteDocument site = SiteIO.read(SitePlannerTest.SITE_100);
        List<UnitEvaluation> units = SitePlannerTest.PLANNER.evaluate(site, SiteIO.designs(site, SitePlannerTest.SITE_100));
        SiteDocument half = site.withFinance(site.finance().withUtilization(0.35));
        SitePlan p = SitePlannerTest.PLANNER.plan(half, units);
        // the capacity does not depend on how much of it is sold
        assertEquals(SitePlannerTest.PLANNER.plan(site, units).outputTokensPerSecond(), p.outputTokensPerSecond(), 1e-6);
        // revenue by hand: Σ tokens/s_j × 0.35 × 31,536,000 s / 10⁶ × $/M_j, with the example's tiers 4.38 / 2.19 / 1.095
        double[] price = {4.38, 2.19, 1.095};
        double revenue = 0;
        for (int j = 0; j < 3; j++) {
            revenue += p.workloads().get(j).outputTokensPerSecond() * 0.35 * 31_536_000 / 1e6 * price[j];
        }
        assertEquals(revenue, p.annualRevenueUsd(), 1e-9 * revenue);
        // the owner's payback: (hardware + facility build at $11.7 M per MW of sized IT) / (revenue − energy)
        double build = p.sizedItWatts() / 1e6 * 11.7e6;
        assertEquals((p.capexUsd() + build) / (revenue - p.energyUsdPerYear()), p.paybackYears(), 1e-9);
    }
}
