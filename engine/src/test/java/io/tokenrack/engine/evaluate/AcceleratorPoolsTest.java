package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.Fixtures;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A design with two kinds of accelerators, split into one design per kind (the fixture catalog of ClusterFactoryTest). */
class AcceleratorPoolsTest {
    private final Catalog catalog = Fixtures.catalog();

    private static Placement at(String id, String catalogId, int u) {
        return new Placement(id, catalogId, u, null);
    }

    @Test
    void eachKindGetsItsRacksAndAMixedRackIsShared() {
        RackInstance air = new RackInstance("rack-a", "Rack A", "rack-air", List.of(at("a", "srv-8", 1), at("sw", "sw-eth", 41)));
        RackInstance mixed = new RackInstance("rack-b", "Rack B", "rack-liquid", List.of(at("b", "srv-8", 1), at("t", "tray-c", 20)));
        RackInstance network = new RackInstance("rack-n", "Network", "rack-air", List.of(at("sw2", "sw-eth", 1)));
        RackDesign d = new RackDesign(RackDesign.CURRENT_VERSION, "Mixed", null, List.of(air, mixed, network), null);

        assertTrue(AcceleratorPools.mixed(catalog, d));
        Map<String, RackDesign> parts = AcceleratorPools.split(catalog, d);
        assertEquals(2, parts.size(), parts.keySet().toString());
        RackDesign first = parts.values().iterator().next();
        RackDesign second = parts.values().stream().skip(1).findFirst().orElseThrow();
        // the first kind: rack A, its share of rack B (srv-8 only) and the rack without accelerators
        assertEquals(List.of("rack-a", "rack-b", "rack-n"), first.racks().stream().map(RackInstance::id).toList());
        assertEquals(List.of("b"), first.racks().get(1).items().stream().map(Placement::id).toList());
        // the second kind: only its tray of rack B
        assertEquals(List.of("rack-b"), second.racks().stream().map(RackInstance::id).toList());
        assertEquals(List.of("t"), second.racks().getFirst().items().stream().map(Placement::id).toList());
        // a rack with both kinds belongs to no one pool; a rack with none neither
        assertEquals(Optional.empty(), AcceleratorPools.role(catalog, d, mixed));
        assertEquals(Optional.empty(), AcceleratorPools.role(catalog, d, network));
        assertTrue(AcceleratorPools.role(catalog, d, air).isPresent());
    }

    @Test
    void aDesignWithOneKindIsNotSplit() {
        RackInstance air = new RackInstance("rack-a", "Rack A", "rack-air", List.of(at("a", "srv-8", 1)));
        RackDesign d = new RackDesign(RackDesign.CURRENT_VERSION, "One", null, List.of(air), null);
        assertFalse(AcceleratorPools.mixed(catalog, d));
        assertEquals(1, AcceleratorPools.split(catalog, d).size());
        assertEquals(Optional.empty(), AcceleratorPools.role(catalog, d, air));
    }
}
