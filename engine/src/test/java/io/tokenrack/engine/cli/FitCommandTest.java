package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.validate.ConstantsFit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FitCommandTest {
    @Test
    void printsEachConstantShippedToFittedWithItsRangeAndTheErrorBeforeAndAfter(@TempDir Path tmp) throws Exception {
        Path full = Path.of(System.getProperty("tokenrack.calibration.csv"));
        List<String> lines = Files.readAllLines(full);
        List<String> some = new java.util.ArrayList<>(List.of(lines.getFirst()));
        lines.stream().filter(l -> l.contains(",llama-3.1-8b,")).forEach(some::add);
        assertTrue(some.size() > 1, "the calibration data has llama-3.1-8b rows");
        Path csv = Files.write(tmp.resolve("few.csv"), some);

        CliRun r = CliRun.of("fit", "--data", csv.toString(), "--rounds", "1");

        assertEquals(0, r.exitCode(), r.err());
        assertTrue(r.out().contains(String.format(java.util.Locale.ROOT, "(%d rows, 1 rounds)", some.size() - 1)), r.out());
        for (ConstantsFit.Knob k : ConstantsFit.knobs()) {
            List<String> row = r.out().lines().filter(l -> l.startsWith("  " + k.name() + " ")).toList();
            assertEquals(1, row.size(), k.name() + " in:\n" + r.out());
            assertTrue(row.getFirst().contains(FitCommand.value(k.name(), k.lo()) + " – " + FitCommand.value(k.name(), k.hi())), row.getFirst());
            assertTrue(row.getFirst().contains(" → ") || row.getFirst().contains("(unchanged)"), row.getFirst());
        }
        assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  gemmEfficiencyMax") && l.contains("0.5 – 0.93")), r.out());
        for (String measure : List.of("rows predicted", "median |error|", "worst |error|", "rows within 2×")) {
            assertTrue(r.out().lines().anyMatch(l -> l.startsWith("  " + measure) && l.contains(" → ")), measure + " in:\n" + r.out());
        }
        assertTrue(!r.out().contains("ModelConstants["), "no raw record:\n" + r.out());
    }

    @Test
    void constantsReadInTheUnitsOfTheDocs() {
        assertEquals("1 ms", FitCommand.value("stepOverheadSeconds", 1.0e-3));
        assertEquals("22.5 µs", FitCommand.value("layerOverheadSeconds", 22.5e-6));
        assertEquals("0 µs", FitCommand.value("sequenceOverheadSeconds", 0));
        assertEquals("0.6", FitCommand.value("gemmEfficiencyMax", 0.60));
        assertEquals("1,061", FitCommand.value("maxSequencesPerRank", 1061));
    }
}
