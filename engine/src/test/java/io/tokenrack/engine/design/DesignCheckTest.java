package io.tokenrack.engine.design;

import static io.tokenrack.engine.design.Designs.at;
import static io.tokenrack.engine.design.Designs.concat;
import static io.tokenrack.engine.design.Designs.design;
import static io.tokenrack.engine.design.Designs.rack;
import static io.tokenrack.engine.design.Designs.stack;
import static io.tokenrack.engine.design.Designs.workload;
import static io.tokenrack.engine.design.Designs.zeroU;
import static io.tokenrack.engine.design.FindingCodes.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.Fixtures;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CoolingSpec;
import io.tokenrack.engine.catalog.CoolingType;
import io.tokenrack.engine.catalog.NetworkSpec;
import io.tokenrack.engine.catalog.ServerSpec;
import io.tokenrack.engine.design.Finding.Severity;
import io.tokenrack.engine.workload.Parallelism;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * DesignCheck on hand-built designs over the fixture catalog. Fixture figures used below:
 * srv-8 = 8U, 6,000 W, 100 kg, 8 × acc-air (400 W TDP); srv-4-unpublished = 4U, 4 × acc-air, no
 * power or weight; tray-c = 1U liquid compute tray, 5,000 W, 40 kg, 4 × acc-liquid, 4 trays + 2
 * tray-s per domain; tray-s = 1U, 800 W, 25 kg; sw-eth = 2U switch, 1,500 W, 15 kg; cdu-100 = 4U
 * liquid, 100 kW, 1,000 W (facility overhead, not rack power); rdhx-30 = 0U air, 30 kW; pdu-17 =
 * 17 kW. No room-air entry, so room air removes 30 kW unless a test adds one. rack-air = 42U, 15 kW,
 * air, 1,000 kg; rack-liquid = 48U, 120 kW, liquid, 1,500 kg.
 */
class DesignCheckTest {
    private final Catalog catalog = Fixtures.catalog();

    private List<Finding> check(RackDesign d) {
        List<Finding> findings = DesignCheck.check(d, catalog);
        assertNamesOnlyItsOwnItems(d, findings);
        return findings;
    }

    private static List<Finding> only(List<Finding> findings, String code) {
        return findings.stream().filter(f -> f.code().equals(code)).toList();
    }

    private static Finding one(List<Finding> findings, String code) {
        List<Finding> matching = only(findings, code);
        assertEquals(1, matching.size(), () -> "expected one " + code + " in " + findings);
        return matching.getFirst();
    }

    private static Set<String> codes(List<Finding> findings) {
        Set<String> codes = new HashSet<>();
        findings.forEach(f -> codes.add(f.code()));
        return codes;
    }

    /** Every item a finding names exists in the design, and messages are whole sentences. */
    private static void assertNamesOnlyItsOwnItems(RackDesign d, List<Finding> findings) {
        Set<String> ids = new HashSet<>();
        d.racks().forEach(r -> r.items().forEach(p -> ids.add(p.id())));
        Set<String> rackIds = new HashSet<>();
        d.racks().forEach(r -> rackIds.add(r.id()));
        for (Finding f : findings) {
            assertTrue(ids.containsAll(f.itemIds()), () -> f + " names items outside the design");
            assertTrue(f.rackId() == null || rackIds.contains(f.rackId()), f::toString);
            assertTrue(f.message().endsWith("."), f::toString);
        }
    }

    /** A 2-rack design that breaks no rule: one air server with its switch, one liquid domain with its CDU. */
    static RackDesign cleanDesign() {
        return design(
                rack("rack-a", "Rack A", "rack-air",
                        at("srv-1", "srv-8", 1), at("sw-1", "sw-eth", 41), zeroU("optics", "optic-400", 8)),
                rack("rack-b", "Rack B", "rack-liquid",
                        concat(stack("tray", "tray-c", 4, 1, 1), stack("nvsw", "tray-s", 2, 5, 1),
                                new Placement[] {at("cdu-1", "cdu-100", 10), zeroU("pdu-1", "pdu-17", 2)})));
    }

