package io.tokenrack.app.compare;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Presets;
import io.tokenrack.app.document.DesignFiles;
import io.tokenrack.app.document.DocState;
import io.tokenrack.app.results.EngineResults;
import io.tokenrack.app.results.Results;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.Evaluator;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;

class ComparisonTest {
    static final Path PRESETS = Path.of(System.getProperty("tokenrack.presets.dir"));

    static RackDesign example() {
        return new DesignFiles(Presets.catalog()).read(PRESETS.resolve("designs/dgx-h100-4x-air.json"));
    }

    /** The example with its fourth DGX H100 removed. */
    static RackDesign threeServers() {
        RackDesign d = example();
        RackInstance r = d.racks().getFirst();
        return d.withRacks(List.of(new RackInstance(r.id(), r.name(), r.rackId(),
                r.items().stream().filter(p -> !p.id().equals("dgx-4")).toList()))).withName("three DGX");
    }

    static Evaluation evaluate(RackDesign d) {
        return new Evaluator(Presets.catalog()).evaluate(d, d.workload(), Assumptions.defaults(Presets.catalog().facility()));
    }

    static Map<String, Comparison.Row> byId(List<Comparison.Row> rows) {
        return rows.stream().collect(Collectors.toMap(Comparison.Row::id, Function.identity()));
    }

    @Test
    void differencesArePercentOfThisDesignWithASign() {
        assertEquals("+12%", Comparison.delta(100, 112));
        assertEquals("−3.4%", Comparison.delta(100, 96.6));
        assertEquals("±0%", Comparison.delta(100, 100.01));
        assertEquals("—", Comparison.delta(0, 5), "no percent of zero");
        assertEquals("—", Comparison.delta(Double.NaN, 5), "unknown stays unknown");
    }

    @Test
    void fewerServersMeanLessThroughputAndTheRowsSaySoWithTheirVerdict() {
        Evaluation.Ok a = (Evaluation.Ok) evaluate(example());
        Evaluation.Ok b = (Evaluation.Ok) evaluate(threeServers());
        Map<String, Comparison.Row> rows = byId(Comparison.rows(a, b));
        Comparison.Row out = rows.get("output-tps");
        assertEquals(Comparison.delta(a.throughput().outputTokensPerSecond(), b.throughput().outputTokensPerSecond()), out.delta());
        assertTrue(out.delta().startsWith("−"), out.toString());
        assertEquals(Comparison.Better.A, out.better(), "more output tokens is better: this design wins");
        assertEquals("32", rows.get("accelerators").a());
        assertEquals("24", rows.get("accelerators").b());
        assertEquals(Comparison.Better.NONE, rows.get("it-power").better(), "power carries no verdict");
        Comparison.Row usd = rows.get("usd-per-mtok");
        double da = a.cost().usdPerMillionOutputTokens();
        double db = b.cost().usdPerMillionOutputTokens();
        Comparison.Better expected = Math.abs(db - da) <= 5e-4 * Math.max(da, db) ? Comparison.Better.SAME // within rounding
                : db < da ? Comparison.Better.B : Comparison.Better.A;
        assertEquals(expected, usd.better(), "less cost is better");
    }

    @Test
    void aSideThatDoesNotEvaluateShowsWhyAndNoNumbers() {
        Evaluation a = evaluate(example());
        Map<String, Comparison.Row> rows = byId(Comparison.rows(a, null));
        assertEquals("—", rows.get("output-tps").b());
        assertEquals("—", rows.get("output-tps").delta());
        assertEquals(Comparison.Better.NONE, rows.get("output-tps").better());
    }

    @Test
    void theOtherDesignIsEvaluatedOnThisDesignsWorkloadUnlessAskedNotTo() {
        RackDesign mine = example();
        RackDesign other = threeServers().withWorkload(mine.workload().withModel("llama-3.1-8b"));
        Assumptions assumptions = Assumptions.defaults(Presets.catalog().facility());
        EngineResults engine = new EngineResults(new Evaluator(Presets.catalog()));
        SimpleObjectProperty<Results> a = new SimpleObjectProperty<>(engine.compute(new DocState(mine, assumptions)));
        Deque<Runnable> fx = new ArrayDeque<>();
        try (CompareModel m = new CompareModel(a, other, null, engine, assumptions, fx::add)) {
            assertEquals("llama-3.1-70b", m.bInput().design().workload().modelId(), "the same job on both racks");
            m.sameWorkloadProperty().set(false);
            assertEquals("llama-3.1-8b", m.bInput().design().workload().modelId(), "its own job");
            assertEquals(other.racks(), m.bInput().design().racks(), "its own racks either way");
        }
    }
}
