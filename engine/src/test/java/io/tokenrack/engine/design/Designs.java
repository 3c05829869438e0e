package io.tokenrack.engine.design;

import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Precision;
import io.tokenrack.engine.workload.Workload;
import java.util.List;

/** Short ways to build designs by hand in tests (catalog ids from the fixture presets). */
final class Designs {
    private Designs() {}

    static Placement at(String id, String catalogId, int positionU) {
        return new Placement(id, catalogId, positionU, null);
    }

    static Placement zeroU(String id, String catalogId, int count) {
        return new Placement(id, catalogId, null, count);
    }

    static RackInstance rack(String id, String name, String rackId, Placement... items) {
        return new RackInstance(id, name, rackId, List.of(items));
    }

    static RackDesign design(RackInstance... racks) {
        return new RackDesign(RackDesign.CURRENT_VERSION, "Test design", null, List.of(racks), null);
    }

    static Workload workload(Parallelism parallelism) {
        return new Workload("model-dense", Precision.FP8, null, 1024, 256, null, null, null, null, parallelism);
    }

    /** {@code n} placements of {@code catalogId} stacked from {@code fromU}, {@code heightU} apart: prefix-1, prefix-2, ... */
    static Placement[] stack(String prefix, String catalogId, int n, int fromU, int heightU) {
        Placement[] out = new Placement[n];
        for (int i = 0; i < n; i++) {
            out[i] = at(prefix + "-" + (i + 1), catalogId, fromU + i * heightU);
        }
        return out;
    }

    static Placement[] concat(Placement[]... groups) {
        return java.util.Arrays.stream(groups).flatMap(java.util.Arrays::stream).toArray(Placement[]::new);
    }
}
