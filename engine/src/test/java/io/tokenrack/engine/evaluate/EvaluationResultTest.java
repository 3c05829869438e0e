package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.cost.CostModel;
import io.tokenrack.engine.design.DesignIO;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The sealed result: what Ok carries beside the headline numbers, what Failed carries, and which exceptions become "invalid". */
class EvaluationResultTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();
    static final Evaluator EVALUATOR = new Evaluator(CATALOG);
    static final Assumptions DEFAULTS = Assumptions.defaults(CATALOG.facility());

    /** The four-DGX example split over three racks: 3 DGX H100 (24 GPUs), 1 DGX H100 (8 GPUs) in a 20 kW rack, and an empty rack. */
    static RackDesign threeRacks() {
        RackDesign example = DesignIO.read(Path.of(System.getProperty(CatalogLoader.PRESETS_DIR_PROPERTY)).resolve("designs/dgx-h100-4x-air.json"));
        RackInstance first = example.racks().getFirst();
        List<Placement> items = first.items();
        Placement fourth = items.stream().filter(p -> p.catalogId().equals("dgx-h100")).toList().get(3);
        RackInstance a = first.withItems(items.stream().filter(p -> p != fourth).toList());
        RackInstance b = new RackInstance("rack-b", "Rack B", "air-42u-20kw", List.of(fourth));
        RackInstance c = new RackInstance("rack-c", "Rack C", "air-42u-20kw", List.of());
        return example.withRacks(List.of(a, b, c));
    }

    @Test
    void eachRackDrawsItsAcceleratorsShareOfTheItPower() {
        RackDesign d = threeRacks();
        Evaluation.Ok e = assertInstanceOf(Evaluation.Ok.class, EVALUATOR.evaluate(d, d.workload(), DEFAULTS));
        assertEquals(32, e.accelerators());
        List<RackDraw> racks = e.racks();
        assertEquals(List.of("rack-1", "rack-b", "rack-c"), racks.stream().map(RackDraw::rackId).toList());
        assertEquals(List.of(24, 8, 0), racks.stream().map(RackDraw::accelerators).toList());
        double it = e.power().itWatts();
        assertEquals(it * 24 / 32, racks.get(0).itWatts(), 1e-6 * it);
        assertEquals(it * 8 / 32, racks.get(1).itWatts(), 1e-6 * it);
        assertEquals(0, racks.get(2).itWatts());
        assertEquals(20_000, racks.get(1).powerBudgetWatts());
        assertEquals(it, racks.stream().mapToDouble(RackDraw::itWatts).sum(), 1e-6 * it, "the racks' draws add up to the IT power");
        // the modelled rack power the checks use is the same split
        var b = d.racks().get(1);
        assertEquals(racks.get(1).itWatts(), ModelledRackPower.of(e).estimate(b, CATALOG).watts(), 1e-9);
    }

    @Test
    void aRackOverItsBudgetBoundsTheDesignAndSaysSoInANote() {
        // three DGX H100 in one 20 kW rack: ~10 kW each at full load (as many requests as fit, no speed floor)
        RackDesign d = threeRacks();
        RackInstance a = d.racks().getFirst();
        RackDesign crammed = d.withRacks(List.of(new RackInstance(a.id(), a.name(), "air-42u-20kw", a.items()), d.racks().get(1)));
        Workload full = crammed.workload().withoutLimits().withConcurrency(null);
        Evaluation.Ok e = assertInstanceOf(Evaluation.Ok.class, EVALUATOR.evaluate(crammed, full, DEFAULTS));
        RackDraw over = e.racks().getFirst();
        assertTrue(over.overPowerBudget(), over.toString());
        assertEquals(Bottleneck.POWER, e.bottleneck());
        Note.RackOverPower note = new Note.RackOverPower(a.name(), over.itWatts(), 20_000);
        assertTrue(e.notes().contains(note), e.notes().toString());
        assertEquals(String.format(java.util.Locale.ROOT, "%s: modelled %.1f kW exceeds its 20.0 kW power budget", a.name(),
                over.itWatts() / 1000), note.text());
    }

    @Test
    void theCostCurveOverUtilizationIsTheHourlyCostOverTheTokensServed() {
        Workload w = new Workload("llama-3.1-70b", Precision.FP8, null, 1024, 1024, 64, null, null, null, Parallelism.AUTO);
        Evaluation.Ok e = assertInstanceOf(Evaluation.Ok.class,
                EVALUATOR.evaluate(EVALUATOR.clusters().standard("h100-sxm", 8), w, DEFAULTS));
        List<UtilizationPoint> sweep = e.utilizationSweep(4);
        assertEquals(List.of(0.25, 0.5, 0.75, 1.0), sweep.stream().map(UtilizationPoint::utilization).toList());
        double usdPerHour = e.cost().totalUsdPerHour();
        double tokensPerHourAtFull = e.throughput().outputTokensPerSecond() * 3600;
        for (UtilizationPoint p : sweep) {
            assertEquals(usdPerHour / (tokensPerHourAtFull * p.utilization()) * 1e6, p.usdPerMillionOutputTokens(), 1e-9 * p.usdPerMillionOutputTokens());
        }
        assertEquals(4 * sweep.getLast().usdPerMillionOutputTokens(), sweep.getFirst().usdPerMillionOutputTokens(), 1e-9);
        assertEquals(e.cost().usdPerMillionOutputTokens(), e.usdPerMillionOutputTokensAt(DEFAULTS.utilization()), 1e-9,
                "at the assumed utilization the curve passes through the operating point");
        assertEquals(CostModel.usdPerMillionTokens(usdPerHour, e.throughput().outputTokensPerSecond(), 0.3), e.usdPerMillionOutputTokensAt(0.3));
        assertThrows(IllegalArgumentException.class, () -> e.usdPerMillionOutputTokensAt(0));
        assertThrows(IllegalArgumentException.class, () -> e.utilizationSweep(0));
    }

    @Test
    void aFailureCarriesItsKindAndMessageOnly() {
        Workload w = new Workload("llama-3.1-405b", Precision.FP8, null, 1024, 1024, null, null, null, null, Parallelism.AUTO);
        Evaluation e = EVALUATOR.evaluate(EVALUATOR.clusters().standard("l40s", 1), w, DEFAULTS);
        Evaluation.Failed f = assertInstanceOf(Evaluation.Failed.class, e);
        assertEquals(Evaluation.Failed.Failure.DOES_NOT_FIT, f.failure());
        assertEquals(Evaluation.Status.DOES_NOT_FIT, f.status());
        assertEquals("llama-3.1-405b does not fit: its weights need 406 GB at fp8 and the 1 × l40s hold 48 GB", f.message());

        Evaluation unknown = EVALUATOR.evaluate(EVALUATOR.clusters().standard("l40s", 1), w.withModel("no-such-model"), DEFAULTS);
        assertEquals(Evaluation.Failed.Failure.INVALID, assertInstanceOf(Evaluation.Failed.class, unknown).failure());
        assertEquals("unknown model id 'no-such-model'", unknown.message());
    }

    @Test
    void aDesignTheFactoryCannotReadIsInvalidWithoutAnAccelerator() {
        RackDesign d = threeRacks();
        RackDesign empty = d.withRacks(List.of(d.racks().get(2)));
        Evaluation.Failed f = assertInstanceOf(Evaluation.Failed.class, EVALUATOR.evaluate(empty, d.workload(), DEFAULTS));
        assertEquals(Evaluation.Failed.Failure.INVALID, f.failure());
        assertEquals(null, f.acceleratorId());
        assertEquals("the design has no accelerator servers to run a model on", f.message());
    }

    @Test
    void badInputIsTheEnginesOwnExceptionType() {
        // what the evaluator turns into "invalid"; any other exception is a defect and propagates
        assertInstanceOf(InputException.class, assertThrows(IllegalArgumentException.class, () -> CATALOG.model("nope")));
        assertInstanceOf(InputException.class, assertThrows(IllegalArgumentException.class,
                () -> EVALUATOR.clusters().standard("h100-sxm", 0)));
    }

    @Test
    void theAutomaticPlannerTriesNoMorePipelineStagesThanLayers() {
        // 576 Groq chips of 230 MB: a layout with 128 stages was once tried for an 80-layer model and failed as
        // "invalid" (pp=128 exceeds the model's 80 layers); SRAM-resident layouts split stages over chips instead
        Workload w = new Workload("llama-3.1-70b", Precision.FP8, null, 1024, 1024, null, null, null, null, Parallelism.AUTO);
        Evaluation e = EVALUATOR.evaluate(EVALUATOR.clusters().standard("groq-lpu", 576), w, DEFAULTS);
        Evaluation.Ok ok = assertInstanceOf(Evaluation.Ok.class, e, e.message());
        assertTrue(ok.plan().parallelism().pp() <= 80, "pp " + ok.plan().parallelism().pp());
        assertTrue(ok.plan().parallelism().tp() > 1, "more chips than layers: several chips per stage");
    }

    @Test
    void missingFiguresAreTypedAndTheNetworkTotalSaysItIsALowerBound() {
        // the example's InfiniBand leaf publishes no power: counted as missing, not as 0 W of a known figure
        RackDesign d = threeRacks();
        Evaluation.Ok e = assertInstanceOf(Evaluation.Ok.class, EVALUATOR.evaluate(d, d.workload(), DEFAULTS));
        List<Provenance> uncounted = e.provenance().stream().filter(p -> p.status() == Provenance.Status.NOT_COUNTED).toList();
        assertEquals(1, uncounted.size(), e.provenance().toString());
        assertEquals("not counted", uncounted.getFirst().value());
        assertEquals(Provenance.Kind.ASSUMPTION, uncounted.getFirst().kind());
        assertTrue(e.networkPowerIncomplete());
        assertTrue(e.notes().contains(new Note.NotCounted(uncounted.getFirst())), e.notes().toString());
        assertTrue(e.noteTexts().contains(uncounted.getFirst().label() + " is not counted (no published power figure): the IT power is a lower bound"),
                e.noteTexts().toString());
    }

    @Test
    void anAcceleratorWithoutATdpHasItsPowerUnknownAndSaysWhy() {
        Cluster c = EVALUATOR.clusters().standard("tpu-v6e", 8); // no published TDP
        Workload w = new Workload("llama-3.1-70b", Precision.FP8, null, 1024, 1024, 64, null, null, null, Parallelism.AUTO);
        Evaluation.Ok e = assertInstanceOf(Evaluation.Ok.class, EVALUATOR.evaluate(c, w, DEFAULTS));
        assertTrue(Double.isNaN(e.power().itWatts()));
        Provenance tdp = e.provenance().stream().filter(p -> p.status() == Provenance.Status.NOT_PUBLISHED).findFirst().orElseThrow();
        assertEquals("not published", tdp.value());
        assertTrue(tdp.label().endsWith(" TDP"), tdp.label());
        assertTrue(e.notes().contains(new Note.UnknownPower(c.accelerator().name(), false)), e.notes().toString());
        assertTrue(e.notes().stream().noneMatch(n -> n instanceof Note.AssumedValue a && a.assumption().equals(tdp)),
                "an unpublished figure is said once, as unknown power, not as an assumption");
    }

    @Test
    void aMissingStatusIsNotAFigure() {
        assertThrows(IllegalArgumentException.class, () -> Provenance.missing("x", Provenance.Status.DATASHEET, "s"));
        Provenance p = new Provenance("x", "1 W", Provenance.Kind.MEASURED, "s");
        assertEquals(Provenance.Status.MEASURED, p.status());
        assertTrue(!p.status().missing());
    }
}
