package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.perf.SpeculativeMethod;
import org.junit.jupiter.api.Test;

class DraftDepthsTest {
    private static DraftDepths<Double> depths() {
        return new DraftDepths<>((a, b) -> a > b);
    }

    @Test
    void aDepthThatDoesNotBeatTheOneBeforeStopsItsChainAndTheNextMethodStartsFromOff() {
        DraftDepths<Double> d = depths();
        assertTrue(d.enter(SpeculativeMethod.OFF));
        d.record(SpeculativeMethod.OFF, 100.0);
        assertEquals(100.0, d.off());

        assertTrue(d.enter(SpeculativeMethod.MTP));
        d.record(SpeculativeMethod.MTP, 150.0); // mtp:1 beats off
        assertFalse(d.enter(SpeculativeMethod.MTP));
        d.record(SpeculativeMethod.MTP, 140.0); // mtp:2 does not beat mtp:1
        assertFalse(d.enter(SpeculativeMethod.MTP));
        assertTrue(d.stopped(), "mtp:3 is not evaluated");

        assertTrue(d.enter(SpeculativeMethod.EAGLE));
        assertFalse(d.stopped(), "EAGLE is a chain of its own");
        d.record(SpeculativeMethod.EAGLE, 90.0); // eagle:1 is compared with off, not with mtp:1
        assertTrue(d.stopped());
        assertEquals(100.0, d.off());
    }

    @Test
    void aCandidateWithoutAChoiceChangesNothingAndASearchMayStopAChainItself() {
        DraftDepths<Double> d = depths();
        d.enter(SpeculativeMethod.OFF);
        d.record(SpeculativeMethod.OFF, null);
        assertNull(d.off());
        d.enter(SpeculativeMethod.MTP);
        d.record(SpeculativeMethod.MTP, 10.0); // nothing to compare with: the chain goes on
        assertFalse(d.stopped());
        d.stop();
        assertTrue(d.stopped());
    }
}