    @Test
    void aCleanDesignHasNoFindings() {
        assertEquals(List.of(), check(cleanDesign()));
    }

    @Nested
    class CatalogIds {
        @Test
        void unknownIdsAreErrorsNamingTheItem() {
            RackDesign d = design(
                    rack("rack-a", "Rack A", "rack-nowhere", at("srv-1", "srv-8", 1)),
                    rack("rack-b", "Rack B", "rack-air", at("x-1", "no-such-thing", 1)))
                    .withWorkload(workload(Parallelism.AUTO).withModel("model-nowhere"));

            List<Finding> findings = check(d);

            List<Finding> unknown = only(findings, UNKNOWN_CATALOG_ID);
            assertEquals(3, unknown.size(), findings::toString);
            assertEquals("Rack A: rack model 'rack-nowhere' is not in the catalog.", unknown.get(0).message());
            assertEquals("Rack B: x-1 uses 'no-such-thing', which is not in the catalog.", unknown.get(1).message());
            assertEquals(List.of("x-1"), unknown.get(1).itemIds());
            assertEquals("rack-b", unknown.get(1).rackId());
            assertEquals("Workload: model 'model-nowhere' is not in the catalog.", unknown.get(2).message());
            assertTrue(unknown.stream().allMatch(Finding::isError));
        }

        @Test
        void idsOfTheWrongKindAreErrors() {
            RackDesign d = design(
                    rack("rack-a", "Rack A", "srv-8"),
                    rack("rack-b", "Rack B", "rack-air", zeroU("r-1", "rack-liquid", 1), zeroU("m-1", "model-dense", 1)));

            List<Finding> wrong = only(check(d), WRONG_KIND);

            assertEquals(List.of(
                    "Rack A: 'srv-8' is a server, not a rack model.",
                    "Rack B: r-1 places the rack model 'rack-liquid' inside a rack.",
                    "Rack B: m-1 places the model 'model-dense', which is not equipment; set it as the workload."),
                    wrong.stream().map(Finding::message).toList());
        }

        @Test
        void aBareAcceleratorNeedsAHost() {
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air", at("gpu-1", "acc-air", 1)));

            Finding f = one(check(d), ACCELERATOR_WITHOUT_HOST);

            assertEquals(Severity.ERROR, f.severity());
            assertEquals(List.of("gpu-1"), f.itemIds());
            assertEquals("Rack A: gpu-1 is a bare Fixture Air 100 accelerator; accelerators go inside a server or compute tray"
                    + " (the catalog has srv-8 and srv-4-unpublished).", f.message());
        }
    }

    @Nested
    class Space {
        @Test
        void overlappingItemsAreAnError() {
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air", at("dgx-1", "srv-8", 1), at("dgx-2", "srv-8", 5)));

            Finding f = one(check(d), U_OVERLAP);

            assertEquals("Rack A: dgx-2 (U5–U12) overlaps dgx-1 (U1–U8).", f.message());
            assertEquals(List.of("dgx-2", "dgx-1"), f.itemIds());
            assertEquals("rack-a", f.rackId());
        }

        @Test
        void adjacentItemsDoNotOverlap() {
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air", at("dgx-1", "srv-8", 1), at("dgx-2", "srv-8", 9)));

            assertFalse(codes(check(d)).contains(U_OVERLAP));
        }

        @Test
        void anItemAboveTheTopIsAnError() {
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air", at("dgx-1", "srv-8", 40), at("sw-1", "sw-eth", 1)));

            Finding f = one(check(d), U_OVERFLOW);

            assertEquals("Rack A: dgx-1 (U40–U47) reaches above the top of the rack, which has 42U.", f.message());
        }

        @Test
        void theTopUnitItselfFits() {
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air", at("dgx-1", "srv-8", 35)));

            assertFalse(codes(check(d)).contains(U_OVERFLOW));
        }

        @Test
        void eachItemInAnOverlapIsNamedOnceAgainstTheItemBelowReachingHighest() {
            // a U1–U8, b U2–U9, c U4–U11: b overlaps a; c overlaps a and b, and is named once, against b (U9 > U8)
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air",
                    at("c", "srv-8", 4), at("a", "srv-8", 1), at("b", "srv-8", 2)));

