package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The claims' closest setups say what the model builds now: attention–FFN disaggregation exists. */
class ClaimsSetupTextTest {
    @Test
    void noClaimSaysTheModelCannotSplitAttentionAndFfn() {
        EvaluateCommandTest.Run r = EvaluateCommandTest.run("claims");
        assertEquals(0, r.exit(), r.err());
        assertFalse(r.out().contains("cannot yet split") || r.out().contains("cannot split attention"), r.out());
        assertTrue(r.out().contains("vera-rubin-lpx"), r.out());
    }
}
