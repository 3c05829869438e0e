package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Sizes that wrap {@code int} arithmetic and files that are not designs: each answers exit 2 and
 * one line saying what is wrong, never a stack trace, a negative count or Jackson's internals.
 */
class HostileInputTest {
    @TempDir
    Path dir;

    private static final String[] SMALL = {"--model", "llama-3.1-8b", "--isl", "1000", "--osl", "100"};

    private static CliRun evaluate(String... args) {
        String[] all = new String[1 + args.length + SMALL.length];
        all[0] = "evaluate";
        System.arraycopy(args, 0, all, 1, args.length);
        System.arraycopy(SMALL, 0, all, 1 + args.length, SMALL.length);
        return CliRun.of(all);
    }

    private static void refused(CliRun r, String expected) {
        assertEquals(2, r.exitCode(), r.out() + r.err());
        assertEquals(1, r.errLines().length, r.err());
        assertTrue(r.err().contains(expected), r.err());
        assertFalse(r.err().contains("Exception") || r.err().contains("\tat "), r.err());
    }

    @Test
    void parallelDegreesWhoseProductWrapsAreRefusedNotDividedByZero() {
        // 4 × 1073741824 wraps to 0 in int: it divided by zero (exit 70)
        refused(evaluate("--accelerator", "h100-sxm", "--count", "8", "--tp", "4", "--dp", "1073741824"),
                "--dp: must be a whole number from 1 to 1,000,000, was 1073741824");
        // within each bound, the product 2^30 exceeds the accelerators and says so (no wrap to a small number)
        refused(evaluate("--accelerator", "h100-sxm", "--count", "8", "--tp", "1024", "--pp", "1024", "--dp", "1024"),
                "= 1073741824 exceeds the 8 accelerators");
    }

    @Test
    void theSameParallelismInADesignIsRefusedWithItsField() throws IOException {
        String design = Files.readString(Path.of("../presets/designs/dgx-h100-4x-air.json"))
                .replace("\"workload\": {", "\"workload\": {\"parallelism\": {\"tp\": 4, \"dp\": 1073741824},");
        Path f = Files.writeString(dir.resolve("d.json"), design);
        CliRun r = CliRun.of("evaluate", "--design", f.toString());
        refused(r, "parallelism.dp: must be a whole number from 1 to 1,000,000, was 1073741824");
    }

    @Test
    void acceleratorCountsBeyondAMillionAreRefusedAndAMillionStaysPositive() {
        refused(evaluate("--accelerator", "h100-sxm", "--count", "1073741824"),
                "--count must be a whole number from 1 to 1,000,000 accelerators, was 1073741824");
        refused(evaluate("--accelerator", "h100-sxm", "--count", "1000000000"), "from 1 to 1,000,000");
        CliRun big = evaluate("--accelerator", "h100-sxm", "--count", "1000000", "--json");
        assertEquals(0, big.exitCode(), big.err());
        assertFalse(java.util.regex.Pattern.compile(":\\s*-\\d").matcher(big.out()).find(), "no negative number (maxConcurrency wrapped before): " + big.out());
    }

    @Test
    void sweepAtAMillionAcceleratorsPrintsPoints() {
        CliRun r = CliRun.of("sweep", "--accelerator", "h100-sxm", "--count", "1000000", "--points", "4",
                "--model", "llama-3.1-8b", "--isl", "1000", "--osl", "100");
        assertEquals(0, r.exitCode(), r.err());
        assertEquals(5, r.out().lines().count(), "a header and four points: " + r.out());
    }

    @Test
    void tokenCountsAreBoundedAndTheirSumDoesNotWrapPastTheContextCheck() {
        refused(CliRun.of("evaluate", "--accelerator", "h100-sxm", "--count", "8", "--model", "llama-3.1-8b",
                "--isl", "2147483647", "--osl", "1"), "--isl: must be a whole number from 1 to 10,000,000, was 2147483647");
        refused(CliRun.of("evaluate", "--accelerator", "h100-sxm", "--count", "8", "--model", "llama-3.1-8b",
                "--isl", "10000000", "--osl", "10000000"), "10000000 input + 10000000 output tokens exceed the 131,072-token context");
    }

