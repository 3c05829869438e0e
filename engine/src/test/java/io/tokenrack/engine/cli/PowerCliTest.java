package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenrack.engine.catalog.StrictJson;
import org.junit.jupiter.api.Test;

class PowerCliTest {
    static final String[] WORKLOAD = {"evaluate", "--accelerator", "h200-sxm", "--count", "8", "--model", "llama-2-70b", "--isl", "222",
            "--osl", "294"};

    static String[] with(String... more) {
        String[] a = java.util.Arrays.copyOf(WORKLOAD, WORKLOAD.length + more.length);
        System.arraycopy(more, 0, a, WORKLOAD.length, more.length);
        return a;
    }

    @Test
    void maxQJsonLabelsEachFigureWithItsBoundaryAndKeepsTheFlatFields() throws Exception {
        EvaluateCommandTest.Run r = EvaluateCommandTest.run(with("--operating-point", "max-q", "--json"));
        assertEquals(0, r.exit(), r.err());
        JsonNode j = StrictJson.mapper().readTree(r.out());
        JsonNode p = j.get("power");
        assertEquals("max-q", p.get("operatingPoint").asText());
        assertEquals(500, p.get("limitWattsPerAccelerator").asDouble(), 1e-9);
        assertEquals("board", p.get("boundaries").get("acceleratorWatts").asText());
        assertEquals("server wall", p.get("boundaries").get("serverWallWatts").asText());
        assertEquals("modelled draw", p.get("kind").asText());
        assertEquals(j.get("itPowerWatts").asDouble(), p.get("itWatts").asDouble(), 1e-9);
        assertEquals(j.get("acceleratorPowerWatts").asDouble() + j.get("hostPowerWatts").asDouble(), p.get("serverWallWatts").asDouble(), 1e-6);
        assertTrue(p.get("perAcceleratorWatts").get("decode").asDouble() <= p.get("perAcceleratorWatts").get("prefill").asDouble());
        assertTrue(p.get("hostParts").get("fanWatts").asDouble() > 0);
    }

    @Test
    void textSaysTheBoundaryAndTheOperatingPoint() {
        EvaluateCommandTest.Run r = EvaluateCommandTest.run(with("--power-cap-watts", "450"));
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("server wall power") && r.out().contains("modelled draw") && r.out().contains("cap 450 W: 450 W per accelerator"),
                r.out());
    }

    @Test
    void aLockedClockIsAnOperatingPoint() throws Exception {
        EvaluateCommandTest.Run r = EvaluateCommandTest.run(with("--operating-point", "clock:0.7", "--json"));
        assertEquals(0, r.exit(), r.err());
        JsonNode p = StrictJson.mapper().readTree(r.out()).get("power");
        assertEquals("locked-clock", p.get("operatingPoint").asText());
        assertEquals(0.7, p.get("clockFraction").asDouble(), 1e-12);
        EvaluateCommandTest.Run low = EvaluateCommandTest.run(with("--operating-point", "clock:0.3"));
        assertEquals(2, low.exit());
        assertTrue(low.err().contains("--operating-point") && low.err().contains("0.3") && low.err().lines().count() == 1, low.err());
    }

    @Test
    void badPowerOptionsExitTwoWithOneLine() {
        EvaluateCommandTest.Run both = EvaluateCommandTest.run(with("--power-cap-watts", "450", "--operating-point", "max-q"));
        assertEquals(2, both.exit());
        assertTrue(both.err().contains("one or the other"), both.err());
        EvaluateCommandTest.Run word = EvaluateCommandTest.run(with("--operating-point", "turbo"));
        assertEquals(2, word.exit());
        assertTrue(word.err().contains("--operating-point") && word.err().contains("turbo"), word.err());
        EvaluateCommandTest.Run low = EvaluateCommandTest.run(with("--power-cap-watts", "100"));
        assertEquals(2, low.exit());
        assertTrue(low.err().contains("floor"), low.err());
        EvaluateCommandTest.Run zero = EvaluateCommandTest.run(with("--power-cap-watts", "0"));
        assertEquals(2, zero.exit());
        assertTrue(zero.err().contains("--power-cap-watts"), zero.err());
    }

    @Test
    void validateReadsThePowerCalibrationFile() {
        EvaluateCommandTest.Run r = EvaluateCommandTest.run("validate", "--data", "../docs/data/power-calibration.csv");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("PWR-MLP41-052") && r.out().contains("summary serverWallWatts: 6 rows"), r.out());
    }
}
