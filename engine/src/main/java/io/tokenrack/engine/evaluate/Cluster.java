package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.AcceleratorSpec;
import java.util.List;

/**
 * What the model needs to know of a design: how many accelerators of which kind, how they are
 * linked, and the power, cooling and capital around them.
 *
 * @param scaleUpDomain                     accelerators joined by the scale-up fabric (NVLink domain)
 * @param scaleOutBytesPerSecondPerAccelerator NIC bandwidth per accelerator, one direction; 0 without a scale-out network
 * @param hostNameplateWatts                non-accelerator nameplate power of the servers (CPUs, NICs, fans, switch trays),
 *                                          {@link io.tokenrack.engine.design.ItemPower#hostWatts()}: an assumed host
 *                                          for servers that publish no maximum
 * @param networkWatts                      scale-out switches and optics
 * @param pue                               facility power over IT power for this cooling
 * @param provisionedItWatts                nameplate IT power (what the facility must provision): the racks'
 *                                          {@link io.tokenrack.engine.design.RackLoad#nameplate()}, NaN when a server
 *                                          with accelerators has no power figure at all
 * @param capexUsd                          capital cost, null when the catalog has no price for it
 */
public record Cluster(
        AcceleratorSpec accelerator,
        int accelerators,
        int scaleUpDomain,
        double scaleOutBytesPerSecondPerAccelerator,
        double hostNameplateWatts,
        double networkWatts,
        double pue,
        double provisionedItWatts,
        Double capexUsd,
        List<RackBudget> racks,
        List<Provenance> provenance) {

    /** One rack's limits and its share of the accelerators, to compare modelled power against. */
    public record RackBudget(String rackId, String name, double powerBudgetWatts, double coolingCapacityWatts, int accelerators) {}

    public Cluster {
        racks = List.copyOf(racks);
        provenance = List.copyOf(provenance);
    }
}
