package io.tokenrack.engine.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.PowerDetail;
import io.tokenrack.engine.evaluate.ServingOptions;
import io.tokenrack.engine.evaluate.ServingSearch;
import io.tokenrack.engine.evaluate.SpeculationRequest;
import io.tokenrack.engine.perf.Batching;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** P90 rack power from the phase mix, facility capex, and the serving configuration a site's designs are evaluated with. */
class PhaseMixPowerAndServingTest {

    @Test
    void percentileMeanAndExceedanceByHand() {
        // idle 50 kW 30% of the hours, decode 100 kW 42%, prefill 130 kW 28%: cumulative 0.30, 0.72, 1.00
        PhaseMixPower p = new PhaseMixPower(List.of(new PhaseMixPower.State("prefill", 130e3, 0.28),
                new PhaseMixPower.State("idle", 50e3, 0.30), new PhaseMixPower.State("decode", 100e3, 0.42)));
        assertEquals(130e3, p.percentile(0.9), 1e-9, "the 90th percentile falls in the prefill runs");
        assertEquals(100e3, p.percentile(0.5), 1e-9);
        assertEquals(0.3 * 50e3 + 0.42 * 100e3 + 0.28 * 130e3, p.meanWatts(), 1e-6);
        assertEquals(0.28, p.shareAbove(100e3), 1e-12);
        assertEquals(0, p.shareAbove(130e3), 1e-12);
        // prefill only 5% of the hours: P90 is the decode draw, exceeded 5% of the time
        PhaseMixPower q = new PhaseMixPower(List.of(new PhaseMixPower.State("idle", 50e3, 0.30),
                new PhaseMixPower.State("decode", 100e3, 0.65), new PhaseMixPower.State("prefill", 130e3, 0.05)));
        assertEquals(100e3, q.percentile(0.9), 1e-9);
        assertEquals(0.05, q.shareAbove(q.percentile(0.9)), 1e-12);
    }

    @Test
    void thePhaseRunsKeepTheModelledDrawAsTheirMean() {
        var ev = SitePlannerTest.PLANNER.evaluator();
        Workload w = new Workload("llama-3.1-70b", Precision.FP8, null, 1024, 1024, 16, null, null, null, null);
        Evaluation.Ok e = assertInstanceOf(Evaluation.Ok.class,
                ev.evaluate(ev.clusters().standard("h200-sxm", 8), w, SitePlannerTest.PLANNER.assumptions(SiteIO.read(SitePlannerTest.SITE_100))));
        PowerDetail d = e.power().detail();
        assertTrue(d.prefillWattsPerAccelerator() > d.decodeWattsPerAccelerator(), "prefill draws more than decode here");
        PhaseMixPower p = PhaseMixPower.of(List.of("chat"), List.of(e), new double[] {1}, 0.7);
        assertEquals(3, p.states().size());
        // prefill share π = (steady − decode) / (prefill − decode); busy mean = the modelled draw; idle: boards at idle, hosts as served
        double pi = (d.steadyWattsPerAccelerator() - d.decodeWattsPerAccelerator()) / (d.prefillWattsPerAccelerator() - d.decodeWattsPerAccelerator());
        int used = e.plan().acceleratorsUsed();
        double it = e.power().itWatts();
        double idle = it - e.power().acceleratorWatts() + 8 * d.idleWattsPerAccelerator();
        double prefill = it + used * (d.prefillWattsPerAccelerator() - d.steadyWattsPerAccelerator());
        assertEquals(0.7 * it + 0.3 * idle, p.meanWatts(), 1e-6 * it);
        assertEquals(0.7 * pi >= 0.1 ? prefill : it + used * (d.decodeWattsPerAccelerator() - d.steadyWattsPerAccelerator()),
                p.percentile(0.9), 1e-6 * it);
    }

    @Test
    void p90SizingLiesBetweenMaxPAndTheModelledDrawAndSaysItsRisk() {
        SiteDocument site = SiteIO.read(SitePlannerTest.SITE_100);
        SitePlan maxP = SitePlannerTest.plan(site, SitePlannerTest.SITE_100);
        SitePlan p90 = SitePlannerTest.plan(site.withRackPowerBasis(RackPowerBasis.P90), SitePlannerTest.SITE_100);
        SitePlan modelled = SitePlannerTest.plan(site.withRackPowerBasis(RackPowerBasis.MODELLED), SitePlannerTest.SITE_100);
        assertTrue(maxP.racks() <= p90.racks() && p90.racks() <= modelled.racks(), maxP.racks() + " " + p90.racks() + " " + modelled.racks());
        SitePlan.Powers w = p90.powers();
        assertTrue(w.provisionedItWatts() >= w.maxPItWatts() - 1e-6 && w.maxPItWatts() >= w.p90ItWatts() - 1e-6
                && w.p90ItWatts() >= w.busyItWatts() - 1e-6 && w.busyItWatts() >= w.meanItWatts() - 1e-6, w.toString());
        assertEquals(p90.sizedItWatts(), w.p90ItWatts(), 1e-6 * w.p90ItWatts(), "sized by the P90 draw");
        assertTrue(w.exceedanceShare() <= 0.1 + 1e-12, "P90 sizing is exceeded at most a tenth of the hours");
        assertEquals(0, maxP.powers().exceedanceShare(), 1e-12, "Max-P sizing is never exceeded by the modelled draw");
        assertTrue(p90.notes().stream().anyMatch(n -> n.contains("P90") && n.contains("of the hours")), p90.notes().toString());
    }

