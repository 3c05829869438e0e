package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** A prefill pool of another accelerator: the header names both kinds, never "16 × gb200". */
class MixedPoolHeaderTest {
    @Test
    void theHeaderNamesBothKinds() {
        EvaluateCommandTest.Run r = EvaluateCommandTest.run("evaluate", "--accelerator", "gb200", "--count", "8", "--prefill-accelerator", "b200",
                "--prefill-count", "8", "--model", "llama-3.1-70b", "--isl", "1024", "--osl", "1024");
        assertEquals(0, r.exit(), r.err());
        String header = r.out().lines().findFirst().orElseThrow();
        assertTrue(header.contains(" on 8 × b200 prefill + 8 × gb200 decode ("), header);
    }
}
