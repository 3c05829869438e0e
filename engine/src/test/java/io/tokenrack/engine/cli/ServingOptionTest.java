package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenrack.engine.catalog.StrictJson;
import org.junit.jupiter.api.Test;

/** {@code evaluate --serving}, and SRAM-resident chips from the command line. */
class ServingOptionTest {
    static EvaluateCommandTest.Run run(String... args) {
        return EvaluateCommandTest.run(args);
    }

    @Test
    void anUnknownServingModeIsOneLineNamingTheOption() {
        EvaluateCommandTest.Run r = run("evaluate", "--accelerator", "h100-sxm", "--count", "8", "--model", "llama-3.1-70b", "--isl", "1024",
                "--osl", "1024", "--serving", "sideways");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("--serving: expected aggregated, disaggregated, afd or auto, was 'sideways'"), r.err());
    }

    @Test
    void afdNeedsADesignWithTwoKindsOfAccelerators() {
        EvaluateCommandTest.Run r = run("evaluate", "--accelerator", "h100-sxm", "--count", "8", "--model", "llama-3.1-70b", "--isl", "1024",
                "--osl", "1024", "--serving", "afd");
        assertEquals(2, r.exit(), r.out());
        assertTrue(r.err().contains("--serving afd: needs a --design with two kinds of accelerators"), r.err());
        EvaluateCommandTest.Run one = run("evaluate", "--design", "../presets/designs/gb300-nvl72.json", "--serving", "afd");
        assertEquals(2, one.exit(), one.out());
        assertTrue(one.err().contains("attention–FFN disaggregation needs a design with two kinds of accelerators"), one.err());
    }

    @Test
    void fiveHundredSeventySixGroqChipsServeLlama70bAndSayWhy() throws Exception {
        String[] args = {"evaluate", "--accelerator", "groq-lpu", "--count", "576", "--model", "llama-2-70b", "--precision", "fp8", "--isl", "550",
                "--osl", "150", "--concurrency", "5"};
        EvaluateCommandTest.Run r = run(args);
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("note: SRAM-resident layout, 576 chips per replica"), r.out());
        assertTrue(r.out().contains("bound by SRAM reads") && r.out().contains("chip-to-chip") && r.out().contains("engine overheads"), r.out());
        String[] json = java.util.Arrays.copyOf(args, args.length + 1);
        json[args.length] = "--json";
        JsonNode j = StrictJson.mapper().readTree(run(json).out());
        assertEquals("aggregated", j.get("serving").get("mode").asText());
        assertTrue(j.get("parallelism").get("pp").asInt() <= 80);
    }
}
