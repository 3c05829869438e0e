package io.tokenrack.engine.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.PresetException;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SitePlannerTest {
    static final Path SITES = Path.of("..", "presets", "sites");
    static final Path SITE_100 = SITES.resolve("100mw-gb300-gb200.json");
    static final Path SITE_1GW = SITES.resolve("1gw-gb300-800vdc.json");
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final SitePlanner PLANNER = new SitePlanner(new Evaluator(CATALOG), Assumptions.defaults(CATALOG.facility()));

    static SitePlan plan(SiteDocument site, Path file) {
        List<RackDesign> designs = SiteIO.designs(site, file);
        return PLANNER.plan(site, PLANNER.evaluate(site, designs));
    }

    @Test
    void powerChainAndCoolingArithmetic() {
        // AC: 0.99 × 0.96 × 0.98 = 0.931392; 800 V DC: 0.99 × 0.99 × 0.99 = 0.970299
        assertEquals(0.931392, PowerChain.AC.efficiency(), 1e-12);
        assertEquals(0.970299, PowerChain.DC_800V.efficiency(), 1e-12);
        // dry coolers: 1 / 0.931392 + 0.04 = 1.113662...; chillers: + 0.20 = 1.273662...
        assertEquals(1 / 0.931392 + 0.04, CoolingPlant.DRY.facilityPerItWatt(PowerChain.AC), 1e-12);
        assertEquals(1.2736619, new CoolingPlant(CoolingPlant.Plant.CHILLERS, null, null, null).facilityPerItWatt(PowerChain.AC), 1e-6);
        // a given PUE of 1.3 holds the chain's losses: cooling is what is left, 1.3 − 1.073662 = 0.226338
        CoolingPlant pue = new CoolingPlant(CoolingPlant.Plant.PUE, 1.3, null, null);
        assertEquals(1.3, pue.facilityPerItWatt(PowerChain.AC), 1e-12);
        assertEquals(0.2263381, pue.overhead(PowerChain.AC), 1e-6);
        // an explicit chain: 0.98 × 0.95 × 0.97 = 0.90307
        assertEquals(0.90307, new PowerChain(0.98, 0.95, 0.97, false).efficiency(), 1e-12);
    }

    @Test
    void rackCountPowerFlowRevenueAndPaybackByHand() {
        SiteDocument site = SiteIO.read(SITE_100);
        List<UnitEvaluation> units = PLANNER.evaluate(site, SiteIO.designs(site, SITE_100));
        SitePlan p = PLANNER.plan(site, units);
        double f = 1 / 0.931392 + 0.04;
        double itBudget = 100e6 / f;
        // Max-P of one GB300 NVL72 rack: 72 × 1,400 W + its hosts and switch trays at nameplate
        UnitEvaluation gb300 = units.get(0);
        UnitEvaluation gb200 = units.get(1);
        int gb300Racks = (int) Math.floor(0.75 * itBudget / gb300.maxPWatts());
        int gb200Racks = (int) Math.floor(0.25 * itBudget / gb200.maxPWatts());
        assertEquals(gb300Racks, p.designs().get(0).units());
        assertEquals(gb200Racks, p.designs().get(1).units());
        assertEquals(gb300Racks + gb200Racks, p.racks());
        assertEquals(72 * (gb300Racks + gb200Racks), p.accelerators());
        assertTrue(gb300.maxPWatts() > 72 * 1400, "max-p holds the accelerators' TDP and more");
        // losses and cooling from the modelled IT power
        double it = p.power().itWatts();
        assertEquals(it * (1 / 0.931392 - 1), p.power().chainLossWatts(), 1e-6 * it);
        assertEquals(it * 0.04, p.power().coolingWatts(), 1e-6 * it);
        assertEquals(it * f, p.power().facilityWatts(), 1e-6 * it);
        // revenue: tokens/s × 70% × 31,536,000 s × price per million, per workload
        double revenue = 0;
        for (SitePlan.WorkloadLine w : p.workloads()) {
            revenue += w.outputTokensPerSecond() * 0.7 * 31_536_000 / 1e6 * w.priceUsdPerMillionOutputTokens();
        }
        assertEquals(revenue, p.annualRevenueUsd(), 1e-9 * revenue);
        // capex: $3 M a rack (the site file's price); a tenant's payback = capex / (revenue − energy − facility rent)
        assertEquals(3e6 * p.racks(), p.capexUsd(), 1e-3);
        double energy = p.power().facilityWatts() / 1000 * 0.0806 * 8760;
        double facility = p.sizedItWatts() / 1000 * 200 * 12;
        assertEquals(energy, p.energyUsdPerYear(), 1e-6 * energy);
        assertEquals(facility, p.facilityUsdPerYear(), 1e-6 * facility);
        assertEquals(p.capexUsd() / (revenue - energy - facility), p.facility().hardwarePaybackYears(), 1e-9);
        // the owner's: the facility built at $11.7 M per MW of sized IT load, no rent: (capex + build) / (revenue − energy)
        double build = p.sizedItWatts() / 1e6 * 11.7e6;
        assertEquals(build, p.facility().usd(), 1e-6 * build);
        assertEquals(p.sizedItWatts() / 1e6 * 9.3e6, p.facility().lowUsd(), 1e-6 * build);
        assertEquals(p.sizedItWatts() / 1e6 * 15.0e6, p.facility().highUsd(), 1e-6 * build);
        assertEquals(p.capexUsd() + build, p.facility().totalCapexUsd(), 1e-6 * build);
        assertEquals((p.capexUsd() + build) / (revenue - energy), p.paybackYears(), 1e-9);
        assertTrue(p.facility().paybackYearsLow() < p.paybackYears() && p.paybackYears() < p.facility().paybackYearsHigh());
        // the mix: token shares as the site asks
        assertEquals(0.4, p.workloads().get(0).outputTokensPerSecond() / p.outputTokensPerSecond(), 1e-9);
        assertEquals(BindingLimit.POWER, p.bindingLimit());
    }

    @Test
    void racksTimesRackPowerTimesPueStayInsideTheEnvelope() {
        for (Path file : List.of(SITE_100, SITE_1GW)) {
            SiteDocument site = SiteIO.read(file);
            for (RackPowerBasis basis : RackPowerBasis.values()) {
                SitePlan p = plan(site.withRackPowerBasis(basis), file);
                double sized = 0;
                for (SitePlan.DesignLine d : p.designs()) {
                    sized += d.units() * d.sizedWattsPerUnit();
                }
                assertTrue(sized * p.facilityPerItWatt() <= site.utilityMegawatts() * 1e6, file + " " + basis);
                assertTrue(p.power().facilityWatts() <= site.utilityMegawatts() * 1e6 + 1e-6, file + " " + basis);
                assertTrue(sized * p.facilityPerItWatt() > 0.95 * site.utilityMegawatts() * 1e6, "the envelope is nearly used: " + basis);
            }
        }
    }

    @Test
    void sizingByModelledDrawPacksMoreRacksAndSaysItsRisk() {
        SiteDocument site = SiteIO.read(SITE_100);
        SitePlan maxP = plan(site, SITE_100);
        SitePlan modelled = plan(site.withRackPowerBasis(RackPowerBasis.MODELLED), SITE_100);
        SitePlan provisioned = plan(site.withRackPowerBasis(RackPowerBasis.PROVISIONED), SITE_100);
        assertTrue(modelled.racks() > maxP.racks());
        assertTrue(maxP.racks() >= provisioned.racks());
        assertTrue(modelled.oversubscription() > 1);
        assertTrue(modelled.notes().stream().anyMatch(n -> n.contains("power-capped")), modelled.notes().toString());
    }

    @Test
    void moreMegawattsNeverFewerTokens() {
        SiteDocument site = SiteIO.read(SITE_100);
        List<UnitEvaluation> units = PLANNER.evaluate(site, SiteIO.designs(site, SITE_100));
        double last = 0;
        int lastRacks = 0;
        for (double mw = 1; mw <= 300; mw *= 1.37) {
            SitePlan p = PLANNER.plan(site.withUtilityMegawatts(mw), units);
            assertTrue(p.outputTokensPerSecond() >= last, mw + " MW");
            assertTrue(p.racks() >= lastRacks, mw + " MW");
            last = p.outputTokensPerSecond();
            lastRacks = p.racks();
        }
    }

    @Test
    void aTighterSloNeverGivesMoreTokensPerMegawatt() {
        SiteDocument site = SiteIO.read(SITE_100);
        double last = Double.POSITIVE_INFINITY;
        for (double tps : new double[] {10, 30, 50, 100}) {
            List<MixEntry> mix = site.workloads().stream()
                    .map(m -> m.withWorkload(m.workload().withMinTokensPerSecondPerUser(tps))).toList();
            SiteDocument s = site.withWorkloads(mix);
            double perMw = plan(s, SITE_100).outputTokensPerSecondPerMegawatt();
            assertTrue(perMw <= last * (1 + 1e-9), tps + " tokens/s per user: " + perMw + " > " + last);
            last = perMw;
        }
    }

    @Test
    void floorSpaceAndBudgetBindWhenTheyAreTighter() {
        SiteDocument site = SiteIO.read(SITE_100);
        SiteDocument floor = new SiteDocument(1, "f", null, 100, null, CoolingPlant.DRY, RackPowerBasis.MAX_P, 100, null, site.designs(),
                site.workloads(), null);
        SitePlan p = plan(floor, SITE_100);
        assertEquals(BindingLimit.FLOOR_SPACE, p.bindingLimit());
        assertTrue(p.racks() <= 100 && p.racks() >= 98, "racks " + p.racks());
        SiteDocument budget = new SiteDocument(1, "b", null, 100, null, CoolingPlant.DRY, RackPowerBasis.MAX_P, null, 300e6, site.designs(),
                site.workloads(), null);
        SitePlan b = plan(budget, SITE_100);
        assertEquals(BindingLimit.BUDGET, b.bindingLimit());
        assertTrue(b.capexUsd() <= 300e6, "capex " + b.capexUsd());
        SiteDocument cooling = new SiteDocument(1, "c", null, 100, null, new CoolingPlant(CoolingPlant.Plant.DRY_COOLERS, null, null, 50.0),
                RackPowerBasis.MAX_P, null, null, site.designs(), site.workloads(), null);
        SitePlan c = plan(cooling, SITE_100);
        assertEquals(BindingLimit.COOLING, c.bindingLimit());
        assertTrue(c.sizedItWatts() <= 50e6);
    }

    @Test
    void saveAndReopenGivesTheSameNumbers(@TempDir Path dir) throws Exception {
        SiteDocument site = SiteIO.read(SITE_100);
        Path copy = SITES.resolve("saved-by-test.json");
        try {
            SiteIO.write(copy, site);
            SiteDocument again = SiteIO.read(copy);
            assertEquals(site, again);
            assertEquals(plan(site, SITE_100), plan(again, copy));
        } finally {
            Files.deleteIfExists(copy);
        }
        // elsewhere, the design paths no longer resolve: said with the file and the field
        Path moved = dir.resolve("site.json");
        SiteIO.write(moved, site);
        PresetException e = assertThrows(PresetException.class, () -> SiteIO.designs(SiteIO.read(moved), moved));
        assertTrue(e.getMessage().startsWith(moved + ": designs[0].design: no such design file ../designs/gb300-nvl72.json"), e.getMessage());
    }

    @Test
    void badSiteFilesNameTheFileAndTheField(@TempDir Path dir) throws Exception {
        String good = Files.readString(SITE_100);
        assertBad(dir, good.replace("\"utilityMegawatts\": 100", "\"utilityMegawatts\": -5"), "utilityMegawatts", "must be above 0");
        assertBad(dir, good.replace("\"rackPowerBasis\"", "\"rackPowerBase\""), "rackPowerBase", "unknown field");
        assertBad(dir, good.replace("\"rackPowerBasis\": \"max-p\"", "\"rackPowerBasis\": \"p95\""), "rackPowerBasis", "p95");
        assertBad(dir, good.replace("\"share\": 0.25,\n      \"unitPrice", "\"share\": 0.5,\n      \"unitPrice"), "designs", "add up to 1.25");
        assertBad(dir, good.replace("\"share\": 0.4", "\"share\": 0.5"), "workloads", "must add up to 1");
        assertBad(dir, good.replace("\"plant\": \"dry-coolers\"", "\"plant\": \"chillers\", \"pue\": 1.2"), "cooling", "only with plant pue");
        assertBad(dir, good.replace("\"formatVersion\": 1", "\"formatVersion\": 2"), "formatVersion", "reads site version 1");
    }

    private static void assertBad(Path dir, String json, String field, String reason) throws Exception {
        assertNotEquals(Files.readString(SITE_100), json, "the test edit must change the file");
        Path f = dir.resolve("bad.json");
        Files.writeString(f, json, StandardCharsets.UTF_8);
        PresetException e = assertThrows(PresetException.class, () -> SiteIO.read(f));
        assertTrue(e.getMessage().startsWith(f.toString()), e.getMessage());
        assertTrue(e.getMessage().contains(field) && e.getMessage().contains(reason), e.getMessage());
    }

    @Test
    void aDesignThatServesNothingIsSaidAndLeftOut() {
        SiteDocument site = SiteIO.read(SITE_100);
        Workload huge = new Workload("deepseek-r1", Precision.FP4, null, 1024, 1024, null, null, null, 5000.0, null);
        SiteDocument s = site.withWorkloads(List.of(new MixEntry("too fast", null, 1, huge, 1)));
        InputException e = assertThrows(InputException.class, () -> plan(s, SITE_100));
        assertTrue(e.getMessage().contains("no design of the site serves any of its workloads"), e.getMessage());
    }

    @Test
    void theOneGigawattSiteHoldsThousandsOfRacks() {
        SitePlan p = plan(SiteIO.read(SITE_1GW), SITE_1GW);
        assertTrue(p.racks() > 5000, "racks " + p.racks());
        assertEquals(0.970299, p.chainEfficiency(), 1e-12);
    }
}
