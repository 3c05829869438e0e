package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.StrictJson;
import org.junit.jupiter.api.Test;

/** Ids on the command line: any case, near misses suggested, the wrong kind named, checked before missing options. */
class CatalogIdsTest {
    private static CliRun evaluate(String accelerator, String model) {
        return CliRun.of("evaluate", "--accelerator", accelerator, "--count", "8", "--model", model, "--isl", "1024", "--osl", "1024",
                "--concurrency", "64", "--json");
    }

    @Test
    void aNearMissIsSuggested() {
        CliRun r = evaluate("h100sxm", "llama-3.1-70b");
        assertEquals(CliSupport.BAD_INPUT, r.exitCode());
        assertEquals("tokenrack evaluate: unknown accelerator 'h100sxm'; did you mean h100-sxm?\n", r.err());

        CliRun model = evaluate("h100-sxm", "llama-3.1-7b");
        assertEquals(CliSupport.BAD_INPUT, model.exitCode());
        assertTrue(model.err().startsWith("tokenrack evaluate: unknown model 'llama-3.1-7b'; did you mean "), model.err());
        assertTrue(model.err().contains("llama-3.1-70b"), model.err());
        assertTrue(model.err().contains("llama-3.1-8b"), model.err());
    }

    @Test
    void anIdFarFromAllSaysWhereTheListIs() {
        CliRun r = evaluate("nope", "llama-3.1-70b");
        assertEquals("tokenrack evaluate: unknown accelerator 'nope' (see `tokenrack catalog --kind accelerator`)\n", r.err());
    }

    @Test
    void anIdOfAnotherKindSaysWhichKindItIs() {
        CliRun server = evaluate("dgx-h100", "llama-3.1-70b");
        assertEquals(CliSupport.BAD_INPUT, server.exitCode());
        assertEquals("tokenrack evaluate: 'dgx-h100' is a server, not an accelerator; it holds h100-sxm, give that as --accelerator\n",
                server.err());

        CliRun accelerator = evaluate("h100-sxm", "h200-sxm");
        assertEquals("tokenrack evaluate: 'h200-sxm' is an accelerator, not a model\n", accelerator.err());
    }

    @Test
    void idsMatchWithoutRegardToCase() throws Exception {
        CliRun lower = evaluate("h100-sxm", "llama-3.1-70b");
        CliRun upper = evaluate("H100-SXM", "Llama-3.1-70B");
        assertEquals(0, upper.exitCode(), upper.err());
        assertEquals(lower.out(), upper.out());
        assertEquals("h100-sxm", StrictJson.mapper().readTree(upper.out()).get("acceleratorId").asText());
    }

    @Test
    void aMistypedIdIsReportedBeforeMissingOptions() {
        CliRun r = CliRun.of("evaluate", "--accelerator", "h100sxm", "--count", "8");
        assertEquals("tokenrack evaluate: unknown accelerator 'h100sxm'; did you mean h100-sxm?\n", r.err());
        CliRun sweep = CliRun.of("sweep", "--accelerator", "h100-sxm", "--count", "8", "--model", "lama-3.1-70b");
        assertTrue(sweep.err().startsWith("tokenrack sweep: unknown model 'lama-3.1-70b'; did you mean llama-3.1-70b"), sweep.err());
    }

    @Test
    void editDistanceCountsInsertionsDeletionsAndSubstitutions() {
        assertEquals(0, CatalogIds.distance("h100sxm", "h100sxm"));
        assertEquals(1, CatalogIds.distance("h100sxm", "h200sxm"));
        assertEquals(1, CatalogIds.distance("h100sx", "h100sxm"));
        assertEquals(3, CatalogIds.distance("kitten", "sitting"));
        assertEquals(4, CatalogIds.distance("", "abcd"));
        assertEquals("h100sxm", CatalogIds.normalized("H100_SXM"));
    }
}
