package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.design.RackPower;
import io.tokenrack.engine.design.RackPowerEstimate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Rack power from the engine's power model at the workload's operating point, for
 * {@link io.tokenrack.engine.design.DesignCheck}: each rack draws the modelled IT power of its
 * accelerators' share; racks without accelerators keep their nameplate.
 */
public final class ModelledRackPower {
    private ModelledRackPower() {}

    public static RackPowerEstimate of(Cluster cluster, Evaluation e) {
        if (!e.ok() || !Double.isFinite(e.itPowerWatts())) {
            return RackPowerEstimate.nameplate();
        }
        return of(cluster, e.itPowerWatts() / cluster.accelerators(), e.concurrency());
    }

    /**
     * Each rack of {@code cluster} drawing {@code wattsPerAccelerator} (the modelled IT power,
     * hosts and network included, per accelerator) for each accelerator it holds.
     */
    public static RackPowerEstimate of(Cluster cluster, double wattsPerAccelerator, double concurrency) {
        String basis = String.format(Locale.ROOT, "modelled at concurrency %.0f", concurrency);
        Map<String, Integer> accelerators = new HashMap<>(); // by rack id: one look-up per rack, not a scan
        for (Cluster.RackBudget b : cluster.racks()) {
            accelerators.put(b.rackId(), b.accelerators());
        }
        return (RackInstance rack, Catalog catalog) -> {
            int n = accelerators.getOrDefault(rack.id(), 0);
            return n > 0 ? RackPower.of(wattsPerAccelerator * n, basis) : RackPowerEstimate.nameplate().estimate(rack, catalog);
        };
    }
}
