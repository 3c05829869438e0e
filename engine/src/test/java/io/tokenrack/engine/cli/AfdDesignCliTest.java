package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenrack.engine.catalog.StrictJson;
import org.junit.jupiter.api.Test;

/** The Vera Rubin + LPX example design evaluates with attention–FFN disaggregation, and says so in its JSON. */
class AfdDesignCliTest {
    @Test
    void veraRubinWithLpxServesKimiWithAttentionOnTheGpusAndTheFfnOnTheLpus() throws Exception {
        // at 300 tokens/s per user (auto: an EAGLE-style head) the decode pool moves the FFN of a layer the LPX rack holds
        EvaluateCommandTest.Run r = EvaluateCommandTest.run("evaluate", "--design", "../presets/designs/vera-rubin-lpx.json", "--model", "kimi-k2",
                "--precision", "fp8", "--isl", "8192", "--osl", "1024", "--min-tokens-per-second-per-user", "300", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = StrictJson.mapper().readTree(r.out());
        JsonNode s = j.get("serving");
        assertEquals("afd", s.get("mode").asText());
        assertEquals("rubin", s.get("attentionAcceleratorId").asText());
        assertEquals("lp30", s.get("ffnAcceleratorId").asText());
        assertTrue(s.get("ffnAccelerators").asInt() > 0 && s.get("ffnAccelerators").asInt() <= 256, s.toString());
        assertTrue(s.get("offloadedLayers").asInt() >= 1, s.toString());
        // prefill/decode pools: a prefill pool of GPUs, a decode pool of GPUs (attention) with the LPUs (FFN), the KV cache moved between
        assertTrue(s.get("prefillDecodePools").asBoolean(), s.toString());
        assertTrue(s.get("prefillAccelerators").asInt() + s.get("attentionAccelerators").asInt() <= 216, s.toString());
        assertEquals(s.get("attentionAccelerators").asInt() + s.get("ffnAccelerators").asInt(), s.get("decodeAccelerators").asInt());
        assertEquals("rubin", s.get("prefillAcceleratorId").asText());
        assertTrue(j.get("kvTransferSeconds").asDouble() > 0 && j.get("ttftSeconds").asDouble() > j.get("kvTransferSeconds").asDouble(), j.toString());
        assertTrue(j.get("tokensPerSecondPerUser").asDouble() >= 300);
        assertEquals(216 + 256, j.get("accelerators").asInt());

        EvaluateCommandTest.Run text = EvaluateCommandTest.run("evaluate", "--design", "../presets/designs/vera-rubin-lpx.json", "--model", "kimi-k2",
                "--precision", "fp8", "--isl", "8192", "--osl", "1024", "--min-tokens-per-second-per-user", "300");
        assertTrue(text.out().contains("on 216 × rubin + 256 × lp30, attention–FFN disaggregated"), text.out());
        assertTrue(text.out().contains("note: attention–FFN disaggregation:"), text.out());

        EvaluateCommandTest.Run aggregated = EvaluateCommandTest.run("evaluate", "--design", "../presets/designs/vera-rubin-lpx.json", "--model",
                "kimi-k2", "--isl", "8192", "--osl", "1024", "--serving", "aggregated");
        assertEquals(2, aggregated.exit(), aggregated.out());
        assertTrue(aggregated.err().contains("mixes accelerators"), aggregated.err());
    }

    @Test
    void whenMovingLayersWouldSlowEachTokenTheGpusServeAloneAndSaySo() throws Exception {
        // DeepSeek-R1 in fp4 at 50 tokens/s per user: the LPUs' round trips cost more than the GPU layers they would replace
        EvaluateCommandTest.Run r = EvaluateCommandTest.run("evaluate", "--design", "../presets/designs/vera-rubin-lpx.json", "--model",
                "deepseek-r1", "--precision", "fp4", "--isl", "1024", "--osl", "1024", "--min-tokens-per-second-per-user", "50", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = StrictJson.mapper().readTree(r.out());
        assertEquals("afd", j.get("serving").get("mode").asText());
        assertEquals(0, j.get("serving").get("offloadedLayers").asInt(), j.get("serving").toString());
        assertEquals(0, j.get("serving").get("ffnAccelerators").asInt());
        assertTrue(j.get("notes").toString().contains("attention–FFN disaggregation does not pay here"), j.get("notes").toString());
    }

    @Test
    void sweepGivesTheCurveAndTheFrontierOfATwoKindDesign() {
        EvaluateCommandTest.Run curve = EvaluateCommandTest.run("sweep", "--design", "../presets/designs/vera-rubin-lpx.json", "--model", "kimi-k2",
                "--precision", "fp8", "--isl", "8192", "--osl", "1024", "--curve", "--points", "4");
        assertEquals(0, curve.exit(), curve.err());
        String[] lines = curve.out().strip().split("\n");
        assertTrue(lines[0].startsWith("concurrency,"), lines[0]);
        assertEquals(5, lines.length, curve.out());
        // one request first, the most that fit last: throughput rises, speed per user falls
        String[] first = lines[1].split(",");
        String[] last = lines[4].split(",");
        assertEquals("1", first[0]);
        assertTrue(Double.parseDouble(last[1]) > Double.parseDouble(first[1]), curve.out());
        assertTrue(Double.parseDouble(last[4]) < Double.parseDouble(first[4]), curve.out());

        EvaluateCommandTest.Run frontier = EvaluateCommandTest.run("sweep", "--design", "../presets/designs/vera-rubin-lpx.json", "--model",
                "kimi-k2", "--precision", "fp8", "--isl", "8192", "--osl", "1024", "--points", "6");
        assertEquals(0, frontier.exit(), frontier.err());
        String[] rows = frontier.out().strip().split("\\n");
        assertEquals(SweepCommand.FRONTIER_HEADER, rows[0]);
        assertTrue(rows.length >= 3, frontier.out());
        // every point carries its way of serving: pools of the design's two kinds (attention–FFN or prefill–decode)
        for (int i = 1; i < rows.length; i++) {
            String[] f = rows[i].split(",");
            assertTrue(f[17].equals("afd") || f[17].equals("disaggregated"), rows[i]);
            if (i > 1) {
                // a frontier: speed per user falls as throughput rises
                String[] before = rows[i - 1].split(",");
                assertTrue(Double.parseDouble(f[4]) <= Double.parseDouble(before[4]) && Double.parseDouble(f[1]) >= Double.parseDouble(before[1]),
                        frontier.out());
            }
        }
        assertTrue(frontier.out().contains(",afd,"), frontier.out());
    }

    @Test
    void kimiAt500TokensPerUserIsOutOfReachOfBothDesignsAndEachRefusalGivesItsBestSpeed() throws Exception {
        String[] base = {"evaluate", "--design", "../presets/designs/vera-rubin-lpx.json", "--model", "kimi-k2", "--precision", "fp8",
                "--isl", "8192", "--osl", "1024", "--min-tokens-per-second-per-user", "500"};
        // without speculation (Kimi-K2 ships no MTP) one request is held by the GPUs' per-step, per-layer and per-kernel costs
        double plain = refusedAtBest(with(base, "--speculative", "off"), true);
        // an EAGLE-style head (four drafts, AL 3.11) more than doubles it, but one LPX rack holds the FFN of only 7 of 60 layers:
        // the attention side's kernels still bind each token
        double lpx = refusedAtBest(with(base, "--speculative", "eagle:4"), true);
        assertTrue(lpx > 2 * plain && lpx < 500, plain + " → " + lpx);
        // the NVL72 alone is refused too, and no faster than the design whose LPUs take some layers
        String[] nvl72 = base.clone();
        nvl72[2] = "../presets/designs/vera-rubin-nvl72.json";
        double alone = refusedAtBest(with(nvl72, "--speculative", "eagle:4"), false);
        assertTrue(alone < 500 && alone <= lpx, alone + " vs " + lpx);
    }

    private static String[] with(String[] base, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more)).toArray(String[]::new);
    }

    /** Runs a refused evaluation and returns the best tokens/s per user its message gives. */
    private static double refusedAtBest(String[] args, boolean bothForms) {
        EvaluateCommandTest.Run r = EvaluateCommandTest.run(args);
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("one request alone gets at best"), r.err());
        if (bothForms) {
            assertTrue(r.err().contains("split into prefill and decode pools"), "the refusal names both forms it tried: " + r.err());
        }
        return Double.parseDouble(r.err().replaceAll("(?s).*at best ([0-9.,]+) tokens/s.*", "$1").replace(",", ""));
    }
}
