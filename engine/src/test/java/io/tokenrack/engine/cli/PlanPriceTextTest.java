package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenrack.engine.catalog.StrictJson;
import org.junit.jupiter.api.Test;

/** Catalog prices: the GB200 NVL72 rack estimate is in the catalog; a missing price is named, not "$?". */
class PlanPriceTextTest {
    static final String WORKLOAD = "--model deepseek-r1 --precision fp4 --isl 1024 --osl 1024 --min-tokens-per-second-per-user 30 --price-usd-per-m 2";

    static CliRun plan(String design, String... more) {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("plan", "--site-mw", "10", "--design",
                "../presets/designs/" + design, "--share", "1"));
        args.addAll(java.util.List.of(WORKLOAD.split(" ")));
        args.addAll(java.util.List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    @Test
    void aGb200RackCostsTheRackEstimateFromTheCatalog() throws Exception {
        CliRun r = plan("gb200-nvl72.json", "--json");
        assertEquals(0, r.exitCode(), r.err());
        JsonNode j = StrictJson.mapper().readTree(r.out());
        JsonNode d = j.get("designs").get(0);
        // 18 compute trays × $3.0M ÷ 18 (S20/S54 rack estimate); switch trays carry no price
        assertEquals(18 * 166_667.0, d.get("capexUsd").asDouble() / d.get("units").asInt(), 1.0);
        assertTrue(Double.isFinite(j.get("usdPerMillionOutputTokens").asDouble()) && j.get("usdPerMillionOutputTokens").asDouble() > 0);
    }

    @Test
    void aDesignWithoutAPriceSaysWhichPriceIsMissing() {
        CliRun r = plan("mi355x-liquid.json");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().contains("$?"), r.out());
        assertTrue(r.out().contains("unknown (no price in the catalog for "), r.out());
    }
}
