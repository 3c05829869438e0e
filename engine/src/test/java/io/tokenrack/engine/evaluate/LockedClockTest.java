package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.power.OperatingPoint;
import io.tokenrack.engine.power.PowerModel;
import io.tokenrack.engine.workload.Parallelism;
import org.junit.jupiter.api.Test;

/** Clock-locked decode: the core clock held low whatever the draw. */
class LockedClockTest {

    @Test
    void theFloorFollowsTheLockedClockByHand() {
        // floor = idle + (s − idle)·φ^γ = 0.10 + 0.17 × 0.6² = 0.1612 of TDP
        assertEquals(0.1612, OperatingPoint.lockedClock(0.6).floorFraction(), 1e-12);
        assertEquals(PowerModel.STATIC_FRACTION, OperatingPoint.lockedClock(1).floorFraction(), 1e-12);
        assertEquals(PowerModel.STATIC_FRACTION, OperatingPoint.MAX_Q.floorFraction(), 1e-12, "a cap keeps the clocks-up floor");
        assertEquals(0.6, OperatingPoint.lockedClock(0.6).clockFraction(700), 1e-12);
        assertEquals(700, OperatingPoint.lockedClock(0.6).limitWatts(700), 1e-12, "a lock sets no power limit below TDP");
    }

    @Test
    void aLockedStepsPowerByHand() {
        // TDP 1000 W, Max-P step 600 W at 50% of peak bandwidth: floor 270, memory min(330, 0.31 × 0.5 × 1000 = 155) = 155,
        // compute 600 − 270 − 155 = 175. Locked at 0.6, the step 1.1× as long:
        // 161.2 + (155 + 175 × 0.6) / 1.1 = 161.2 + 260 / 1.1 = 397.5636… W
        double w = PowerModel.cappedWatts(1000, 600, 0.5, 0.6, 1.1, 1000, OperatingPoint.lockedClock(0.6).floorFraction());
        assertEquals(161.2 + 260 / 1.1, w, 1e-9);
        // the same clock under a cap keeps the 270 W floor
        assertEquals(270 + 260 / 1.1, PowerModel.cappedWatts(1000, 600, 0.5, 0.6, 1.1, 1000), 1e-9);
    }

    private static Evaluation.Ok offEval(Evaluator ev, Parallelism p) {
        var w = new io.tokenrack.engine.workload.Workload("llama-3.1-70b", io.tokenrack.engine.workload.Precision.FP8, null, 1024, 1024, 16,
                null, null, null, p);
        return org.junit.jupiter.api.Assertions.assertInstanceOf(Evaluation.Ok.class, ev.evaluate(ev.clusters().standard("h200-sxm", 8), w,
                PowerOperatingPointTest.DEFAULTS, io.tokenrack.engine.perf.Batching.CONTINUOUS, SpeculationRequest.OFF));
    }

    @Test
    void decodeBarelySlowsWhileItsPowerFallsAndPrefillSlows() {
        // plain decode (speculation off), whose step waits on memory: the premise of the check
        Evaluation.Ok full = offEval(PowerOperatingPointTest.EVALUATOR, Parallelism.AUTO);
        Parallelism layout = full.plan().parallelism();
        Evaluation.Ok locked = offEval(PowerOperatingPointTest.EVALUATOR.withOperatingPoint(OperatingPoint.lockedClock(0.6)), layout);
        double tpot = locked.latency().tpotSeconds() / full.latency().tpotSeconds();
        assertTrue(tpot >= 1 && tpot < 1.02, "memory-bound decode barely slows: " + tpot);
        double decodeW = locked.power().detail().decodeWattsPerAccelerator() / full.power().detail().decodeWattsPerAccelerator();
        // the measured saving of clock-locked decode is "up to 32%" of its energy; the model stays within it at the lowest lock
        assertTrue(decodeW < 0.85 && decodeW > 0.66, "decode board power falls, within the measured up-to-32%: " + decodeW);
        assertTrue(locked.latency().ttftSeconds() > full.latency().ttftSeconds() * 1.15, "compute-bound prefill slows");
        assertTrue(locked.efficiency().outputTokensPerJoule() > full.efficiency().outputTokensPerJoule() * 1.1, "more tokens per joule");
        assertEquals(0.6, locked.power().detail().clockFraction(), 1e-12);
    }

    @Test
    void locksOutsideTheValidatedRangeAreRefused() {
        assertEquals(OperatingPoint.Kind.LOCKED_CLOCK, OperatingPoint.parse("clock:0.7").kind());
        assertEquals("clock 70%", OperatingPoint.parse("Clock:0.7").label());
        IllegalArgumentException low = assertThrows(IllegalArgumentException.class, () -> OperatingPoint.parse("clock:0.4"));
        assertTrue(low.getMessage().contains("from 0.6 to 1"), low.getMessage());
        assertThrows(IllegalArgumentException.class, () -> OperatingPoint.parse("clock:1.2"));
        assertThrows(IllegalArgumentException.class, () -> OperatingPoint.parse("clock:fast"));
    }
}
