package io.tokenrack.engine.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.tokenrack.engine.catalog.StrictJson;
import org.junit.jupiter.api.Test;

/**
 * The assumed host-power note states the host draw the power model used (the sum of the JSON's
 * host parts, per accelerator), not only the 575 W nameplate stand-in.
 */
class HostPowerNoteTest {
    @Test
    void theHostNoteStatesTheModelledDraw() throws Exception {
        for (String acc : new String[] {"rubin", "gb300"}) {
            EvaluateCommandTest.Run r = EvaluateCommandTest.run("evaluate", "--accelerator", acc, "--count", "72", "--model", "deepseek-r1",
                    "--precision", "fp4", "--isl", "1024", "--osl", "1024", "--concurrency", "max", "--json");
            assertEquals(0, r.exit(), r.err());
            JsonNode j = StrictJson.mapper().readTree(r.out());
            JsonNode parts = j.findValue("hostParts");
            double host = 0;
            for (JsonNode v : parts) {
                host += v.asDouble();
            }
            String expected = Math.round(host / 72) + " W per accelerator drawn";
            JsonNode note = null;
            for (JsonNode p : j.get("provenance")) {
                if (p.get("label").asText().equals("host power")) {
                    note = p;
                }
            }
            assertTrue(note != null && note.get("value").asText().startsWith(expected), acc + ": " + note + " should start " + expected);
            assertTrue(note.get("value").asText().contains("575 W per accelerator nameplate"), note.toString());
        }
    }
}