    @Test
    void aSiteOwnFacilityCapexRateIsUsed() {
        SiteDocument site = SiteIO.read(SitePlannerTest.SITE_100);
        SitePlan p = SitePlannerTest.plan(site.withFinance(site.finance().withFacilityCapexUsdPerMegawatt(20e6)), SitePlannerTest.SITE_100);
        assertEquals(p.sizedItWatts() / 1e6 * 20e6, p.facility().usd(), 1);
        assertEquals(p.sizedItWatts() / 1e6 * 20e6, p.facility().highUsd(), 1, "the range widens to hold the site's own rate");
    }

    @Test
    void theFacilityRateReadsWritesAndIsChecked() throws Exception {
        String good = java.nio.file.Files.readString(SitePlannerTest.SITE_100);
        String with = good.replace("\"rackPowerBasis\": \"max-p\",", "\"rackPowerBasis\": \"p90\",\n  \"finance\": {\"utilization\": 0.6, "
                + "\"facilityCapexUsdPerMegawatt\": 12500000},");
        SiteDocument s = SiteIO.fromJson(with.getBytes(java.nio.charset.StandardCharsets.UTF_8), "site.json");
        assertEquals(12.5e6, s.finance().facilityCapexPerMegawatt(), 1e-6);
        assertEquals(RackPowerBasis.P90, s.rackPowerBasis());
        assertEquals(s, SiteIO.fromJson(SiteIO.toJson(s).getBytes(java.nio.charset.StandardCharsets.UTF_8), "again.json"), "saved and reread");
        assertEquals(io.tokenrack.engine.site.FacilityCapex.CENTRAL_USD_PER_MW, SiteIO.read(SitePlannerTest.SITE_100).finance().facilityCapexPerMegawatt());
        var bad = org.junit.jupiter.api.Assertions.assertThrows(io.tokenrack.engine.catalog.PresetException.class, () -> SiteIO.fromJson(
                with.replace("12500000", "-1").getBytes(java.nio.charset.StandardCharsets.UTF_8), "bad.json"));
        assertTrue(bad.getMessage().contains("bad.json") && bad.getMessage().contains("facilityCapexUsdPerMegawatt"), bad.getMessage());
    }

    @Test
    void eachWorkloadIsServedAsEvaluateServesItByDefault() {
        SiteDocument site = SiteIO.read(SitePlannerTest.SITE_100);
        List<RackDesign> designs = SiteIO.designs(site, SitePlannerTest.SITE_100);
        List<UnitEvaluation> units = SitePlannerTest.PLANNER.evaluate(site, designs);
        ServingSearch search = new ServingSearch(SitePlannerTest.PLANNER.evaluator());
        var a = SitePlannerTest.PLANNER.assumptions(site);
        for (int j = 0; j < site.workloads().size(); j++) {
            Evaluation direct = search.evaluate(designs.get(0), site.workloads().get(j).workload(), a, Batching.CONTINUOUS, ServingOptions.AUTO,
                    SpeculationRequest.AUTO);
            Evaluation.Ok unit = assertInstanceOf(Evaluation.Ok.class, units.get(0).results().get(j));
            assertEquals(assertInstanceOf(Evaluation.Ok.class, direct).throughput().outputTokensPerSecond(),
                    unit.throughput().outputTokensPerSecond(), 1e-9);
            assertEquals(((Evaluation.Ok) direct).plan().split().mode(), unit.plan().split().mode());
        }
    }

    @Test
    void aWorkloadThatNamesItsServingIsServedSo() {
        SiteDocument site = SiteIO.read(SitePlannerTest.SITE_100);
        List<MixEntry> fixed = site.workloads().stream().map(m -> m.withWorkload(new Workload(m.workload().modelId(), m.workload().precision(),
                null, m.workload().inputTokens(), m.workload().outputTokens(), null, null, null, m.workload().minTokensPerSecondPerUser(), null,
                m.workload().prefixHitRate(), "aggregated", "off"))).toList();
        SiteDocument s = site.withWorkloads(fixed);
        for (UnitEvaluation u : SitePlannerTest.PLANNER.evaluate(s, SiteIO.designs(s, SitePlannerTest.SITE_100))) {
            for (Evaluation r : u.results()) {
                Evaluation.Ok e = assertInstanceOf(Evaluation.Ok.class, r);
                assertTrue(!e.plan().split().disaggregated() && e.plan().speculation().isOff(), u.label());
            }
        }
    }

    @Test
    void alternativesNameTheirServingConfigurations() {
        SiteDocument site = SiteIO.read(SitePlannerTest.SITE_100);
        SiteOptimizer.Result r = new SiteOptimizer(SitePlannerTest.PLANNER).optimize(site,
                SiteOptimizer.defaultCandidates(SitePlannerTest.PLANNER.evaluator(), Map.of()), SiteOptimizer.Objective.TOKENS);
        assertTrue(r.why().contains("the winner serves " + r.alternatives().getFirst().servingChoices().getFirst().workload()), r.why());
        for (SiteOptimizer.Alternative alt : r.alternatives()) {
            assertTrue(alt.servingChoices().size() >= site.workloads().size(), alt.designs().toString());
            for (ServingChoice c : alt.servingChoices()) {
                assertTrue(Set.of("aggregated", "disaggregated", "afd").contains(c.mode()), c.mode());
                assertTrue(c.acceptanceLength() >= 1 && (c.speculative().equals("off") == (c.acceptanceLength() == 1)), c.words());
                assertTrue(c.words().contains(c.workload()) && c.words().contains("speculative"), c.words());
            }
        }
    }
}
