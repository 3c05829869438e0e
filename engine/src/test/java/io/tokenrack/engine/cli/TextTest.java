package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tokenrack.engine.perf.Bound;
import io.tokenrack.engine.perf.OperatorClass;
import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void numbersAreGroupedAndNeverRoundedToZero() {
        assertEquals("12,346", Text.count(12_345.6));
        assertEquals("1,234.5", Text.fixed(1_234.54, 1));
        assertEquals("0.000412", Text.significant(0.00041234));
        assertEquals("0.4", Text.significant(0.4));
        assertEquals("117", Text.significant(116.9));
        assertEquals("1,234", Text.significant(1_234.4));
        assertEquals("0", Text.significant(0));
        assertEquals("unknown", Text.count(Double.NaN));
    }

    @Test
    void shortTimesInMillisecondsLongOnesInSeconds() {
        assertEquals("11.6 ms", Text.duration(0.01157));
        assertEquals("0.42 ms", Text.duration(0.00042));
        assertEquals("27.6 s", Text.duration(27.63));
        assertEquals("1,383 s", Text.duration(1_383.2));
    }

    @Test
    void sharesBelowOnePercentAreNotShownAsZero() {
        assertEquals("<1%", Text.percent(0.001));
        assertEquals("0%", Text.percent(0));
        assertEquals("43%", Text.percent(0.43));
    }

    @Test
    void modelTermsAreWords() {
        assertEquals("memory bandwidth", Text.words(Bound.MEMORY_BANDWIDTH));
        assertEquals("attention over the KV cache", Text.words(OperatorClass.ATTENTION_CORE));
        assertEquals("collectives", Text.words(OperatorClass.COMMUNICATION));
    }
}
