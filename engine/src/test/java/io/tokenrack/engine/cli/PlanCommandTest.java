package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenrack.engine.catalog.StrictJson;
import org.junit.jupiter.api.Test;

class PlanCommandTest {
    static final String SITE = "../presets/sites/100mw-gb300-gb200.json";

    @Test
    void aSiteFileGivesTheContractFields() throws Exception {
        CliRun r = CliRun.of("plan", "--site", SITE, "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = StrictJson.mapper().readTree(r.out());
        for (String key : new String[] {"siteMegawatts", "racks", "accelerators", "outputTokensPerSecond", "outputTokensPerSecondPerMegawatt",
                "itPowerWatts", "facilityPowerWatts", "usdPerMillionOutputTokens", "annualRevenueUsd", "capexUsd", "paybackYears", "bindingLimit"}) {
            assertTrue(j.has(key) && !j.get(key).isNull(), key);
        }
        assertEquals(100, j.get("siteMegawatts").asDouble());
        assertEquals("power", j.get("bindingLimit").asText());
        assertTrue(j.get("facilityPowerWatts").asDouble() <= 100e6);
    }

    @Test
    void clockLockedRacksSizedByP90DrawLessAndFitMore() throws Exception {
        JsonNode full = StrictJson.mapper().readTree(CliRun.of("plan", "--site", SITE, "--rack-power-basis", "p90", "--json").out());
        CliRun r = CliRun.of("plan", "--site", SITE, "--rack-power-basis", "p90", "--operating-point", "clock:0.6", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode locked = StrictJson.mapper().readTree(r.out());
        assertEquals("p90", locked.get("rackPowerBasis").asText());
        assertTrue(locked.get("racks").asInt() > full.get("racks").asInt());
        assertTrue(locked.get("designs").get(0).get("modelledItWattsPerUnit").asDouble()
                < full.get("designs").get(0).get("modelledItWattsPerUnit").asDouble(), "a locked rack draws less");
        CliRun bad = CliRun.of("plan", "--site", SITE, "--operating-point", "clock:2");
        assertEquals(2, bad.exitCode());
        assertTrue(bad.err().contains("--operating-point"), bad.err());
    }

    @Test
    void siteMwOverridesTheEnvelopeAndMoreMegawattsBuyMore() throws Exception {
        JsonNode small = StrictJson.mapper().readTree(CliRun.of("plan", "--site", SITE, "--json").out());
        CliRun r = CliRun.of("plan", "--site", SITE, "--site-mw", "200", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode big = StrictJson.mapper().readTree(r.out());
        assertEquals(200, big.get("siteMegawatts").asDouble());
        assertTrue(big.get("racks").asInt() >= 2 * small.get("racks").asInt() - 2);
    }

    @Test
    void designsOnTheCommandLineWithShares() throws Exception {
        CliRun r = CliRun.of("plan", "--site-mw", "50", "--design", "../presets/designs/gb300-nvl72.json", "--share", "0.5",
                "--design", "../presets/designs/gb200-nvl72.json", "--share", "0.5", "--model", "deepseek-r1", "--precision", "fp4",
                "--isl", "1024", "--osl", "1024", "--min-tokens-per-second-per-user", "30", "--price-usd-per-m", "2", "--json", "--sensitivity");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = StrictJson.mapper().readTree(r.out());
        assertEquals(2, j.get("designs").size());
        assertEquals(8, j.get("sensitivity").get("bars").size());
        assertTrue(j.get("facilityCapexUsd").asDouble() > 0, "the facility build is counted even where the hardware has no price");
        assertTrue(j.get("itPowerByMeasureWatts").get("p90").asDouble() <= j.get("itPowerByMeasureWatts").get("maxP").asDouble());
    }

    @Test
    void optimizeAddsAlternatives() throws Exception {
        CliRun r = CliRun.of("plan", "--site-mw", "100", "--model", "deepseek-r1", "--precision", "fp4", "--isl", "1024", "--osl", "1024",
                "--min-tokens-per-second-per-user", "50", "--optimize", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = StrictJson.mapper().readTree(r.out());
        assertTrue(j.get("alternatives").size() >= 2 && j.get("alternatives").size() <= 5);
        assertTrue(j.get("why").asText().length() > 20);
    }

    @Test
    void badInputIsOneLineAndExitTwo() {
        CliRun r = CliRun.of("plan", "--site", SITE, "--site-mw", "-3");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains("--site-mw"), r.err());
        CliRun missing = CliRun.of("plan", "--site", "no-such-site.json");
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("no-such-site.json"), missing.err());
        CliRun mixed = CliRun.of("plan", "--site", SITE, "--model", "deepseek-r1");
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.err().contains("leave out --design and the workload options"), mixed.err());
    }
}