            List<Finding> overlaps = only(check(d), U_OVERLAP);

            assertEquals(List.of(List.of("b", "a"), List.of("c", "b")), overlaps.stream().map(Finding::itemIds).toList());
        }

        @Test
        void thousandsOfItemsOnOneUnitGiveABoundedNumberOfFindings() {
            // 3,000 servers of 8U all at U1: 2,999 overlap the first; 1,000 servers without a position
            Placement[] atU1 = new Placement[3000];
            for (int i = 0; i < atU1.length; i++) {
                atU1[i] = at("s-" + i, "srv-8", 1);
            }
            Placement[] unplaced = new Placement[1000];
            for (int i = 0; i < unplaced.length; i++) {
                unplaced[i] = new Placement("u-" + i, "srv-8", null, null);
            }
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air", concat(atU1, unplaced)));

            List<Finding> findings = check(d);

            List<Finding> overlaps = only(findings, U_OVERLAP);
            assertEquals(SpaceCheck.MAX_PER_KIND + 1, overlaps.size());
            assertEquals(List.of("s-1", "s-0"), overlaps.getFirst().itemIds());
            assertEquals("Rack A: s-1 (U1–U8) overlaps s-0 (U1–U8).", overlaps.getFirst().message());
            Finding more = overlaps.getLast();
            assertEquals("Rack A: 2,989 more items overlap others.", more.message());
            assertEquals(2989, more.itemIds().size(), "selecting the finding selects the rest");
            assertEquals("s-11", more.itemIds().getFirst());
            List<Finding> unplacedFindings = only(findings, U_UNPLACED);
            assertEquals(SpaceCheck.MAX_PER_KIND + 1, unplacedFindings.size());
            assertEquals("Rack A: 990 more items take units but have no position.", unplacedFindings.getLast().message());
            assertTrue(findings.size() < 40, () -> findings.size() + " findings");
        }

        @Test
        void thirtyTwoThousandEmptyRacksHaveNoSpaceFindings() {
            RackInstance[] racks = new RackInstance[32_000];
            for (int i = 0; i < racks.length; i++) {
                racks[i] = rack("r-" + i, "Rack " + i, "rack-air");
            }

            List<Finding> findings = check(design(racks));

            assertEquals(Set.of(RACK_EMPTY), codes(findings));
        }

        @Test
        void theHighestPositionAllowedReachesAboveTheTop() {
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air",
                    at("dgx-1", "srv-8", io.tokenrack.engine.workload.Limits.MAX_RACK_UNIT), at("dgx-2", "srv-8", 1)));

            List<Finding> findings = check(d);

            assertEquals("Rack A: dgx-1 (U1000–U1007) reaches above the top of the rack, which has 42U.",
                    one(findings, U_OVERFLOW).message());
            assertFalse(codes(findings).contains(U_OVERLAP));
        }

        @Test
        void anItemThatTakesSpaceNeedsAPosition() {
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air", new Placement("dgx-1", "srv-8", null, null)));

            assertEquals("Rack A: dgx-1 takes 8U but has no position.", one(check(d), U_UNPLACED).message());
        }
    }

    @Nested
    class Power {
        @Test
        void drawAboveTheBudgetIsAnError() {
            // published: 2 × 6,000 W + 1,500 W switch + 4 × 400 W TDP for the unpublished server = 15,100 W > 15 kW;
            // with the unpublished server's assumed host (4 × 575 W = 2,300 W) the nameplate is 17,400 W
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air",
                    at("dgx-1", "srv-8", 1), at("dgx-2", "srv-8", 9), at("small", "srv-4-unpublished", 17), at("sw-1", "sw-eth", 41)));

            List<Finding> findings = check(d);

            Finding over = one(findings, POWER_OVER_BUDGET);
            assertEquals(Severity.ERROR, over.severity());
            assertEquals("Rack A draws 17.4 kW (nameplate) but its budget is 15.0 kW;"
                    + " small counted as accelerator TDP × count plus an assumed host (no published figure).", over.message());
            assertEquals(List.of("dgx-1", "dgx-2", "small", "sw-1"), over.itemIds());
            Finding estimated = one(findings, POWER_ESTIMATED);
            assertEquals(Severity.INFO, estimated.severity());
            assertEquals(List.of("small"), estimated.itemIds());
            assertEquals("Rack A: small has no published maximum power; counted as accelerator TDP × count plus an assumed host"
                    + " of 575 W per accelerator.", estimated.message());
        }

        @Test
        void anExcessOnlyTheAssumedHostMakesIsAWarning() {
            // published: 2 × 6,000 W + 4 × 400 W = 13,600 W ≤ 15 kW; + 4 × 575 W assumed host = 15,900 W > 15 kW
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air",
                    at("dgx-1", "srv-8", 1), at("dgx-2", "srv-8", 9), at("small", "srv-4-unpublished", 17)));

            Finding over = one(check(d), POWER_OVER_BUDGET);

            assertEquals(Severity.WARNING, over.severity());
            assertEquals("Rack A draws 15.9 kW (nameplate) but its budget is 15.0 kW;"
                    + " small counted as accelerator TDP × count plus an assumed host (no published figure)."
                    + " Published figures alone come to 13.6 kW: only the assumed host power takes it over.", over.message());
        }

        @Test
        void itemsWithoutAnyFigureAreLeftOutAndNamed() {
            Catalog withMystery = catalog.with(new NetworkSpec("sw-mystery", "Mystery switch", "Fixture", NetworkSpec.Type.SWITCH,
                    "ethernet", 400, 32, 1, null, null, null, null, List.of("test")));
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air", at("dgx-1", "srv-8", 1), at("sw-9", "sw-mystery", 42)));

            Finding f = one(DesignCheck.check(d, withMystery), POWER_UNKNOWN);

            assertEquals(Severity.INFO, f.severity(), "a note that the total is a lower bound, not a problem with the rack");
            assertEquals("Rack A: power is at least 6.0 kW; sw-9 publishes no power figure and is not counted.", f.message());
        }

        @Test
        void aModelledEstimateReplacesTheNameplate() {
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air", at("dgx-1", "srv-8", 1)));
            RackPowerEstimate modelled = (rack, cat) -> RackPower.of(16_000, "modelled at full load");

            List<Finding> findings = DesignCheck.check(d, catalog, modelled);

            assertEquals("Rack A draws 16.0 kW (modelled at full load) but its budget is 15.0 kW.",
                    one(findings, POWER_OVER_BUDGET).message());
            assertTrue(DesignCheck.check(d, catalog, (rack, cat) -> RackPower.of(5_000, "modelled")).isEmpty());
        }

        @Test
        void drawAboveThePlacedPdusIsAnError() {
            // 4 × 5,000 + 2 × 800 = 21,600 W against one 17 kW PDU (the CDU's 1,000 W is facility overhead)
            RackDesign d = design(rack("rack-b", "Rack B", "rack-liquid",
                    concat(stack("tray", "tray-c", 4, 1, 1), stack("nvsw", "tray-s", 2, 5, 1),
                            new Placement[] {at("cdu-1", "cdu-100", 10), zeroU("pdu-1", "pdu-17", 1)})));

            Finding f = one(check(d), POWER_OVER_DISTRIBUTION);

            assertEquals("Rack B draws 21.6 kW (nameplate) but its power distribution (pdu-1) delivers 17.0 kW.", f.message());
            assertEquals(List.of("pdu-1"), f.itemIds());
        }

        @Test
        void coolingUnitsDrawFromTheFacilityNotTheRackBudget() {
            // 2 × 6,000 + 1,500 = 13,500 W; the CDU's 1,000 W would take the rack past 15 kW if counted
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air",
                    at("dgx-1", "srv-8", 1), at("dgx-2", "srv-8", 9), at("sw-1", "sw-eth", 41), at("cdu-1", "cdu-100", 30)));

            assertEquals(13_500, RackPowerEstimate.nameplate().estimate(d.racks().getFirst(), catalog).watts());
            assertFalse(codes(check(d)).contains(POWER_OVER_BUDGET));
        }
    }

    @Nested
    class Cooling {
        @Test
        void liquidOnlyEquipmentInAnAirRackIsAnError() {
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air",
                    concat(stack("tray", "tray-c", 2, 1, 1), stack("nvsw", "tray-s", 1, 3, 1))));

            Finding f = one(check(d), COOLING_INCOMPATIBLE);

            assertEquals("Rack A: tray-1, tray-2 and nvsw-1 need liquid cooling, but the rack (Fixture 42U air rack)"
                    + " is air-cooled and no liquid cooling unit is placed.", f.message());
            assertEquals(List.of("tray-1", "tray-2", "nvsw-1"), f.itemIds());
        }

        @Test
        void aPlacedCduBringsLiquidToAnAirRack() {
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air",
                    concat(stack("tray", "tray-c", 2, 1, 1), stack("nvsw", "tray-s", 1, 3, 1),
                            new Placement[] {at("cdu-1", "cdu-100", 10)})));

            assertFalse(codes(check(d)).contains(COOLING_INCOMPATIBLE));
        }

        @Test
        void heatAboveThePlacedCoolingIsAnError() {
            // 8 × 5,000 + 4 × 800 = 43,200 W of heat; the rear door removes 30 kW
            RackDesign d = design(rack("rack-b", "Rack B", "rack-liquid",
                    concat(stack("tray", "tray-c", 8, 1, 1), stack("nvsw", "tray-s", 4, 9, 1),
                            new Placement[] {zeroU("door", "rdhx-30", 1)})));

            Finding f = one(check(d), COOLING_OVER_CAPACITY);

            assertEquals("Rack B makes 43.2 kW of heat (nameplate) but its cooling (door) removes 30.0 kW.", f.message());
            assertEquals(List.of("door"), f.itemIds());
        }

        @Test
        void withoutACoolingUnitRoomAirIsAssumed() {
            // 4 × 5,000 + 2 × 800 = 21,600 W > 20 kW of room air (the catalog's room-air entry)
            Catalog withRoomAir = catalog.with(new CoolingSpec(CheckAssumptions.ROOM_AIR_ID, "Room air", CoolingType.AIR,
                    20, 1.5, 0, null, null, List.of("test")));
            RackDesign d = design(rack("rack-b", "Rack B", "rack-liquid",
                    concat(stack("tray", "tray-c", 4, 1, 1), stack("nvsw", "tray-s", 2, 5, 1))));

            Finding f = one(DesignCheck.check(d, withRoomAir), COOLING_ROOM_AIR);

            assertEquals(Severity.WARNING, f.severity());
            assertEquals("Rack B makes 21.6 kW of heat (nameplate) and has no cooling unit, so room air is assumed;"
                    + " it removes about 20.0 kW per rack. Place a rear-door heat exchanger or a CDU.", f.message());
            assertEquals(6, f.itemIds().size());
            List<Finding> roomier = DesignCheck.check(d, withRoomAir, RackPowerEstimate.nameplate(), new CheckAssumptions(25));
            assertFalse(codes(roomier).contains(COOLING_ROOM_AIR));
        }

        @Test
        void withoutARoomAirPresetThirtyKilowattsAreAssumed() {
            assertEquals(30.0, CheckAssumptions.from(catalog).roomAirCoolingKw());
            RackDesign d = design(rack("rack-b", "Rack B", "rack-liquid",
                    concat(stack("tray", "tray-c", 4, 1, 1), stack("nvsw", "tray-s", 2, 5, 1))));

            assertFalse(codes(check(d)).contains(COOLING_ROOM_AIR), "21.6 kW is within 30 kW");
        }
    }

    @Nested
    class Weight {
        @Test
        void overTheRatedLoadIsAnErrorEvenWithSomeWeightsUnknown() {
            Catalog heavy = catalog.with(new ServerSpec("srv-heavy", "Heavy server", "Fixture", ServerSpec.Role.SERVER,
                    null, 0, 4, 100.0, 300.0, CoolingType.AIR, null, null, null, null, null, null, null, null, null, List.of("test")));
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air",
                    concat(stack("heavy", "srv-heavy", 4, 1, 4), new Placement[] {at("small", "srv-4-unpublished", 20)})));

            Finding f = one(DesignCheck.check(d, heavy), WEIGHT_OVER_LIMIT);

            assertEquals("Rack A holds 1,200 kg (at least: no weight is published for small) but is rated for 1,000 kg.", f.message());
            assertEquals(List.of("heavy-1", "heavy-2", "heavy-3", "heavy-4"), f.itemIds());
        }

        @Test
        void withinTheRatedLoadIsFine() {
            RackDesign d = design(rack("rack-a", "Rack A", "rack-air", at("dgx-1", "srv-8", 1)));

            assertFalse(codes(check(d)).contains(WEIGHT_OVER_LIMIT));
        }
    }

    @Nested
    class ScaleUp {
        private RackDesign liquidRack(Placement... trays) {
            return design(rack("rack-b", "Rack B", "rack-liquid", concat(trays, new Placement[] {at("cdu-1", "cdu-100", 40)})));
        }

        @Test
        void computeTraysWithoutTheirSwitchTraysAreAnError() {
            Finding f = one(check(liquidRack(stack("tray", "tray-c", 4, 1, 1))), SCALE_UP_NO_SWITCH);

            assertEquals("Rack B: tray-1, tray-2, tray-3 and tray-4 need 2 switch trays 'tray-s' in the same rack"
                    + " for their scale-up domain, and none is placed.", f.message());
            assertEquals(List.of("tray-1", "tray-2", "tray-3", "tray-4"), f.itemIds());
        }

        @Test
        void switchTraysInAnotherRackDoNotCount() {
            RackDesign d = design(
                    rack("rack-b", "Rack B", "rack-liquid", concat(stack("tray", "tray-c", 4, 1, 1), new Placement[] {at("cdu-1", "cdu-100", 40)})),
                    rack("rack-c", "Rack C", "rack-liquid", concat(stack("nvsw", "tray-s", 2, 1, 1), new Placement[] {at("cdu-2", "cdu-100", 40)})));

            List<Finding> findings = check(d);

            assertEquals("rack-b", one(findings, SCALE_UP_NO_SWITCH).rackId());
            assertEquals(2, only(findings, SWITCH_TRAY_UNUSED).size());
        }

        @Test
        void tooFewSwitchTraysCutBandwidth() {
            Finding f = one(check(liquidRack(concat(stack("tray", "tray-c", 4, 1, 1), stack("nvsw", "tray-s", 1, 5, 1)))),
                    SCALE_UP_FEW_SWITCHES);

            assertEquals(Severity.WARNING, f.severity());
            assertEquals("Rack B: 4 compute trays need 2 switch trays 'tray-s' but 1 is placed (nvsw-1):"
                    + " scale-up bandwidth drops to about 1/2.", f.message());
        }

        @Test
        void aPartialDomainIsNoted() {
            Finding f = one(check(liquidRack(concat(stack("tray", "tray-c", 3, 1, 1), stack("nvsw", "tray-s", 2, 5, 1)))),
                    SCALE_UP_PARTIAL);

            assertEquals(Severity.INFO, f.severity());
            assertEquals("Rack B: the FIX16 domain has 3 of 4 compute trays, so it joins 12 accelerators instead of 16.", f.message());
        }

        @Test
        void twoDomainsNeedTwiceTheSwitchTrays() {
            List<Finding> findings = check(liquidRack(concat(stack("tray", "tray-c", 8, 1, 1), stack("nvsw", "tray-s", 2, 9, 1))));

            assertTrue(one(findings, SCALE_UP_FEW_SWITCHES).message().contains("8 compute trays need 4 switch trays"));
        }

        @Test
        void aSwitchTrayWithoutComputeTraysIsAWarning() {
            Finding f = one(check(liquidRack(at("nvsw-1", "tray-s", 1))), SWITCH_TRAY_UNUSED);

            assertEquals(Severity.WARNING, f.severity());
            assertEquals("Rack B: nvsw-1 is a switch tray, but no compute tray in this rack uses it.", f.message());
        }
    }

    @Nested
    class ScaleOut {
        private final RackInstance twoServers = rack("rack-a", "Rack A", "rack-air", at("dgx-1", "srv-8", 1), at("dgx-2", "srv-8", 9));
        private final RackInstance twoServersAndSwitch = rack("rack-a", "Rack A", "rack-air",
                at("dgx-1", "srv-8", 1), at("dgx-2", "srv-8", 9), at("sw-1", "sw-eth", 41));

        @Test
        void severalServersWithoutASwitchIsAWarning() {
            Finding f = one(check(design(twoServers)), NO_SCALE_OUT_NETWORK);

            assertEquals(Severity.WARNING, f.severity());
            assertNull(f.rackId());
            assertEquals(List.of("dgx-1", "dgx-2"), f.itemIds());
            assertEquals("dgx-1 and dgx-2 are 2 separate servers or scale-up domains and no scale-out switch joins them:"
                    + " each can serve only its own model replica, of at most 8 accelerators.", f.message());
        }

        @Test
        void parallelismSpanningServersWithoutASwitchIsAnError() {
            RackDesign d = design(twoServers).withWorkload(workload(new Parallelism(8, 2, null, null)));

            Finding f = one(check(d), PARALLELISM_NEEDS_NETWORK);

            assertEquals("The workload splits one replica over tp 8 × pp 2 = 16 accelerators, more than the largest server"
                    + " or scale-up domain holds (8), and no scale-out switch joins dgx-1 and dgx-2.", f.message());
        }

        @Test
        void replicasThatFitOneServerNeedNoSwitch() {
            RackDesign d = design(twoServers).withWorkload(workload(new Parallelism(8, null, null, null)));

            List<Finding> findings = check(d);

            assertEquals(Severity.INFO, one(findings, NO_SCALE_OUT_NETWORK).severity());
            assertFalse(DesignCheck.hasErrors(findings));
        }

        @Test
        void aSwitchJoinsServers() {
            RackDesign d = design(twoServersAndSwitch).withWorkload(workload(new Parallelism(8, 2, null, null)));

            assertEquals(List.of(), check(d));
        }

        @Test
        void expertParallelismCanSetTheReplicaSize() {
            RackDesign d = design(twoServersAndSwitch).withWorkload(workload(new Parallelism(null, null, 32, null)));

            assertEquals("The workload splits one replica over ep 32 = 32 accelerators, but the design has only 16.",
                    one(check(d), PARALLELISM_TOO_LARGE).message());
        }

        @Test
        void eachFullScaleUpDomainIsOneUnit() {
            RackInstance b = rack("rack-b", "Rack B", "rack-liquid",
                    concat(stack("tray", "tray-c", 4, 1, 1), stack("nvsw", "tray-s", 2, 5, 1), new Placement[] {at("cdu-1", "cdu-100", 10)}));

            assertFalse(codes(check(design(b))).contains(NO_SCALE_OUT_NETWORK), "one domain is one unit");
            RackDesign tp16 = design(b).withWorkload(workload(new Parallelism(16, null, null, null)));
            assertEquals(List.of(), check(tp16), "tp 16 fits the 16-accelerator domain");
        }
    }

    @Test
    void emptyRacksAndDesignsAreNoted() {
        Finding rack = one(check(design(rack("rack-b", "Rack B", "rack-air"))), RACK_EMPTY);
        assertEquals(Severity.INFO, rack.severity());
        assertEquals("Rack B is empty.", rack.message());
        assertEquals("rack-b", rack.rackId());

        assertEquals("Test design has no racks.", one(check(design()), DESIGN_EMPTY).message());
    }

    @Test
    void errorsComeFirstThenWarningsThenInfos() {
        RackDesign d = design(
                rack("rack-e", "Empty", "rack-air"),
                rack("rack-a", "Rack A", "rack-air", at("dgx-1", "srv-8", 1), at("dgx-2", "srv-8", 5), at("dgx-3", "srv-8", 20)));

        List<Finding> findings = check(d);

        assertEquals(List.of(Severity.ERROR, Severity.WARNING, Severity.INFO),
                findings.stream().map(Finding::severity).distinct().toList(), findings::toString);
        assertTrue(DesignCheck.hasErrors(findings));
    }
}
