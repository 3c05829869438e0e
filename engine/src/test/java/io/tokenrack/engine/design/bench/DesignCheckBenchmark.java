package io.tokenrack.engine.design.bench;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.design.DesignCheck;
import io.tokenrack.engine.design.Finding;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH benchmark of the design check on hostile designs (the app re-checks on every edit): 3,000
 * servers all at U1 of one rack, and 32,000 empty racks. Both must stay well under a second; the
 * overlap check sorts by position instead of comparing every pair. Run with
 * {@code bench/jmh.sh io.tokenrack.engine.design.bench}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Benchmark)
public class DesignCheckBenchmark {
    @Param({"servers-at-u1:3000", "empty-racks:32000"})
    public String shape;

    Catalog catalog;
    RackDesign design;

    @Setup
    public void setup() {
        catalog = CatalogLoader.loadDefault();
        String[] p = shape.split(":");
        int n = Integer.parseInt(p[1]);
        List<RackInstance> racks = new ArrayList<>();
        if (p[0].equals("servers-at-u1")) {
            List<Placement> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(new Placement("dgx-" + i, "dgx-h100", 1, null));
            }
            racks.add(new RackInstance("rack-1", "Rack 1", "air-42u-dgx-h100", items));
        } else {
            for (int i = 0; i < n; i++) {
                racks.add(new RackInstance("rack-" + i, "Rack " + i, "air-42u-dgx-h100", List.of()));
            }
        }
        design = new RackDesign(RackDesign.CURRENT_VERSION, "Hostile " + shape, null, racks, null);
    }

    @Benchmark
    public List<Finding> check() {
        return DesignCheck.check(design, catalog);
    }
}
