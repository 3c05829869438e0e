package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.design.RackPower;
import io.tokenrack.engine.design.RackPowerEstimate;
import java.util.Locale;

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
        return (RackInstance rack, Catalog catalog) -> {
            for (Cluster.RackBudget b : cluster.racks()) {
                if (b.rackId().equals(rack.id()) && b.accelerators() > 0) {
                    return RackPower.of(wattsPerAccelerator * b.accelerators(), basis);
                }
            }
            return RackPowerEstimate.nameplate().estimate(rack, catalog);
        };
    }
}
