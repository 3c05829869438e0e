package io.tokenrack.engine.design;

import static io.tokenrack.engine.design.Designs.at;
import static io.tokenrack.engine.design.Designs.rack;
import static io.tokenrack.engine.design.Designs.zeroU;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.Fixtures;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.NetworkSpec;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The one computation of a rack's load, by hand over the fixture catalog: srv-8 = 8U, 6,000 W,
 * 100 kg, 8 × acc-air; srv-4-unpublished = 4U, 4 × acc-air (400 W TDP), no power or weight;
 * sw-eth = 2U switch, 1,500 W, 15 kg; rdhx-30 = 0U rear door, 30 kW; cdu-100 = 4U, 100 kW;
 * rack-air = 42U, 15 kW, 1,000 kg; no room-air entry, so room air removes 30 kW.
 */
class RackLoadsTest {
    /** A 1U switch that publishes neither power nor weight. */
    private final Catalog catalog = Fixtures.catalog().with(new NetworkSpec("sw-mystery", "Mystery switch", "Fixture",
            NetworkSpec.Type.SWITCH, "ethernet", 400, 32, 1, null, null, null, null, List.of("test")));

    @Test
    void aSmallRackByHand() {
        RackInstance r = rack("rack-a", "Rack A", "rack-air",
                at("a", "srv-8", 1), at("b", "srv-8", 9), at("sw", "sw-eth", 41),
                at("small", "srv-4-unpublished", 17), at("mystery", "sw-mystery", 30));

        RackLoad load = RackLoads.of(r, catalog);

        // space: 8 + 8 + 2 + 4 + 1 = 23 of 42 U, 19 free, nothing overlaps or sticks out
        assertEquals(42, load.heightU());
        assertEquals(23, load.usedU());
        assertEquals(19, load.freeU());
        assertEquals(List.of("a", "b", "small", "mystery", "sw"), load.placed().stream().map(RackLoad.Slot::id).toList());
        assertTrue(load.overlaps().isEmpty() && load.aboveTop().isEmpty() && load.unplaced().isEmpty());
        // power: 6,000 + 6,000 + 1,500 published; small = 4 × 400 W TDP + 4 × 575 W assumed host = 3,900 W;
        // mystery has no figure (0, lower bound): 17,400 W, of which 2,300 W assumed, 15,100 W published
        RackPower p = load.nameplate();
        assertEquals(17_400, p.watts(), 1e-9);
        assertEquals(2_300, p.assumedWatts(), 1e-9);
        assertEquals(15_100, p.publishedWatts(), 1e-9);
        assertEquals(List.of("small"), p.assumed());
        assertEquals(List.of("mystery"), p.unknown());
        assertTrue(p.lowerBound());
        assertEquals(15_000, load.powerBudgetWatts(), 1e-9);
        assertTrue(load.overBudget(), "15,100 W published > 15,000 W");
        // heat = power, against 30 kW of room air (no cooling unit placed)
        assertEquals(17_400, load.heatWatts(), 1e-9);
        assertEquals(30_000, load.coolingCapacityWatts(), 1e-9);
        assertFalse(load.coolingFromUnits());
        assertEquals(0.58, load.heatFraction(), 1e-9);
        // weight: 100 + 100 + 15 = 215 kg published; small and mystery publish none (lower bound)
        assertEquals(215, load.weightKg(), 1e-9);
        assertEquals(List.of("small", "mystery"), load.weightUnknown());
        assertFalse(load.weightComplete());
        assertEquals(1000.0, load.maxWeightKg());
        // accelerators: 8 + 8 + 4
        assertEquals(20, load.accelerators());
    }

    @Test
    void coolingUnitsAndCountsMultiply() {
        // two rear doors (0U, count 2) = 60 kW; a CDU (4U) = 100 kW; both cool, neither draws rack power
        RackInstance r = rack("rack-a", "Rack A", "rack-air", zeroU("door", "rdhx-30", 2), at("cdu", "cdu-100", 1), at("a", "srv-8", 5));

        RackLoad load = RackLoads.of(r, catalog);

        assertEquals(160_000, load.coolingCapacityWatts(), 1e-9);
        assertTrue(load.coolingFromUnits());
        assertEquals(6_000, load.powerWatts(), 1e-9);
        assertEquals(12, load.usedU());
        assertFalse(load.nameplate().lowerBound());
    }

    @Test
    void overlappingUnitsCountOnceAndUnitsAboveTheTopNotAtAll() {
        // a U1–U8 and b U5–U12 share U5–U8: 12 units taken; c U40–U47 has U40–U42 inside the 42U rack
        RackInstance r = rack("rack-a", "Rack A", "rack-air", at("a", "srv-8", 1), at("b", "srv-8", 5), at("c", "srv-8", 40));

        RackLoad load = RackLoads.of(r, catalog);

        assertEquals(15, load.usedU());
        assertEquals(1, load.overlaps().size());
        assertEquals("b", load.overlaps().getFirst().upper().id());
        assertEquals("a", load.overlaps().getFirst().lower().id());
        assertEquals(List.of("c"), load.aboveTop().stream().map(RackLoad.Slot::id).toList());
    }

    @Test
    void theLowestFreeSlotFollowsTheOverlapRule() {
        // taken: U1–U8, U9–U16, U41–U42; free: U17–U40
        RackInstance r = rack("rack-a", "Rack A", "rack-air", at("a", "srv-8", 1), at("b", "srv-8", 9), at("sw", "sw-eth", 41));
        RackLoad load = RackLoads.of(r, catalog);

        assertEquals(Optional.of(17), load.lowestFreeU(8));
        assertEquals(Optional.of(17), load.lowestFreeU(24));
        assertEquals(Optional.empty(), load.lowestFreeU(25));
        assertEquals(Optional.of(1), RackLoads.of(rack("e", "E", "rack-air"), catalog).lowestFreeU(42));
        assertThrows(IllegalArgumentException.class, () -> load.lowestFreeU(0));
    }

    @Test
    void anUnknownRackModelHasNoBudgetsAndUnknownItemsAreLeftOut() {
        RackInstance r = rack("rack-a", "Rack A", "rack-nowhere", at("a", "srv-8", 1), at("x", "no-such-thing", 20));

        RackLoad load = RackLoads.of(r, catalog);

        assertEquals(0, load.heightU());
        assertEquals(0, load.powerBudgetWatts(), 0);
        assertNull(load.maxWeightKg());
        assertEquals(8, load.usedU());
        assertEquals(6_000, load.powerWatts(), 1e-9);
        assertFalse(load.overBudget(), "no budget to be over");
    }

    @Test
    void theItemRuleIsTheRackRule() {
        ItemPower small = NameplatePower.of(catalog.find("srv-4-unpublished").orElseThrow(), catalog);
        assertEquals(new ItemPower(3_900, 2_300, 2_300, ItemPower.Figure.ASSUMED_HOST), small);
        // srv-8 publishes 6,000 W; its host is 6,000 − 8 × 400 = 2,800 W
        assertEquals(new ItemPower(6_000, 0, 2_800, ItemPower.Figure.PUBLISHED), NameplatePower.of(catalog.find("srv-8").orElseThrow(), catalog));
        assertTrue(NameplatePower.of(catalog.find("sw-mystery").orElseThrow(), catalog).unknown());
        assertEquals(ItemPower.Figure.NONE, NameplatePower.of(catalog.find("cdu-100").orElseThrow(), catalog).figure());
    }
}
