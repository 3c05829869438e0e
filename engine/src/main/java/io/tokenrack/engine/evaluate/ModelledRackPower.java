package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.design.RackPower;
import io.tokenrack.engine.design.RackPowerEstimate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rack power from the engine's power model at the workload's operating point, for
 * {@link io.tokenrack.engine.design.DesignCheck}: each rack draws the modelled IT power of its
 * accelerators' share; racks without accelerators keep their nameplate.
 */
public final class ModelledRackPower {
    private ModelledRackPower() {}

    /**
     * Each rack drawing its modelled IT power in {@code e} ({@link Evaluation.Ok#racks()}); the
     * nameplate for racks without accelerators, or for all when {@code e} failed or its power is unknown.
     */
    public static RackPowerEstimate of(Evaluation e) {
        if (!(e instanceof Evaluation.Ok ok)) {
            return RackPowerEstimate.nameplate();
        }
        return of(ok.racks(), ok);
    }

    /**
     * As {@link #of(Evaluation)}, for a design edited since {@code e} was evaluated: each rack of
     * {@code current} draws {@code e}'s IT power per accelerator for each accelerator it holds now,
     * so checks between an edit and its new evaluation keep a modelled figure. For the design
     * evaluated it gives the same draws as {@link Evaluation.Ok#racks()}.
     */
    public static RackPowerEstimate of(Cluster current, Evaluation.Ok e) {
        List<RackDraw> draws = new ArrayList<>(current.racks().size());
        double perAccelerator = e.power().itWatts() / e.accelerators();
        for (Cluster.RackBudget r : current.racks()) {
            draws.add(new RackDraw(r.rackId(), r.name(), r.accelerators(), perAccelerator * r.accelerators(), r.powerBudgetWatts(),
                    r.coolingCapacityWatts()));
        }
        return of(draws, e);
    }

    private static RackPowerEstimate of(List<RackDraw> draws, Evaluation.Ok e) {
        if (!Double.isFinite(e.power().itWatts())) {
            return RackPowerEstimate.nameplate();
        }
        PowerDetail pd = e.power().detail();
        String basis = String.format(Locale.ROOT, "modelled at concurrency %.0f", e.plan().concurrency())
                + (pd != null && pd.operatingPoint().kind() != io.tokenrack.engine.power.OperatingPoint.Kind.MAX_P
                        ? ", " + pd.operatingPoint().label() : ""); // a capped draw says so wherever the checks show it
        Map<String, RackDraw> byRack = new HashMap<>(); // by rack id: one look-up per rack, not a scan
        for (RackDraw d : draws) {
            byRack.put(d.rackId(), d);
        }
        return (RackInstance rack, Catalog catalog) -> {
            RackDraw d = byRack.get(rack.id());
            return d != null && d.accelerators() > 0 ? RackPower.of(d.itWatts(), basis) : RackPowerEstimate.nameplate().estimate(rack, catalog);
        };
    }
}
