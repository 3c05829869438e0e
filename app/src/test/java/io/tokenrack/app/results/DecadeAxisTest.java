package io.tokenrack.app.results;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.TickType;
import org.junit.jupiter.api.Test;

class DecadeAxisTest {
    private static List<String> majors(List<NumberTick> ticks) {
        return ticks.stream().filter(t -> t.getTickType() == TickType.MAJOR).map(t -> t.getNumber().doubleValue() + "=" + t.getText()).toList();
    }

    @Test
    void labelsEachDecadeInPlainNumbers() {
        // 1 … 1,500 requests in flight: decades 1, 10, 100, 1,000 labelled; 2–9 × each decade as minor ticks up to 1,500
        List<NumberTick> ticks = DecadeAxis.ticks(1, 1500, false);
        assertEquals(List.of("1.0=1", "10.0=10", "100.0=100", "1000.0=1,000"), majors(ticks));
        assertEquals(8 + 8 + 8 + 0, ticks.stream().filter(t -> t.getTickType() == TickType.MINOR).count(),
                "2–9 in each of the three full decades; 2,000 is past the end");
        assertTrue(ticks.stream().filter(t -> t.getTickType() == TickType.MINOR).allMatch(t -> t.getText().isEmpty()));
    }

    @Test
    void aWideRangeLabelsEveryOtherDecade() {
        // 0.01 … 1e6: nine decades, more than six, so every other one is labelled (even exponents)
        List<String> labelled = DecadeAxis.ticks(0.01, 1e6, false).stream().filter(t -> !t.getText().isEmpty()).map(NumberTick::getText).toList();
        assertEquals(List.of("0.01", "1", "100", "10,000", "1,000,000"), labelled);
    }

    @Test
    void anEmptyOrNonPositiveRangeHasNoTicks() {
        assertTrue(DecadeAxis.ticks(0, 100, false).isEmpty());
        assertTrue(DecadeAxis.ticks(5, 5, false).isEmpty());
        assertTrue(DecadeAxis.ticks(-1, 10, false).isEmpty());
    }
}
