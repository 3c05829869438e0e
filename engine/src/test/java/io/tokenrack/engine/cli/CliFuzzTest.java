package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A few hundred fuzz cases with a fixed seed: extreme options and corrupted designs never end in
 * a stack trace, an exit code other than 0/1/2, more than one error line, or NaN, Infinity or a
 * negative number in {@code evaluate --json}. ({@link CliFuzz#main} runs as many as wanted.)
 */
class CliFuzzTest {
    @TempDir
    Path dir;

    @Test
    void threeHundredCasesKeepEveryRule() throws IOException {
        CliFuzz fuzz = new CliFuzz(20_261_203L, dir, Path.of("../presets/designs"));

        List<CliFuzz.Failure> failures = fuzz.run(300);

        assertEquals(List.of(), failures, () -> failures.stream().limit(10).map(String::valueOf).collect(Collectors.joining("\n")));
        assertEquals(4 + 3 + 3, fuzz.casesByFamily().size(), "every family was drawn: " + fuzz.casesByFamily());
        assertTrue(fuzz.exits().getOrDefault(0, 0) > 10, "some cases must succeed, else the fuzzer tests only refusals: " + fuzz.exits());
    }

    @Test
    void theJsonRuleSeesNonFiniteAndNegativeNumbersButNotWords() {
        assertTrue(CliFuzz.badNumber("{\"a\": {\"b\": NaN}}").contains(".a.b = NaN"));
        assertTrue(CliFuzz.badNumber("{\"a\": [1, -Infinity]}").contains(".a[1]"));
        assertTrue(CliFuzz.badNumber("{\"maxConcurrency\": -1943132160}").contains("-1943132160"));
        assertEquals(null, CliFuzz.badNumber("{\"source\": \"Infinity Fabric, -5 V\", \"x\": 0.0, \"y\": null}"));
    }
}
