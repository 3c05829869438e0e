package io.tokenrack.engine.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.catalog.PresetException;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.power.OperatingPoint;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerCalibrationTest {
    static final Path DATA = Path.of("..", "docs", "data", "power-calibration.csv");

    @Test
    void theRowsParseWithSourcesAndBoundaries() throws Exception {
        List<PowerCalibration.Row> rows = PowerCalibration.read(DATA);
        assertEquals(10, rows.size());
        assertTrue(PowerCalibration.isPowerFile(DATA));
        assertFalse(PowerCalibration.isPowerFile(Path.of("..", "docs", "data", "calibration.csv")));
        for (PowerCalibration.Row r : rows) {
            assertTrue(r.sourceUrl().startsWith("https://"), r.id());
            assertEquals(OperatingPoint.MAX_Q, r.operatingPoint(), r.id());
        }
        long wall = rows.stream().filter(r -> r.metric().equals(PowerCalibration.SERVER_WALL_WATTS)).count();
        assertEquals(6, wall);
        assertTrue(Files.readAllLines(DATA).stream().skip(1).allMatch(l -> l.contains("server wall (AC)") || l.contains("throughputRatioToMaxP")));
    }

    @Test
    void medianServerWallErrorIsWithinTenPercent() {
        Catalog catalog = CatalogLoader.loadDefault();
        List<PowerCalibration.Result> results = PowerCalibration.run(new Evaluator(catalog), Assumptions.defaults(catalog.facility()),
                PowerCalibration.read(DATA));
        assertTrue(results.stream().allMatch(PowerCalibration.Result::predictedOk),
                () -> results.stream().filter(r -> !r.predictedOk()).map(r -> r.row().id() + ": " + r.problem()).toList().toString());
        PowerCalibration.Summary wall = PowerCalibration.summarize(results).stream()
                .filter(s -> s.group().equals(PowerCalibration.SERVER_WALL_WATTS)).findFirst().orElseThrow();
        assertEquals(6, wall.rows());
        assertTrue(wall.medianAbsError() <= 0.10, "median |error| " + wall.medianAbsError());
        assertTrue(wall.worstAbsError() <= 0.20, "worst |error| " + wall.worstAbsError());
        PowerCalibration.Summary ratio = PowerCalibration.summarize(results).stream()
                .filter(s -> s.group().equals(PowerCalibration.THROUGHPUT_RATIO)).findFirst().orElseThrow();
        assertTrue(ratio.medianAbsError() <= 0.05, "Max-Q throughput ratio median |error| " + ratio.medianAbsError());
    }

    @Test
    void badRowsNameTheFileLineAndColumn(@TempDir Path dir) throws Exception {
        List<String> lines = Files.readAllLines(DATA);
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, lines.get(0) + "\n" + lines.get(1).replace(",max-q,", ",turbo,") + "\n");
        PresetException e = assertThrows(PresetException.class, () -> PowerCalibration.read(bad));
        assertTrue(e.getMessage().contains("bad.csv") && e.getMessage().contains("operating_point") && e.getMessage().contains("turbo"),
                e.getMessage());
        Files.writeString(bad, lines.get(0) + "\n" + lines.get(1).replace(",6152.98,", ",-3,") + "\n");
        e = assertThrows(PresetException.class, () -> PowerCalibration.read(bad));
        assertTrue(e.getMessage().contains("value"), e.getMessage());
    }
}
