package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenrack.engine.catalog.StrictJson;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

class EvaluateCommandTest {
    record Run(int exit, String out, String err) {}

    static Run run(String... args) {
        CommandLine cl = new CommandLine(new TokenRackCli());
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void jsonHasTheContractKeys() throws Exception {
        Run r = run("evaluate", "--accelerator", "h100-sxm", "--count", "8", "--model", "llama-3.1-70b", "--isl", "1024",
                "--osl", "1024", "--concurrency", "64", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode j = StrictJson.mapper().readTree(r.out());
        for (String key : new String[] {"outputTokensPerSecond", "outputTokensPerSecondPerAccelerator", "totalTokensPerSecondPerAccelerator",
                "tokensPerSecondPerUser", "ttftSeconds", "tpotSeconds", "concurrency", "itPowerWatts", "facilityPowerWatts",
                "outputTokensPerJoule", "usdPerMillionOutputTokens", "bottleneck"}) {
            assertTrue(j.has(key), key);
        }
        for (String p : new String[] {"tp", "pp", "ep", "dp"}) {
            assertTrue(j.get("parallelism").get(p).isInt(), p);
        }
        assertEquals(64, j.get("concurrency").asDouble(), 1e-9);
        assertTrue(j.get("concurrency").isIntegralNumber(), "requests in flight are a whole number: " + j.get("concurrency"));
    }

    @Test
    void textOutputGroupsThousandsUsesWordsAndSecondsForLongTimes() {
        Run r = run("evaluate", "--accelerator", "gaudi3", "--count", "8", "--model", "llama-3.1-70b", "--isl", "2048", "--osl", "2048",
                "--concurrency", "600", "--batching", "static", "--speculative", "off");
        assertEquals(0, r.exit(), r.err());
        String numbers = r.out().substring(r.out().indexOf('\n')); // after the line naming the model and accelerator
        assertTrue(!java.util.regex.Pattern.compile("(?<![\\d,.])\\d{4,}").matcher(numbers).find(), "ungrouped thousands in:\n" + r.out());
        assertTrue(!r.out().contains("_"), "code names in:\n" + r.out());
        assertTrue(r.out().contains("memory bandwidth bound"), r.out());
        assertTrue(r.out().contains("attention over the KV cache"), r.out());
        assertTrue(!r.out().contains("steady step"), "a static batch has no steady step:\n" + r.out());
        assertTrue(java.util.regex.Pattern.compile("TTFT / TPOT +\\d+(\\.\\d+)? s / ").matcher(r.out()).find(),
                "a TTFT of many seconds reads in seconds:\n" + r.out());

        Run continuous = run("evaluate", "--accelerator", "gaudi3", "--count", "8", "--model", "llama-3.1-70b", "--isl", "2048", "--osl", "2048",
                "--concurrency", "600");
        assertTrue(continuous.out().contains("steady step"), continuous.out());
    }

    @Test
    void limitsInMessagesAreNotRoundedToZero() {
        Run r = run("evaluate", "--accelerator", "h100-sxm", "--count", "8", "--model", "llama-3.1-70b", "--isl", "1024", "--osl", "1024",
                "--ttft-ms", "0.4");
        assertEquals(CliSupport.BAD_INPUT, r.exit());
        assertTrue(r.err().contains("asked TTFT ≤ 0.4 ms"), r.err());
    }

    @Test
    void errorsExitTwoWithOneLine() {
        for (String[] args : new String[][] {
                {"evaluate", "--accelerator", "nope", "--count", "1", "--model", "llama-3.1-8b", "--isl", "10", "--osl", "10"},
                {"evaluate", "--accelerator", "h100-sxm", "--count", "1", "--model", "nope", "--isl", "10", "--osl", "10"},
                {"evaluate", "--accelerator", "l40s", "--count", "1", "--model", "llama-3.1-405b", "--isl", "10", "--osl", "10"},
                {"evaluate", "--accelerator", "h100-sxm", "--count", "8", "--model", "llama-3.1-70b", "--isl", "10", "--osl", "10", "--tp", "16"},
                {"evaluate", "--design", "no-such-file.json", "--model", "llama-3.1-70b", "--isl", "10", "--osl", "10"}}) {
            Run r = run(args);
            assertEquals(2, r.exit(), String.join(" ", args) + " → " + r.out());
            assertEquals(1, r.err().strip().lines().count(), r.err());
        }
    }

    @Test
    void sweepPrintsACsvCurve() {
        Run r = run("sweep", "--accelerator", "h200-sxm", "--count", "8", "--model", "llama-3.3-70b", "--isl", "1024", "--osl", "1024",
                "--points", "16");
        assertEquals(0, r.exit(), r.err());
        var lines = r.out().strip().lines().toList();
        assertEquals(SweepCommand.FRONTIER_HEADER, lines.get(0));
        assertTrue(lines.size() > 8);
        Run limited = run("sweep", "--accelerator", "h200-sxm", "--count", "8", "--model", "llama-3.3-70b", "--isl", "1024", "--osl", "1024",
                "--ttft-ms", "100");
        assertEquals(CliSupport.BAD_INPUT, limited.exit(), "an option the sweep would ignore is refused, not silently dropped");
        assertTrue(limited.err().contains("the sweep covers every concurrency"), limited.err());
    }

    @Test
    void moreRequestsThanFitAreSaidToQueue() {
        Run r = run("evaluate", "--accelerator", "h100-sxm", "--count", "8", "--model", "llama-3.1-70b", "--isl", "1024", "--osl", "1024",
                "--concurrency", "100000");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("100,000 requested, the rest wait in a queue"), r.out());
        assertTrue(r.out().matches("(?s).*TTFT / TPOT +[0-9,.]+ s / .*"), "a long TTFT reads in seconds: " + r.out());
    }

    @Test
    void validateSummarisesTheRows(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path csv = dir.resolve("cal.csv");
        java.nio.file.Files.writeString(csv, String.join(",", io.tokenrack.engine.validate.CalibrationCsv.HEADER) + "\n"
                + "X-1,https://example.org,llama-3.3-70b,fp8,h200-sxm,2,2,1,1,1024,1024,max-throughput,,outputTokensPerSecondPerAccelerator,2582.0,tok/s,\"a, quoted note\"\n");
        Run r = run("validate", "--data", csv.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("summary: 1 rows, 1 predicted"), r.out());
    }

    @Test
    void aDesignWithAWorkloadNeedsNoWorkloadOptionsAndOptionsOverrideIt() throws Exception {
        String design = System.getProperty("tokenrack.presets.dir") + "/designs/dgx-h100-4x-air.json"; // llama-3.1-70b, fp8, 1024 in / 1024 out, max at >= 50 tok/s per user
        Run own = run("evaluate", "--design", design, "--json");
        assertEquals(0, own.exit(), own.err());
        JsonNode j = StrictJson.mapper().readTree(own.out());
        assertEquals("llama-3.1-70b", j.get("modelId").asText());
        assertTrue(j.get("tokensPerSecondPerUser").asDouble() >= 50, "the design's workload asks for at least 50 tokens/s per user: " + own.out());
        assertTrue(j.get("concurrency").asDouble() < j.get("maxConcurrency").asDouble(), "the speed floor, not memory, caps the concurrency");

        Run spelledOut = run("evaluate", "--design", design, "--model", "llama-3.1-70b", "--precision", "fp8", "--isl", "1024",
                "--osl", "1024", "--min-tokens-per-second-per-user", "50", "--json");
        assertEquals(own.out(), spelledOut.out(), "the same workload given as options gives the same result");

        Run overridden = run("evaluate", "--design", design, "--concurrency", "8", "--json");
        assertEquals(8, StrictJson.mapper().readTree(overridden.out()).get("concurrency").asDouble(), 1e-9);
    }

    @Test
    void withoutADesignWorkloadTheMissingOptionsAreNamed() {
        Run r = run("evaluate", "--accelerator", "h100-sxm", "--count", "8", "--model", "llama-3.1-70b");
        assertEquals(CliSupport.BAD_INPUT, r.exit());
        assertEquals("tokenrack evaluate: --isl and --osl are required (or give a --design with a workload)\n", r.err());
    }

    @Test
    void unreachableLatencyLimitsSayWhatOneRequestAloneGets() {
        Run r = run("evaluate", "--accelerator", "h100-sxm", "--count", "8", "--model", "llama-3.1-70b", "--isl", "1024", "--osl", "1024",
                "--min-tokens-per-second-per-user", "5000");
        assertEquals(CliSupport.BAD_INPUT, r.exit());
        assertTrue(r.err().startsWith("tokenrack evaluate: no concurrency meets the latency limits on 8 × h100-sxm: one request alone gets at best "),
                r.err());
        assertTrue(r.err().contains("; asked ≥ 5,000 tokens/s per user"), r.err());
    }

    @Test
    void aNetworkWithoutAPowerFigureIsUnknownNotZero() throws Exception {
        String design = System.getProperty("tokenrack.presets.dir") + "/designs/dgx-h100-4x-air.json"; // its InfiniBand leaf publishes no power
        Run r = run("evaluate", "--design", design, "--json");
        JsonNode j = StrictJson.mapper().readTree(r.out());
        assertTrue(j.get("networkPowerWatts").isNull(), r.out());
        assertTrue(!j.get("networkPowerComplete").asBoolean());
        int uncounted = 0;
        for (JsonNode p : j.get("provenance")) {
            if (p.get("status").asText().equals("NOT_COUNTED")) {
                uncounted++;
                assertEquals("not counted", p.get("value").asText());
                assertEquals("ASSUMPTION", p.get("kind").asText());
            }
        }
        assertEquals(1, uncounted, j.get("provenance").toString());
    }

    @Test
    void aDesignsRacksCarryTheirModelledDraw() throws Exception {
        String design = System.getProperty("tokenrack.presets.dir") + "/designs/dgx-h100-4x-air.json"; // one rack holds all 32 GPUs
        JsonNode j = StrictJson.mapper().readTree(run("evaluate", "--design", design, "--json").out());
        assertEquals(1, j.get("racks").size(), j.toString());
        JsonNode rack = j.get("racks").get(0);
        assertEquals("rack-1", rack.get("rackId").asText());
        assertEquals(32, rack.get("accelerators").asInt());
        assertEquals(j.get("itPowerWatts").asDouble(), rack.get("itPowerWatts").asDouble(), 1e-6, "the only rack draws all the IT power");
        assertTrue(rack.get("powerBudgetWatts").asDouble() > 0);
        JsonNode standard = StrictJson.mapper().readTree(run("evaluate", "--accelerator", "h100-sxm", "--count", "8", "--model",
                "llama-3.1-70b", "--isl", "1024", "--osl", "1024", "--json").out());
        assertEquals(0, standard.get("racks").size(), "N accelerators are not placed in racks");
    }

    @Test
    void prefixHitRateOptionShowsInTextAndJsonAndCutsTtft() throws Exception {
        String[] base = {"evaluate", "--accelerator", "h100-sxm", "--count", "8", "--model", "llama-3.1-70b", "--isl", "8192",
                "--osl", "1024", "--concurrency", "32"};
        Run cold = run(concat(base, "--json"));
        Run hot = run(concat(base, "--json", "--prefix-hit-rate", "0.9"));
        assertEquals(0, hot.exit(), hot.err());
        JsonNode c = StrictJson.mapper().readTree(cold.out());
        JsonNode h = StrictJson.mapper().readTree(hot.out());
        assertEquals(0.0, c.get("prefixHitRate").asDouble());
        assertEquals(0.9, h.get("prefixHitRate").asDouble());
        assertTrue(h.get("ttftSeconds").asDouble() < c.get("ttftSeconds").asDouble(), hot.out());

        Run text = run(concat(base, "--prefix-hit-rate", "0.9"));
        assertEquals(0, text.exit(), text.err());
        assertTrue(text.out().lines().findFirst().orElseThrow().contains("prefix cache hit 90%"), text.out());
        assertTrue(!run(base).out().contains("prefix cache"), "nothing said when there is no prefix cache");

        Run bad = run(concat(base, "--prefix-hit-rate", "1"));
        assertEquals(2, bad.exit());
        assertTrue(bad.err().contains("--prefix-hit-rate: must be at least 0 and below 1"), bad.err());
        Run notNumber = run(concat(base, "--prefix-hit-rate", "lots"));
        assertEquals(2, notNumber.exit());
        assertTrue(notNumber.err().contains("--prefix-hit-rate"), notNumber.err());
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    @Test
    void speculativeDecodingIsReportedAndBadValuesExitTwoWithOneLine() throws Exception {
        Run r = run("evaluate", "--accelerator", "b200", "--count", "8", "--model", "deepseek-r1", "--precision", "fp4", "--isl", "1024",
                "--osl", "2048", "--concurrency", "1", "--speculative", "mtp:3", "--acceptance-length", "2.8", "--json");
        assertEquals(0, r.exit(), r.err());
        JsonNode s = StrictJson.mapper().readTree(r.out()).path("serving").path("speculative");
        assertEquals("mtp", s.path("method").asText());
        assertEquals(3, s.path("draftTokens").asInt());
        assertEquals(2.8, s.path("acceptanceLength").asDouble(), 1e-12);
        Run text = run("evaluate", "--accelerator", "b200", "--count", "8", "--model", "deepseek-r1", "--precision", "fp4", "--isl", "1024",
                "--osl", "2048", "--concurrency", "1", "--speculative", "off");
        assertTrue(text.out().contains("speculative decoding   off"), text.out());
        for (String[] bad : new String[][] {{"--speculative", "mtp"}, {"--speculative", "mtp:0"}, {"--speculative", "mtp:x"},
                {"--speculative", "fast"}, {"--speculative", "draft::2"}, {"--speculative", "draft:nope:2"},
                {"--speculative", "draft:qwen3-32b:2"}, {"--speculative", "mtp:2", "--model", "llama-3.1-70b"},
                {"--speculative", "mtp:2", "--acceptance-length", "3.5"}, {"--acceptance-length", "2"},
                {"--speculative", "eagle:2", "--acceptance-length", "0.5"}}) {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("evaluate", "--accelerator", "b200", "--count", "8",
                    "--model", "deepseek-r1", "--isl", "1024", "--osl", "1024", "--concurrency", "1"));
            args.addAll(java.util.List.of(bad));
            Run e = run(args.toArray(String[]::new));
            assertEquals(2, e.exit(), String.join(" ", bad) + " → " + e.out());
            assertEquals(1, e.err().strip().lines().count(), e.err());
        }
    }
}