    @Test
    void limitsMustBeFinitePositiveNumbers() {
        for (String v : new String[] {"Infinity", "NaN", "-1", "0"}) {
            refused(evaluate("--accelerator", "h100-sxm", "--count", "8", "--min-tokens-per-second-per-user", v),
                    "--min-tokens-per-second-per-user: must be a finite positive number, was ");
        }
        refused(evaluate("--accelerator", "h100-sxm", "--count", "8", "--ttft-ms", "Infinity"), "--ttft-ms: must be a finite positive number");
    }

    @Test
    void thePlannerProposesNoMoreStagesThanLayers() {
        // groq-lpu holds 0.23 GB: the planner once went on to pp=128 on an 80-layer model and reported that as bad input;
        // SRAM-resident layouts now split each stage over several chips instead
        CliRun r = CliRun.of("evaluate", "--accelerator", "groq-lpu", "--count", "576", "--model", "llama-3.1-70b", "--isl", "1000", "--osl", "100");
        assertEquals(0, r.exitCode(), r.err());
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\(tp (\\d+), pp (\\d+),").matcher(r.out());
        assertTrue(m.find(), r.out());
        assertTrue(Integer.parseInt(m.group(2)) <= 80, "no more stages than the 80 layers: " + r.out());
        assertFalse(r.err().contains("pp=128") || r.out().contains("pp=128"), r.err());
    }

    @Test
    void aNullRackOrItemIsNamedAsAField() throws IOException {
        Path racks = Files.writeString(dir.resolve("racks.json"), "{\"formatVersion\":1,\"name\":\"x\",\"racks\":[null]}");
        refused(CliRun.of("check", "--design", racks.toString()), "racks[0]: must be an object, was null");
        Path items = Files.writeString(dir.resolve("items.json"),
                "{\"formatVersion\":1,\"name\":\"x\",\"racks\":[{\"id\":\"r\",\"name\":\"R\",\"rackId\":\"air-42u-dgx-h100\",\"items\":[null]}]}");
        CliRun r = CliRun.of("check", "--design", items.toString());
        refused(r, "racks[0].items[0]: must be an object, was null");
        assertFalse(r.err().contains("Cannot construct"), r.err());
    }

    @Test
    void aPositionThatWouldWrapTheTopUnitIsRefused() throws IOException {
        String design = Files.readString(Path.of("../presets/designs/dgx-h100-4x-air.json"))
                .replace("\"positionU\": 1\n", "\"positionU\": 2147483647\n");
        Path f = Files.writeString(dir.resolve("u.json"), design);
        refused(CliRun.of("check", "--design", f.toString()), "positionU: must be at most 1000 (no rack is taller), was 2147483647");
    }

    @Test
    void anEndlessOrHugeFileIsRefusedBeforeItFillsTheMemory() throws IOException {
        Path zero = Path.of("/dev/zero");
        if (Files.isReadable(zero)) {
            refused(CliRun.of("check", "--design", zero.toString()), "/dev/zero: too large: more than 16 MiB");
        }
        Path big = dir.resolve("big.json");
        try (var out = Files.newOutputStream(big)) {
            byte[] spaces = new byte[1 << 20];
            java.util.Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 17; i++) {
                out.write(spaces);
            }
        }
        refused(CliRun.of("check", "--design", big.toString()), "too large: more than 16 MiB");
    }

    @Test
    void deepNestingLongNumbersAndLongStringsAreRefusedByName() throws IOException {
        // a design stops at the first wrong type; a reader of any JSON value meets the depth limit
        byte[] deep = ("{\"a\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}").getBytes(StandardCharsets.UTF_8);
        var e = org.junit.jupiter.api.Assertions.assertThrows(io.tokenrack.engine.catalog.PresetException.class,
                () -> io.tokenrack.engine.catalog.StrictJson.read(deep, "deep.json", com.fasterxml.jackson.databind.JsonNode.class));
        assertTrue(e.getMessage().startsWith("deep.json:1:") && e.getMessage().contains("nested more than 64 levels deep"), e.getMessage());
        Path number = Files.writeString(dir.resolve("number.json"), "{\"formatVersion\":" + "9".repeat(5000) + "}");
        refused(CliRun.of("check", "--design", number.toString()), "a number longer than 100 characters");
        Path string = Files.writeString(dir.resolve("string.json"), "{\"formatVersion\":1,\"name\":\"" + "x".repeat(2_000_000) + "\"}");
        refused(CliRun.of("check", "--design", string.toString()), "a string longer than 1,000,000 characters");
    }

