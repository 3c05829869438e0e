package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenrack.engine.catalog.StrictJson;
import org.junit.jupiter.api.Test;

/** {@code evaluate --serving …}: the split in JSON and in words, and one-line refusals of bad combinations. */
class ServingCliTest {
    static final String[] B200 = {"evaluate", "--accelerator", "b200", "--count", "8", "--model", "deepseek-r1", "--isl", "8192", "--osl", "1024"};

    static String[] with(String... more) {
        String[] all = new String[B200.length + more.length];
        System.arraycopy(B200, 0, all, 0, B200.length);
        System.arraycopy(more, 0, all, B200.length, more.length);
        return all;
    }

    static JsonNode json(CliRun r) throws Exception {
        assertEquals(0, r.exitCode(), r.err());
        return StrictJson.mapper().readTree(r.out());
    }

    @Test
    void jsonCarriesTheSplitAndTheKvTransfer() throws Exception {
        JsonNode j = json(CliRun.of(with("--serving", "disaggregated", "--prefill-count", "4", "--decode-count", "4", "--json")));
        JsonNode s = j.get("serving");
        assertEquals("disaggregated", s.get("mode").asText());
        assertEquals(4, s.get("prefillAccelerators").asInt());
        assertEquals(4, s.get("decodeAccelerators").asInt());
        for (String k : new String[] {"prefillParallelism", "decodeParallelism"}) {
            for (String p : new String[] {"tp", "pp", "ep", "dp"}) {
                assertTrue(s.get(k).get(p).isInt(), k + "." + p);
            }
        }
        assertTrue(j.get("kvTransferSeconds").asDouble() > 0);
        assertTrue(j.get("ttftSeconds").asDouble() > j.get("kvTransferSeconds").asDouble());
    }

    @Test
    void disaggregatedServingTakesSpeculativeDecodingOnItsDecodePool() throws Exception {
        JsonNode j = json(CliRun.of(with("--precision", "fp4", "--concurrency", "5", "--serving", "disaggregated", "--speculative", "mtp:3",
                "--json")));
        assertEquals("disaggregated", j.get("serving").get("mode").asText());
        JsonNode spec = j.get("serving").get("speculative");
        assertEquals("mtp", spec.get("method").asText());
        assertEquals(3, spec.get("draftTokens").asInt());
        assertTrue(spec.get("acceptanceLength").asDouble() > 2, spec.toString());
        JsonNode off = json(CliRun.of(with("--precision", "fp4", "--concurrency", "5", "--serving", "disaggregated", "--speculative", "off",
                "--json")));
        assertTrue(j.get("tokensPerSecondPerUser").asDouble() > off.get("tokensPerSecondPerUser").asDouble());
    }

    @Test
    void sweepPrintsDisaggregatedPointsAndFollowsServingAndSpeculative() {
        String[] base = {"sweep", "--accelerator", "b200", "--count", "8", "--model", "deepseek-r1", "--precision", "fp4", "--isl", "8192",
                "--osl", "1024", "--points", "16"};
        CliRun auto = CliRun.of(base);
        assertEquals(0, auto.exitCode(), auto.err());
        assertTrue(auto.out().lines().anyMatch(l -> l.contains(",disaggregated,") && l.contains("P") && l.contains("D (")), auto.out());
        CliRun aggregated = CliRun.of(java.util.stream.Stream.concat(java.util.Arrays.stream(base),
                java.util.stream.Stream.of("--serving", "aggregated", "--speculative", "off")).toArray(String[]::new));
        assertEquals(0, aggregated.exitCode(), aggregated.err());
        var rows = aggregated.out().lines().skip(1).toList();
        assertTrue(!rows.isEmpty() && rows.stream().allMatch(l -> l.contains(",aggregated,off,")), aggregated.out());
    }

    @Test
    void aggregatedJsonSaysSoWithNoTransfer() throws Exception {
        JsonNode j = json(CliRun.of(with("--serving", "aggregated", "--json")));
        assertEquals("aggregated", j.get("serving").get("mode").asText());
        assertEquals(8, j.get("serving").get("prefillAccelerators").asInt());
        assertEquals(0, j.get("kvTransferSeconds").asDouble(), 0);
    }

    @Test
    void textSaysTheSplitInWords() {
        CliRun r = CliRun.of(with("--prefill-count", "4"));
        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains("serving                disaggregated (1P1D): 1 prefill replica (4, "), r.out());
        assertTrue(r.out().contains("KV cache over the scale-up fabric in"), r.out());
    }

    @Test
    void badCombinationsAreOneLineExitTwo() {
        String[][] bad = {
                {"--serving", "split"},
                {"--serving", "aggregated", "--prefill-count", "4"},
                {"--prefill-accelerator", "b200"},
                {"--prefill-count", "5", "--decode-count", "5"},
                {"--prefill-count", "0"},
                {"--decode-count", "-1"},
                {"--serving", "disaggregated", "--batching", "static"},
                {"--prefill-accelerator", "no-such-gpu", "--prefill-count", "4"},
                {"--prefill-accelerator", "h100-sxm", "--prefill-count", "8", "--decode-count", "4"},
        };
        for (String[] b : bad) {
            CliRun r = CliRun.of(with(b));
            assertEquals(CliSupport.BAD_INPUT, r.exitCode(), String.join(" ", b) + ": " + r.err());
            assertEquals(1, r.errLines().length, String.join(" ", b) + ": " + r.err());
        }
    }
}
