package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Numbers in the evaluator's messages ("hold 0.5 GB", "TTFT ≤ 0.4 ms"): significant figures, never a rounded 0. */
class MessageNumbersTest {
    @Test
    void threeSignificantFiguresGroupedAndNeverZero() {
        assertEquals("0.4", Evaluator.plain(0.4));
        assertEquals("0.000512", Evaluator.plain(0.000512));
        assertEquals("812", Evaluator.plain(812.4));
        assertEquals("5,000", Evaluator.plain(5000));
        assertEquals("1,440", Evaluator.plain(1440));
        assertEquals("117", Evaluator.plain(116.9));
    }
}
