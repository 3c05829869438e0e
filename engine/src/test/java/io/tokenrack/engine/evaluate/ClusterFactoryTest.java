package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.Fixtures;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CoolingType;
import io.tokenrack.engine.catalog.ServerSpec;
import io.tokenrack.engine.cost.CostModel;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.design.RackLoads;
import io.tokenrack.engine.power.PowerModel;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A design → cluster, by hand over the fixture catalog: srv-8 = 8U, 6,000 W, 8 × acc-air (400 W
 * TDP, no scale-up domain), 8 × nic-400; srv-4-unpublished = 4 × acc-air, no power, no NIC;
 * sw-eth = 1,500 W switch; rdhx-30 = rear door, 30 kW, PUE 1.3; rack-air = 15 kW, air (facility
 * PUE for air 1.5). No fixture has a price.
 */
class ClusterFactoryTest {
    private final Catalog catalog = Fixtures.catalog();

    private static Placement at(String id, String catalogId, int u) {
        return new Placement(id, catalogId, u, null);
    }

    private static RackDesign design(RackInstance... racks) {
        return new RackDesign(RackDesign.CURRENT_VERSION, "Test", null, List.of(racks), null);
    }

    @Test
    void aTwoRackDesignByHand() {
        RackDesign d = design(
                new RackInstance("rack-a", "Rack A", "rack-air", List.of(at("a", "srv-8", 1), at("b", "srv-8", 9), at("sw", "sw-eth", 41))),
                new RackInstance("rack-b", "Rack B", "rack-air", List.of(at("small", "srv-4-unpublished", 1),
                        new Placement("door", "rdhx-30", null, 1))));

        Cluster c = new ClusterFactory(catalog).fromDesign(d);

        assertEquals("acc-air", c.accelerator().id());
        assertEquals(8 + 8 + 4, c.accelerators());
        // host: each srv-8 6,000 − 8 × 400 = 2,800 W; small publishes nothing: 4 × 575 W assumed = 2,300 W
        assertEquals(2 * 2_800 + 4 * PowerModel.ASSUMED_HOST_WATTS_PER_ACCELERATOR, c.hostNameplateWatts(), 1e-9);
        assertEquals(7_900, c.hostNameplateWatts(), 1e-9);
        assertEquals(1_500, c.networkWatts(), 1e-9);
        // provisioned = nameplate: rack A 6,000 + 6,000 + 1,500; rack B 4 × 400 + 2,300 = 3,900 → 17,400 W
        assertEquals(17_400, c.provisionedItWatts(), 1e-9);
        assertEquals(RackLoads.of(d.racks().get(0), catalog).powerWatts() + RackLoads.of(d.racks().get(1), catalog).powerWatts(),
                c.provisionedItWatts(), 1e-9, "the same rule as the design check's nameplate");
        // PUE weighted by accelerators: rack A air 1.5 × 16, rack B rear door 1.3 × 4 → 29.2 / 20 = 1.46
        assertEquals(1.46, c.pue(), 1e-12);
        assertNull(c.capexUsd(), "no price in the fixtures");
        // acc-air has no scale-up domain; small has no NIC, so there is no scale-out bandwidth
        assertEquals(1, c.scaleUpDomain());
        assertEquals(0, c.scaleOutBytesPerSecondPerAccelerator());
        assertEquals(List.of(
                        new Cluster.RackBudget("rack-a", "Rack A", 15_000, Double.NaN, 16),
                        new Cluster.RackBudget("rack-b", "Rack B", 15_000, 30_000, 4)),
                c.racks());
        assertTrue(c.provenance().stream().anyMatch(p -> p.kind() == Provenance.Kind.ASSUMPTION
                && p.label().contains("host power") && p.value().equals("2300 W")), c.provenance()::toString);
    }

    @Test
    void pricedServersJoinedByASwitch() {
        ServerSpec priced = new ServerSpec("srv-8-priced", "Priced 8-way", "Fixture", ServerSpec.Role.SERVER, "acc-air", 8, 8,
                6000.0, 100.0, CoolingType.AIR, null, null, null, null, "nic-400", 8, 200_000.0, null, null, List.of("test"));
        Catalog withPrice = catalog.with(priced);
        RackDesign d = design(new RackInstance("rack-a", "Rack A", "rack-air",
                List.of(at("a", "srv-8-priced", 1), at("b", "srv-8-priced", 9), at("sw", "sw-eth", 41))));

        Cluster c = new ClusterFactory(withPrice).fromDesign(d);

        // 2 × $200,000 in servers; with a switch the network is 19% of the cluster: 400,000 / 0.81
        assertEquals(400_000 / (1 - CostModel.NETWORK_SHARE_OF_CLUSTER_COST), c.capexUsd(), 1e-6);
        assertEquals(493_827.16, c.capexUsd(), 0.01);
        // 8 × 400 Gb/s NICs for 8 accelerators: 400 Gb/s = 50 GB/s each
        assertEquals(50e9, c.scaleOutBytesPerSecondPerAccelerator(), 1e-3);
        assertEquals(13_500, c.provisionedItWatts(), 1e-9);
        assertEquals(1.5, c.pue(), 1e-12);
    }

    @Test
    void aDesignWithoutAcceleratorsOrWithMixedOnesIsRefused() {
        RackDesign none = design(new RackInstance("rack-a", "Rack A", "rack-air", List.of(at("sw", "sw-eth", 1))));
        RackDesign mixed = design(new RackInstance("rack-a", "Rack A", "rack-liquid",
                List.of(at("a", "srv-8", 1), at("t", "tray-c", 20))));

        assertEquals("the design has no accelerator servers to run a model on",
                assertThrows(EvaluationException.class, () -> new ClusterFactory(catalog).fromDesign(none)).getMessage());
        assertTrue(assertThrows(EvaluationException.class, () -> new ClusterFactory(catalog).fromDesign(mixed))
                .getMessage().contains("mixes accelerators"));
    }

    @Test
    void theSameDesignIsResolvedOnceAndAnotherAfresh() {
        ClusterFactory f = new ClusterFactory(catalog);
        RackDesign d = design(new RackInstance("rack-a", "Rack A", "rack-air", List.of(at("a", "srv-8", 1))));
        RackDesign bigger = design(new RackInstance("rack-a", "Rack A", "rack-air", List.of(at("a", "srv-8", 1), at("b", "srv-8", 9))));

        Cluster first = f.fromDesign(d);
        assertTrue(first == f.fromDesign(d), "an edit's evaluation, sweep and frontier share one resolved cluster");
        Cluster other = f.fromDesign(bigger);
        assertEquals(16, other.accelerators(), "a new design is resolved, not served the last one's cluster");
        assertEquals(8, f.fromDesign(d).accelerators());
        assertEquals(first, f.fromDesign(d), "resolved again after another design, to the same cluster");
    }
}
