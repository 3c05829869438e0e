package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Pools of the sizes asked that leave accelerators idle say which pool leaves how many, and why. */
class IdlePoolsNoteTest {
    @Test
    void theIdleNoteExplainsThePools() {
        EvaluateCommandTest.Run r = EvaluateCommandTest.run("evaluate", "--accelerator", "b200", "--count", "8", "--model", "llama-3.1-70b",
                "--prefill-count", "3", "--decode-count", "3", "--serving", "disaggregated", "--isl", "1024", "--osl", "1024");
        assertEquals(0, r.exit(), r.err());
        String note = r.out().lines().filter(l -> l.contains("stay idle")).findFirst().orElseThrow(() -> new AssertionError(r.out()));
        assertTrue(note.contains("each pool serves in whole replicas of its layout"), note);
        assertTrue(note.contains("the prefill pool of 3 uses"), note);
        assertTrue(note.contains("the decode pool of 3 uses"), note);
        assertTrue(note.contains("2 are in neither pool"), note);
    }
}
