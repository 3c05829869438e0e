package io.tokenrack.engine.workload;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.PresetException;
import io.tokenrack.engine.design.DesignIO;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.evaluate.ServingMode;
import io.tokenrack.engine.evaluate.SpeculationRequest;
import io.tokenrack.engine.evaluate.WorkloadServing;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A workload's serving and speculative choices: absent is auto, saved only when chosen, checked on load. */
class WorkloadServingChoiceTest {
    static final Workload W = new Workload("deepseek-r1", Precision.FP8, null, 8192, 1024, null, null, null, null, Parallelism.AUTO);

    @Test
    void absentIsAutoAndAutoIsKeptAsAbsent() {
        assertNull(W.serving());
        assertNull(W.speculative());
        assertNull(W.withServing("AUTO").serving(), "auto is not stored");
        assertNull(W.withSpeculative("auto").speculative());
        assertEquals("disaggregated", W.withServing(" Disaggregated ").serving());
        assertEquals("mtp:3", W.withSpeculative("MTP:3").speculative());
        assertEquals("draft:Llama-3.2-1B:4", W.withSpeculative("draft:Llama-3.2-1B:4").speculative(), "a model id keeps its case");
        assertEquals(ServingMode.AUTO, WorkloadServing.options(W).mode());
        assertEquals(SpeculationRequest.AUTO, WorkloadServing.speculation(W));
        assertEquals(ServingMode.DISAGGREGATED, WorkloadServing.options(W.withServing("disaggregated")).mode());
        assertEquals(SpeculationRequest.parse("eagle:2"), WorkloadServing.speculation(W.withSpeculative("eagle:2")));
        // the other withers keep the choices
        Workload chosen = W.withServing("aggregated").withSpeculative("off");
        assertEquals("aggregated", chosen.withConcurrency(8).withoutLimits().withInputTokens(100).serving());
        assertEquals("off", chosen.withModel("llama-3.1-8b").withPrefixHitRate(0.5).speculative());
    }

    @Test
    void badWordsAreRefusedNamingTheField() {
        assertTrue(assertThrows(InputException.class, () -> W.withServing("pooled")).getMessage().startsWith("serving: expected auto,"));
        for (String bad : new String[] {"mtp", "mtp:0", "mtp:17", "eagle:x", "draft:3", "spec:2", ""}) {
            assertTrue(assertThrows(InputException.class, () -> W.withSpeculative(bad)).getMessage().startsWith("speculative: expected"), bad);
        }
    }

    @Test
    void aDesignSavesTheChoicesOnlyWhenMadeAndReadsOlderFilesAsAuto(@TempDir Path dir) throws Exception {
        Path older = Path.of("..", "presets", "designs", "dgx-h100-4x-air.json");
        RackDesign d = DesignIO.read(older);
        assertNull(d.workload().serving());
        assertFalse(DesignIO.toJson(d).contains("\"serving\""), "auto writes nothing: the file reads as before");
        RackDesign chosen = d.withWorkload(d.workload().withServing("disaggregated").withSpeculative("eagle:3"));
        Path saved = dir.resolve("chosen.json");
        DesignIO.write(saved, chosen);
        assertTrue(Files.readString(saved).contains("\"serving\" : \"disaggregated\""), Files.readString(saved));
        RackDesign back = DesignIO.read(saved);
        assertEquals("disaggregated", back.workload().serving());
        assertEquals("eagle:3", back.workload().speculative());
        assertEquals(chosen.workload(), back.workload());
        // a bad value in a file is refused on load, naming the file and the field
        Files.writeString(saved, Files.readString(saved).replace("\"eagle:3\"", "\"eagle:many\""));
        Exception e = assertThrows(Exception.class, () -> DesignIO.read(saved));
        assertTrue(e instanceof InputException || e instanceof PresetException, e.toString());
        assertTrue(e.getMessage().contains("chosen.json") && e.getMessage().contains("speculative"), e.getMessage());
    }
}
