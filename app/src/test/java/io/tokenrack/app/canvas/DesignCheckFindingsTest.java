package io.tokenrack.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.document.DesignDocument;
import io.tokenrack.app.document.DocState;
import io.tokenrack.app.document.PlacementRules;
import io.tokenrack.app.results.EngineResults;
import io.tokenrack.app.results.Results;
import io.tokenrack.engine.design.FindingCodes;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.List;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

/**
 * The findings check power as {@code tokenrack check} does: at the engine's modelled draw when the
 * design has been evaluated (with a warning where only the nameplate exceeds the budget), at
 * nameplate otherwise.
 */
class DesignCheckFindingsTest {
    /** Three DGX H100 (10.2 kW nameplate each, 30.6 kW) in a 30 kW air rack, serving Llama-3.1-70B. */
    static RackDesign threeDgxIn30kW() {
        Workload w = new Workload("llama-3.1-70b", Precision.FP8, null, 1024, 1024, null, null, null, null, Parallelism.AUTO);
        return new RackDesign(RackDesign.CURRENT_VERSION, "three DGX", null, List.of(new RackInstance("rack-1", "Rack 1", "air-42u-30kw",
                List.of(new Placement("dgx-1", "dgx-h100", 1, null), new Placement("dgx-2", "dgx-h100", 9, null),
                        new Placement("dgx-3", "dgx-h100", 17, null)))), w);
    }

    static DesignFinding power(List<DesignFinding> findings) {
        List<DesignFinding> p = findings.stream().filter(f -> f.code().equals(FindingCodes.POWER_OVER_BUDGET)).toList();
        assertEquals(1, p.size(), findings.toString());
        return p.getFirst();
    }

    @Test
    void theModelledDrawDecidesAndTheNameplateStillWarns() {
        RackDesign d = threeDgxIn30kW();
        DesignCheckFindings checks = new DesignCheckFindings(io.tokenrack.app.Presets.catalog());
        assertEquals(DesignFinding.Severity.ERROR, power(checks.check(d, null)).severity(), "30.6 kW nameplate on a 30 kW budget");

        Evaluation e = new Evaluator(io.tokenrack.app.Presets.catalog()).evaluate(d, d.workload(), Assumptions.defaults(io.tokenrack.app.Presets.catalog().facility()));
        assertTrue(e.ok(), e.message());
        double it = ((Evaluation.Ok) e).power().itWatts();
        assertTrue(it < 30_000, "the modelled draw fits: " + it);
        DesignFinding modelled = power(checks.check(d, e));
        assertEquals(DesignFinding.Severity.WARNING, modelled.severity());
        assertTrue(modelled.message().contains("The modelled draw at the design's workload fits; the nameplate maximum does not."),
                modelled.message());
    }

    @Test
    void theCanvasUpdatesItsFindingsWhenTheEvaluationArrives() {
        RackDesign d = threeDgxIn30kW();
        DocState state = new DocState(d, Assumptions.defaults(io.tokenrack.app.Presets.catalog().facility()));
        DesignDocument doc = new DesignDocument(state, null);
        SimpleObjectProperty<Results> results = new SimpleObjectProperty<>();
        CanvasModel model = new CanvasModel(doc, new PlacementRules(io.tokenrack.app.Presets.catalog()), new DesignCheckFindings(io.tokenrack.app.Presets.catalog()), results);
        assertEquals(DesignFinding.Severity.ERROR, power(model.findingsProperty().get()).severity(), "nothing evaluated yet: nameplate");

        EngineResults engine = new EngineResults(new Evaluator(io.tokenrack.app.Presets.catalog()));
        results.set(engine.compute(state));
        assertEquals(DesignFinding.Severity.WARNING, power(model.findingsProperty().get()).severity(), "evaluated: modelled draw");

        // an edit: until its own evaluation arrives, the last draw per accelerator stands in (no flicker to nameplate)
        doc.execute(new io.tokenrack.app.document.Edits.RenameDesign("three DGX, renamed", null));
        assertEquals(DesignFinding.Severity.WARNING, power(model.findingsProperty().get()).severity());
    }

    @Test
    void aModelThatDoesNotFitIsAnErrorNotACleanDesign() {
        RackDesign d = threeDgxIn30kW().withWorkload(new Workload("llama-3.1-405b", Precision.BF16, null, 1024, 1024, null, null, null, null,
                Parallelism.AUTO));
        Evaluation e = new Evaluator(io.tokenrack.app.Presets.catalog()).evaluate(d, d.workload(),
                Assumptions.defaults(io.tokenrack.app.Presets.catalog().facility()));
        assertTrue(!e.ok());
        List<DesignFinding> f = new DesignCheckFindings(io.tokenrack.app.Presets.catalog()).check(d, e);
        DesignFinding served = f.stream().filter(x -> x.code().equals(FindingCodes.WORKLOAD_NOT_SERVED)).findFirst().orElseThrow();
        assertEquals(DesignFinding.Severity.ERROR, served.severity());
        assertEquals("Workload: " + e.message() + ".", served.message());
    }
}
