package io.tokenrack.engine.design;

import io.tokenrack.engine.catalog.AcceleratorSpec;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.NetworkSpec;
import io.tokenrack.engine.catalog.ServerSpec;
import io.tokenrack.engine.power.PowerModel;

/**
 * The one rule for an item's nameplate power, used by the design checks, the evaluator's cluster
 * and the app's budgets alike:
 * <ul>
 *   <li>a server, tray or network item that publishes its maximum counts it;</li>
 *   <li>a server that publishes none but whose accelerators have a TDP counts
 *       TDP × count <em>plus an assumed host</em> of
 *       {@link PowerModel#ASSUMED_HOST_WATTS_PER_ACCELERATOR} W per accelerator (DGX H100's
 *       non-GPU share; none when the CPU is the accelerator). This is an assumption, and is
 *       labelled as one wherever it shows ({@link ItemPower.Figure#ASSUMED_HOST}): without it the
 *       figure would leave out CPUs, NICs and fans, and the evaluator's power model and the
 *       budget checks would disagree about the same server;</li>
 *   <li>an item with no figure at all counts 0 and makes the total a lower bound;</li>
 *   <li>cooling units and PDUs count 0: their own draw is facility overhead, which the PUE counts.</li>
 * </ul>
 * docs/design-checks.md states the same rule.
 */
public final class NameplatePower {
    static final String BASIS = "nameplate";

    private NameplatePower() {}

    /** One unit of {@code item}. */
    public static ItemPower of(CatalogItem item, Catalog catalog) {
        return switch (item) {
            case ServerSpec s -> server(s, catalog);
            case NetworkSpec n -> n.maxPowerWatts() == null
                    ? new ItemPower(0, 0, 0, ItemPower.Figure.UNKNOWN)
                    : new ItemPower(n.maxPowerWatts(), 0, 0, ItemPower.Figure.PUBLISHED);
            default -> ItemPower.NONE;
        };
    }

    private static ItemPower server(ServerSpec s, Catalog catalog) {
        AcceleratorSpec acc = s.hasAccelerators() ? catalog.find(s.acceleratorId(), AcceleratorSpec.class).orElse(null) : null;
        if (acc == null) {
            // switch trays and hosts without accelerators: all of their power is host power
            return s.maxPowerWatts() == null
                    ? new ItemPower(0, 0, 0, ItemPower.Figure.UNKNOWN)
                    : new ItemPower(s.maxPowerWatts(), 0, s.maxPowerWatts(), ItemPower.Figure.PUBLISHED);
        }
        int n = s.acceleratorCount();
        double assumedHost = acc.cpuAsAccelerator() ? 0 : PowerModel.ASSUMED_HOST_WATTS_PER_ACCELERATOR * n;
        Double tdp = acc.tdpWatts();
        if (s.hostWattsPerAccelerator() != null && !acc.cpuAsAccelerator()) {
            // the unit's own host figure (an LPU tray's is not a GPU server's): the host share, the maximum still the unit's when it gives one
            double host = s.hostWattsPerAccelerator() * n;
            if (s.maxPowerWatts() != null) {
                return new ItemPower(s.maxPowerWatts(), 0, host, ItemPower.Figure.PUBLISHED);
            }
            return tdp == null ? new ItemPower(0, 0, host, ItemPower.Figure.UNKNOWN) : new ItemPower(tdp * n + host, 0, host, ItemPower.Figure.PUBLISHED);
        }
        if (s.maxPowerWatts() != null) {
            double host = tdp == null ? assumedHost : Math.max(0, s.maxPowerWatts() - tdp * n);
            return new ItemPower(s.maxPowerWatts(), 0, acc.cpuAsAccelerator() ? 0 : host, ItemPower.Figure.PUBLISHED);
        }
        if (tdp == null) {
            return new ItemPower(0, 0, assumedHost, ItemPower.Figure.UNKNOWN);
        }
        return new ItemPower(tdp * n + assumedHost, assumedHost, assumedHost, ItemPower.Figure.ASSUMED_HOST);
    }
}
