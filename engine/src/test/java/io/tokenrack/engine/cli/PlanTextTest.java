package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The plan text: the envelope used, why nothing fits, singular counts. */
class PlanTextTest {
    static final String SITE = PlanCommandTest.SITE;

    @Test
    void theTitleSaysTheEnvelopeUsedUnderSiteMw() {
        CliRun r = CliRun.of("plan", "--site", SITE, "--site-mw", "250");
        assertEquals(0, r.exitCode(), r.err());
        String title = r.out().lines().findFirst().orElseThrow();
        assertTrue(title.contains("250 MW"), title);
        assertTrue(title.contains("--site-mw"), "the title says the file's envelope was replaced: " + title);
    }

    @Test
    void anEnvelopeTooSmallForOneRackSaysWhatDoesNotFit() {
        CliRun r = CliRun.of("plan", "--site", SITE, "--site-mw", "0.2");
        assertEquals(2, r.exitCode());
        assertEquals(1, r.errLines().length, r.err());
        assertFalse(r.err().contains(": )"), "an empty reason: " + r.err());
        assertTrue(r.err().contains("one unit needs") && r.err().contains("0.2 MW"), r.err());
    }

    @Test
    void oneUnitIsSingular() {
        CliRun r = CliRun.of("plan", "--site", SITE, "--site-mw", "0.5");
        assertEquals(0, r.exitCode(), r.err());
        assertFalse(r.out().contains(" 1 units") || r.out().contains(" 1 racks"), r.out());
        assertTrue(r.out().contains(" 1 unit "), r.out());
    }
}
