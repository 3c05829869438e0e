package io.tokenrack.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The token flow's scale and dot rate, by hand. */
class TokenFlowTest {
    @Test
    void oneDotStandsForAPowerOfTenThatKeepsTheRateBetweenSixAndSixtyDotsASecond() {
        // 44,537 tok/s ÷ 6 = 7,423 → 10^3 tokens a dot → 44.5 dots/s
        TokenFlow f = new TokenFlow(44_537);
        assertEquals(1_000, f.tokensPerDot());
        assertEquals(44.537, f.dotsPerSecond(), 1e-9);
        assertEquals("• = 1,000 tokens", f.legend());
        assertTrue(f.explanation().contains("one dot per 1,000 output tokens, at the modelled 44,537 tokens/s"), f.explanation());
        // 1.41 M tok/s → 10^5 a dot, 14.1 dots/s; 60 tok/s → 10 a dot, 6 dots/s; 5 tok/s → every token a dot
        assertEquals(100_000, new TokenFlow(1_410_000).tokensPerDot());
        assertEquals(10, new TokenFlow(60).tokensPerDot());
        assertEquals(6, new TokenFlow(60).dotsPerSecond(), 1e-9);
        assertEquals(1, new TokenFlow(5).tokensPerDot());
        assertEquals("• = 1 token", new TokenFlow(5).legend());
        for (double rate : new double[] {7, 99, 1_234, 56_789, 3.2e6, 9.9e7}) {
            double dots = new TokenFlow(rate).dotsPerSecond();
            assertTrue(dots >= TokenFlow.MIN_DOTS_PER_SECOND && dots < 10 * TokenFlow.MIN_DOTS_PER_SECOND, rate + " → " + dots + " dots/s");
        }
    }

    @Test
    void framesAddTheModelledRateOverTimeWithTheFractionsCarried() {
        TokenFlow f = new TokenFlow(44_537); // 44.537 dots a second
        int dots = 0;
        for (int frame = 0; frame < 600; frame++) {
            dots += f.dotsIn(1 / 60.0); // ten seconds at 60 frames a second
        }
        assertEquals(445, dots, "floor(10 × 44.537): no dot lost to rounding per frame");
        assertEquals(0, f.dotsIn(0));
        assertEquals(0, f.dotsIn(Double.NaN));
    }

    @Test
    void noRateNoFlow() {
        for (double rate : new double[] {0, -3, Double.NaN, Double.POSITIVE_INFINITY}) {
            TokenFlow f = new TokenFlow(rate);
            assertEquals(0, f.tokensPerSecond(), "rate " + rate);
            assertEquals(0, f.dotsIn(1));
            assertEquals("Token flow: no modelled output yet.", f.explanation());
        }
    }
}
