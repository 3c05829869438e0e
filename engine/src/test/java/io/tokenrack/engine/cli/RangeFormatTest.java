package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Ranges and the numbers beside them, by hand-written expected strings. */
class RangeFormatTest {
    @Test
    void equalEndsPrintOneNumber() {
        assertEquals("50.0", Text.range(50, 50.01, "", ""));
        assertEquals("50", Text.range(50, 50, "", ""));
        assertEquals("50 kW", Text.range(50, 50, "", " kW"));
    }

    @Test
    void bothEndsToTheSameDecimals() {
        assertEquals("23.0–29.1", Text.range(23.0, 29.1, "", ""));
        assertEquals("$0.0290–$0.0378", Text.range(0.029, 0.0378, "$", ""));
        assertEquals("0.00562–0.01100 (IT)", Text.range(0.00562, 0.011, "", " (IT)"));
        assertEquals("145–192 kW", Text.range(145, 192, "", " kW"));
        assertEquals("1,754,478–2,221,582", Text.range(1_754_478, 2_221_582, "", ""));
    }

    @Test
    void aValueShowsEnoughDigitsToSitInsideItsRange() {
        assertEquals("0.00810", Text.atLeast(0.0081, 2));
        assertEquals("11.30", Text.atLeast(11.3, 2));
    }

    @Test
    void unknownHasNoUnit() {
        assertEquals("unknown", Text.withUnit(Text.fixed(Double.NaN, 1), " kW"));
        assertEquals("unknown", Text.range(Double.NaN, 3, "", " kW"));
        assertEquals("183.3 kW", Text.withUnit(Text.fixed(183.3, 1), " kW"));
    }
}