    @Test
    void utf16AndUtf32AreRefusedAsNotUtf8() throws IOException {
        String json = Files.readString(Path.of("../presets/designs/dgx-h100-4x-air.json"));
        Path bom16 = Files.write(dir.resolve("bom16.json"), json.getBytes(StandardCharsets.UTF_16)); // with a byte-order mark
        refused(CliRun.of("check", "--design", bom16.toString()), "is UTF-16 text; the format is UTF-8");
        Path le16 = Files.write(dir.resolve("le16.json"), json.getBytes(StandardCharsets.UTF_16LE)); // without one
        refused(CliRun.of("check", "--design", le16.toString()), "holds a zero byte at offset 1");
        Path u32 = Files.write(dir.resolve("u32.json"), json.getBytes(java.nio.charset.Charset.forName("UTF-32BE")));
        refused(CliRun.of("check", "--design", u32.toString()), "holds a zero byte at offset 0");
    }

    @Test
    void controlCharactersFromADesignAreShownNotSentToTheTerminal() throws IOException {
        String design = Files.readString(Path.of("../presets/designs/dgx-h100-4x-air.json"))
                .replace("\"name\": \"4 × DGX H100, air-cooled (default example)\"",
                        "\"name\": \"\\u001b[2J\\u001b]0;owned\\u0007Evil\\u009b31m\\u202eRTL\"")
                .replace("\"catalogId\": \"dgx-h100\"", "\"catalogId\": \"nope\\u001b[5m\"");
        Path f = Files.writeString(dir.resolve("ansi.json"), design);

        CliRun r = CliRun.of("check", "--design", f.toString());

        String all = r.out() + r.err();
        assertEquals(1, r.exitCode(), all);
        assertFalse(all.chars().anyMatch(c -> c == 0x1b || c == 0x07 || c == 0x9b || c == 0x202e), all);
        assertTrue(r.out().contains("\\u001b[2J\\u001b]0;owned\\u0007Evil\\u009b31m\\u202eRTL: "), r.out());
        assertTrue(r.out().contains("'nope\\u001b[5m'"), r.out());
        assertEquals("a\\u001bb\r\nc\\u000dd\te", TerminalText.clean("a\u001bb\r\nc\rd\te"), "CR only in a line separator");
    }

    @Test
    void underStaticBatchingTheFloorOnTokensPerUserCountsThePrefillWait() throws Exception {
        String[] base = {"evaluate", "--no-host-profile", "--accelerator", "tpu7x", "--count", "64", "--model", "llama-3.1-405b",
                "--isl", "2048", "--osl", "128", "--batching", "static", "--speculative", "off"};
        // one request alone: the fastest any user can be served
        CliRun one = CliRun.of(with(base, "--concurrency", "1", "--json"));
        assertEquals(0, one.exitCode(), one.err());
        var j1 = io.tokenrack.engine.catalog.StrictJson.mapper().readTree(one.out());
        double best = j1.get("tokensPerSecondPerUser").asDouble();
        double tpotOnly = 1 / j1.get("tpotSeconds").asDouble();
        assertEquals(128 / (j1.get("ttftSeconds").asDouble() + 127 * j1.get("tpotSeconds").asDouble()), best, 1e-9 * best,
                "each user gets O tokens per end-to-end time");
        assertTrue(tpotOnly > best * 1.02, "the prefill wait costs a static batch's users: 1/TPOT " + tpotOnly + " vs " + best);
        double floor = 0.9 * best;
        CliRun r = CliRun.of(with(base, "--min-tokens-per-second-per-user", Double.toString(floor), "--json"));
        assertEquals(0, r.exitCode(), r.err());
        var j = io.tokenrack.engine.catalog.StrictJson.mapper().readTree(r.out());
        double perUser = j.get("tokensPerSecondPerUser").asDouble();
        double e2e = j.get("ttftSeconds").asDouble() + 127 * j.get("tpotSeconds").asDouble();
        assertEquals(128 / e2e, perUser, 1e-9 * perUser, "each user gets O tokens per end-to-end time");
        assertTrue(perUser >= floor, "the floor holds: " + perUser);
        // a floor between the end-to-end speed and 1/TPOT: 1/TPOT alone would pass it, the users do not get it
        String[] between = with(base, "--min-tokens-per-second-per-user", Double.toString((best + tpotOnly) / 2));
        refused(CliRun.of(between), "no concurrency meets the latency limits");
    }

    private static String[] with(String[] base, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(base), java.util.Arrays.stream(more)).toArray(String[]::new);
    }
}
