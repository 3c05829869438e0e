package io.tokenrack.engine.site;

import io.tokenrack.engine.catalog.CoolingType;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.design.RackLoads;
import io.tokenrack.engine.evaluate.Cluster;
import io.tokenrack.engine.evaluate.Evaluator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What one unit of a site design is in hardware: its accelerators, floor positions, provisioned and
 * Max-P power and price. A design with one kind of accelerator is one {@link Cluster}; a design with
 * two kinds (attention–FFN or prefill/decode pools, each kind in racks of its own) is the sum of its
 * racks, each read alone, and a rack with no accelerators (a switch rack) adds its nameplate power.
 *
 * @param cluster   the unit as one cluster (null for a design with two kinds: it is served from the design)
 * @param maxPWatts accelerators at TDP plus hosts and network at nameplate; NaN without a TDP
 * @param capexUsd  the catalog's price of the unit; NaN when an item has none
 */
record UnitHardware(Cluster cluster, String label, String acceleratorId, int accelerators, double positions, double provisionedWatts,
                    double maxPWatts, double capexUsd) {

    static UnitHardware of(Evaluator evaluator, SiteDesign entry, RackDesign design) {
        if (design == null) {
            Cluster c = evaluator.clusters().standard(entry.accelerator(), entry.acceleratorsPerUnit());
            double rackW = c.accelerator().cooling() == CoolingType.LIQUID || c.accelerator().cooling() == CoolingType.IMMERSION
                    ? SitePlanner.LIQUID_RACK_WATTS : SitePlanner.AIR_RACK_WATTS;
            // a unit of compute trays is one scale-up domain: one rack (as NVL72); servers share racks up to a rack's power
            double positions = c.scaleUpDomain() == c.accelerators() && c.accelerators() > 8 ? 1
                    : Double.isFinite(c.provisionedItWatts()) ? c.provisionedItWatts() / rackW : 1;
            return of(c, entry.label(), positions);
        }
        double positions = Math.max(1, design.racks().size());
        InputException mixed;
        try {
            return of(evaluator.clusters().fromDesign(design), design.name(), positions);
        } catch (InputException e) {
            mixed = e;
        }
        // two kinds of accelerators: sum the racks, each read alone
        Set<String> kinds = new LinkedHashSet<>();
        int accelerators = 0;
        double provisioned = 0;
        double maxP = 0;
        double capex = 0;
        for (RackInstance r : design.racks()) {
            Cluster c;
            try {
                c = evaluator.clusters().fromDesign(design.withRacks(List.of(r)));
            } catch (InputException e) {
                if (RackLoads.of(r, evaluator.catalog()).accelerators() > 0) {
                    throw mixed; // a rack with accelerators that does not read: the design's own error
                }
                double w = RackLoads.of(r, evaluator.catalog()).powerWatts();
                provisioned += w;
                maxP += w;
                continue;
            }
            UnitHardware h = of(c, r.name(), 1);
            kinds.add(c.accelerator().id());
            accelerators += h.accelerators();
            provisioned += h.provisionedWatts();
            maxP += h.maxPWatts();
            capex += h.capexUsd();
        }
        if (kinds.size() < 2) {
            throw mixed;
        }
        return new UnitHardware(null, design.name(), String.join(" + ", kinds), accelerators, positions, provisioned, maxP, capex);
    }

    private static UnitHardware of(Cluster c, String label, double positions) {
        double tdp = c.accelerator().tdpWatts() == null ? Double.NaN : c.accelerator().tdpWatts();
        double maxP = c.accelerators() * tdp + c.hostNameplateWatts() + c.networkWatts();
        return new UnitHardware(c, label, c.accelerator().id(), c.accelerators(), positions, c.provisionedItWatts(), maxP,
                c.capexUsd() == null ? Double.NaN : c.capexUsd());
    }
}
