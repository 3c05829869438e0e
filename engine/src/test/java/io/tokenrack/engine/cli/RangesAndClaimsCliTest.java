package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenrack.engine.catalog.StrictJson;
import org.junit.jupiter.api.Test;

/** {@code evaluate}'s ranges for announced hardware, and the {@code claims} command. */
class RangesAndClaimsCliTest {
    static final String[] RUBIN = {"evaluate", "--accelerator", "rubin", "--count", "72", "--model", "deepseek-r1", "--precision", "fp4",
            "--isl", "1024", "--osl", "1024", "--concurrency", "max"};

    @Test
    void rubinGivesPowerTokensPerJouleAndCostWithRanges() throws Exception {
        String[] args = java.util.Arrays.copyOf(RUBIN, RUBIN.length + 1);
        args[RUBIN.length] = "--json";
        var r = EvaluateCommandTest.run(args);
        assertEquals(0, r.exit(), r.err());
        JsonNode j = StrictJson.mapper().readTree(r.out());
        for (String key : new String[] {"itPowerWatts", "outputTokensPerJoule", "usdPerMillionOutputTokens"}) {
            assertTrue(j.get(key).isNumber(), key + " is known: " + j.get(key));
            JsonNode range = j.get("range").get(key);
            double v = j.get(key).asDouble();
            assertTrue(range.get("low").asDouble() <= v && v <= range.get("high").asDouble(), key + " " + range + " around " + v);
        }
        assertTrue(j.get("range").get("outputTokensPerJoule").get("high").asDouble()
                > j.get("range").get("outputTokensPerJoule").get("low").asDouble());
        boolean bandwidth = false;
        for (JsonNode in : j.get("rangeInputs")) {
            bandwidth |= in.get("itemId").asText().equals("rubin") && in.get("field").asText().equals("memBandwidthTBps")
                    && in.get("low").asDouble() == 19.2 && in.get("high").asDouble() == 22 && in.get("provenance").asText().equals("announced");
        }
        assertTrue(bandwidth, j.get("rangeInputs").toString());
    }

    @Test
    void textShowsTheRangesAsAToB() {
        var r = EvaluateCommandTest.run(RUBIN);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().matches("(?s).*output tokens/joule +[0-9.]+–[0-9.]+ \\(IT\\).*"), r.out());
        assertTrue(r.out().contains("memBandwidthTBps 19.2–22 (announced)"), r.out());
    }

    @Test
    void aShippingPartHasNoRange() throws Exception {
        var r = EvaluateCommandTest.run("evaluate", "--accelerator", "h100-sxm", "--count", "8", "--model", "llama-3.1-70b", "--isl", "1024",
                "--osl", "1024", "--concurrency", "64", "--json");
        JsonNode j = StrictJson.mapper().readTree(r.out());
        assertFalse(j.has("range"));
        assertFalse(j.has("rangeInputs"));
        assertFalse(EvaluateCommandTest.run("evaluate", "--accelerator", "h100-sxm", "--count", "8", "--model", "llama-3.1-70b",
                "--isl", "1024", "--osl", "1024", "--concurrency", "64").out().contains("ranges"));
    }

    @Test
    void claimsAreNeverMeasurementsAndComeWithTheModelsNumber() throws Exception {
        var r = EvaluateCommandTest.run("claims", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = StrictJson.mapper().readTree(r.out());
        assertTrue(j.size() >= 3);
        for (JsonNode c : j) {
            assertFalse(c.get("measurement").asBoolean());
            assertFalse(c.get("conditions").asText().isBlank());
            assertFalse(c.get("source").asText().isBlank());
            JsonNode m = c.get("model");
            if (m.get("value").isNumber()) {
                assertTrue(m.get("low").asDouble() <= m.get("value").asDouble() && m.get("value").asDouble() <= m.get("high").asDouble(), c.toString());
            } else {
                assertFalse(m.get("failure").asText().isBlank(), c.toString());
            }
        }
        JsonNode perWatt = j.get(0);
        assertEquals("vera-rubin-10x-per-watt", perWatt.get("id").asText());
        assertEquals("ratio", perWatt.get("model").get("kind").asText());
        assertTrue(perWatt.get("model").get("value").asDouble() > 1, "Rubin gives more tokens per joule than GB300 in the model");
    }
}
