package io.tokenrack.engine.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.design.RackDesign;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class TornadoAndOptimizerTest {
    @Test
    void theTornadoMovesEachHeadlineTheRightWay() {
        SiteDocument site = SiteIO.read(SitePlannerTest.SITE_100);
        List<RackDesign> designs = SiteIO.designs(site, SitePlannerTest.SITE_100);
        Tornado.Result t = Tornado.of(SitePlannerTest.PLANNER, site, designs, SitePlannerTest.PLANNER.evaluate(site, designs));
        assertEquals(8, t.bars().size());
        Map<String, Tornado.Bar> bars = new java.util.HashMap<>();
        t.bars().forEach(b -> bars.put(b.input(), b));
        // dearer power: same tokens, dearer tokens
        Tornado.Bar e = bars.get("electricity price");
        assertEquals(e.low().tokensPerSecondPerMegawatt(), e.high().tokensPerSecondPerMegawatt(), 1e-6);
        assertTrue(e.high().usdPerMillionOutputTokens() > e.low().usdPerMillionOutputTokens());
        // a higher PUE leaves less power for IT: fewer tokens per MW of the envelope
        Tornado.Bar pue = bars.get("PUE");
        assertTrue(pue.high().tokensPerSecondPerMegawatt() < pue.low().tokensPerSecondPerMegawatt());
        // more prefix hits: more tokens
        Tornado.Bar prefix = bars.get("prefix-hit rate");
        assertTrue(prefix.high().tokensPerSecondPerMegawatt() > prefix.low().tokensPerSecondPerMegawatt());
        // cheaper hardware pays back sooner
        Tornado.Bar hw = bars.get("hardware price");
        assertTrue(hw.low().paybackYears() < hw.high().paybackYears());
        Tornado.Bar band = bars.get("model accuracy band");
        assertEquals(1 - Tornado.MODEL_ACCURACY_BAND, band.low().tokensPerSecondPerMegawatt() / t.base().tokensPerSecondPerMegawatt(), 0.01);
        // the example's DeepSeek-R1 workloads speculate with its MTP module: a longer acceptance length gives more tokens
        Tornado.Bar al = bars.get("acceptance length");
        assertTrue(al.available(), al.note());
        assertTrue(al.high().tokensPerSecondPerMegawatt() > al.low().tokensPerSecondPerMegawatt());
        assertTrue(al.lowLabel().startsWith("mtp:") && al.lowLabel().contains("AL "), al.lowLabel());
        // the facility's build moves payback only
        Tornado.Bar fc = bars.get("facility capex");
        assertEquals("$9.3 M/MW", fc.lowLabel());
        assertEquals("$15 M/MW", fc.highLabel());
        assertEquals(fc.low().tokensPerSecondPerMegawatt(), fc.high().tokensPerSecondPerMegawatt(), 1e-6);
        assertTrue(fc.low().paybackYears() < fc.high().paybackYears());
        assertTrue(bars.get("utilization").lowLabel().equals("50.0%") && bars.get("prefix-hit rate").lowLabel().contains("agentic coding 50.0%"),
                bars.get("prefix-hit rate").lowLabel());
        // widest first
        for (int i = 1; i < t.bars().size(); i++) {
            assertTrue(t.bars().get(i - 1).swing(t.base()) >= t.bars().get(i).swing(t.base()) - 1e-12);
        }
    }

    @Test
    void theOptimizerRanksItsAlternativesAndSaysWhy() {
        SiteDocument site = SiteIO.read(SitePlannerTest.SITE_100);
        SiteOptimizer o = new SiteOptimizer(SitePlannerTest.PLANNER);
        List<SiteOptimizer.Candidate> candidates = SiteOptimizer.defaultCandidates(SitePlannerTest.PLANNER.evaluator(), Map.of());
        SiteOptimizer.Result r = o.optimize(site, candidates, SiteOptimizer.Objective.TOKENS);
        assertTrue(r.alternatives().size() >= 2 && r.alternatives().size() <= SiteOptimizer.TOP);
        for (int i = 1; i < r.alternatives().size(); i++) {
            assertTrue(r.alternatives().get(i - 1).plan().outputTokensPerSecond() >= r.alternatives().get(i).plan().outputTokensPerSecond());
        }
        assertTrue(r.why().startsWith(String.join(" + ", r.alternatives().getFirst().designs())), r.why());
        // the winner beats the site as written, or the search missed it
        SitePlan asWritten = SitePlannerTest.plan(site, SitePlannerTest.SITE_100);
        assertTrue(r.alternatives().getFirst().plan().outputTokensPerSecond() >= 0.9 * asWritten.outputTokensPerSecond());
    }

    @Test
    void aCancelledSearchStops() {
        SiteDocument site = SiteIO.read(SitePlannerTest.SITE_100);
        SiteOptimizer o = new SiteOptimizer(SitePlannerTest.PLANNER);
        List<SiteOptimizer.Candidate> candidates = SiteOptimizer.defaultCandidates(SitePlannerTest.PLANNER.evaluator(), Map.of());
        int[] progress = {0};
        org.junit.jupiter.api.Assertions.assertThrows(CancellationException.class,
                () -> o.optimize(site, candidates, SiteOptimizer.Objective.TOKENS, p -> progress[0]++, () -> progress[0] >= 2));
        // candidates run in parallel: those already started finish, no new one starts
        assertTrue(progress[0] >= 2 && progress[0] < candidates.size(), "stopped after " + progress[0] + " of " + candidates.size());
    }
}
