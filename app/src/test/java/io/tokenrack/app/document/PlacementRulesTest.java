package io.tokenrack.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Fixtures;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.design.DesignCheck;
import io.tokenrack.engine.design.Finding;
import io.tokenrack.engine.design.FindingCodes;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.design.RackLoad;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Drop rules against the fixture rack: a 42U air rack with a 45 kW budget holding four 8U DGX H100
 * (10.2 kW each) at U2, U10, U18, U26 and a 1U switch (1.7 kW) at U42: 4 × 10.2 + 1.7 = 42.5 kW.
 */
class PlacementRulesTest {
    private final PlacementRules rules = new PlacementRules(Fixtures.catalog());
    private final RackDesign design = Fixtures.exampleDesign();

    @Test
    void theLoadSumsDatasheetFigures() {
        RackLoad load = rules.load(design.racks().getFirst());
        assertEquals(4 * 8 + 1, load.usedU());
        assertEquals(42, load.heightU());
        assertEquals(4 * 10_200 + 1_700, load.powerWatts(), 1e-9);
        assertEquals(45_000, load.powerBudgetWatts(), 1e-9);
        assertEquals(load.powerWatts(), load.heatWatts(), 1e-9, "all power becomes heat");
        assertEquals(30_000, load.coolingCapacityWatts(), 1e-9, "no cooling unit: room air, 30 kW by default (DesignCheck's assumption)");
        assertEquals(4 * 130 + 15, load.weightKg(), 1e-9);
        assertEquals(32, load.accelerators());
    }

    @ParameterizedTest(name = "{0} at U{1}: {2}")
    @CsvSource(delimiter = '|', textBlock = """
            qm9700     | 1  | ok
            qm9700     | 41 | ok
            qm9700     | 42 | no room
            qm9700     | 43 | beyond the top
            qm9700     | 0  | below the bottom
            qm9700     | 2147483647 | beyond the top
            dgx-h100   | 34 | exceeds the rack power budget
            gb200-tray | 1  | needs liquid cooling
            h100-sxm   | 1  | not something that goes into a rack slot
            """)
    void dropsAreCheckedBeforeAnyCommand(String catalogId, int u, String expected) {
        var refusal = rules.refusal(design, "rack-1", catalogId, u);
        if (expected.equals("ok")) {
            assertTrue(refusal.isEmpty(), () -> "unexpected refusal: " + refusal.orElseThrow());
        } else {
            assertTrue(refusal.orElse("").contains(expected), () -> "expected '" + expected + "', got " + refusal);
        }
    }

    @Test
    void aMoveWithinTheRackFreesItsOwnSpaceAndPower() {
        var r = rules.refusal(design, "rack-1", List.of(new PlacementRules.Request("dgx-h100", 1)), Set.of("dgx-1"));
        assertTrue(r.isEmpty(), () -> r.orElseThrow());
    }

    @Test
    void movedItemsMayNotOverlapEachOther() {
        var r = rules.refusal(design, "rack-1",
                List.of(new PlacementRules.Request("dgx-h100", 2), new PlacementRules.Request("dgx-h100", 5)),
                Set.of("dgx-1", "dgx-2"));
        assertTrue(r.orElse("").contains("overlap"), () -> String.valueOf(r));
    }

    @Test
    void theLowestFreeSlotSkipsOccupiedUnits() {
        assertEquals(1, rules.lowestFreeU(design, "rack-1", 1).orElseThrow());
        assertEquals(34, rules.lowestFreeU(design, "rack-1", 2).orElseThrow());
        assertTrue(rules.lowestFreeU(design, "rack-1", 9).isEmpty());
    }

    @Test
    void coolingUnitsSetTheHeatCapacity() {
        List<RackInstance> racks = new ArrayList<>(design.racks());
        RackInstance r = racks.getFirst();
        var items = new ArrayList<>(r.items());
        items.add(new Placement("door", "rdhx-50", null, 1));
        racks.set(0, r.withItems(items));
        RackLoad load = rules.load(racks.getFirst());
        assertEquals(50_000, load.coolingCapacityWatts(), 1e-9);
        assertTrue(load.coolingFromUnits());
    }

    /** The design check's errors that a drop must not introduce (those a later drop can fix stay findings). */
    private static final Set<String> REFUSED = Set.of(FindingCodes.U_OVERLAP, FindingCodes.U_OVERFLOW, FindingCodes.POWER_OVER_BUDGET,
            FindingCodes.COOLING_INCOMPATIBLE, FindingCodes.WEIGHT_OVER_LIMIT, FindingCodes.WRONG_KIND,
            FindingCodes.ACCELERATOR_WITHOUT_HOST);

    @Test
    void aDropIsRefusedExactlyWhenTheEngineCheckWouldFlagIt() {
        // the example air rack, and a liquid rack (48U, 132 kW, 1,800 kg) holding 24 GB200 trays at U1–U24:
        // 24 × 5.4 = 129.6 kW, so one more tray (135.0 kW) is over the budget and a 1.7 kW switch is not
        List<Placement> trays = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            trays.add(new Placement("tray-" + i, "gb200-tray", i + 1, null));
        }
        List<RackInstance> racks = new ArrayList<>(design.racks());
        racks.add(new RackInstance("rack-2", "Liquid", "rack-48u-liquid", trays));
        RackDesign start = design.withRacks(racks);
        int refused = 0;
        int checked = 0;
        for (RackInstance rack : start.racks()) {
            long errorsBefore = ruleErrors(DesignCheck.check(start, Fixtures.catalog()));
            for (CatalogItem item : Fixtures.catalog().all()) {
                int height = ItemFacts.heightU(item);
                for (int u = 1; u <= (height == 0 ? 1 : 49); u++) {
                    Integer pos = height == 0 ? null : u;
                    boolean isRefused = rules.refusal(start, rack.id(), item.id(), pos).isPresent();
                    List<Placement> items = new ArrayList<>(rack.items());
                    items.add(new Placement("new-item", item.id(), pos, null));
                    RackDesign trial = start.withRacks(start.racks().stream().map(r -> r.id().equals(rack.id()) ? r.withItems(items) : r).toList());
                    boolean flagged = ruleErrors(DesignCheck.check(trial, Fixtures.catalog())) > errorsBefore;
                    String where = item.id() + " at U" + pos + " in " + rack.id();
                    assertEquals(flagged, isRefused, () -> where + ": refused " + isRefused + " but the check flags " + flagged);
                    refused += isRefused ? 1 : 0;
                    checked++;
                }
            }
        }
        // both outcomes occur: the comparison is not vacuous
        assertTrue(refused > 0 && refused < checked, refused + " of " + checked);
        assertTrue(rules.refusal(start, "rack-2", "gb200-tray", 30).orElse("").contains("power budget"));
        assertTrue(rules.refusal(start, "rack-2", "qm9700", 30).isEmpty());
    }

    private static long ruleErrors(List<Finding> findings) {
        return findings.stream().filter(f -> f.isError() && REFUSED.contains(f.code())).count();
    }
}
