package io.tokenrack.engine.design;

import static io.tokenrack.engine.design.Designs.at;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.Fixtures;
import io.tokenrack.engine.catalog.Catalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Designs with tens of thousands of racks: the checks stay linear and the list of findings stays readable. */
class DesignCheckScaleTest {
    private static final Catalog CATALOG = Fixtures.catalog();

    private static RackDesign emptyRacks(int n) {
        List<RackInstance> racks = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            racks.add(new RackInstance("r" + i, "Rack " + i, "rack-air", List.of()));
        }
        return new RackDesign(RackDesign.CURRENT_VERSION, "Many racks", null, racks, null);
    }

    @Test
    void eachCodeIsListedAtMostAHundredTimesAndTheRestCounted() {
        List<Finding> findings = DesignCheck.check(emptyRacks(250), CATALOG);

        assertEquals(DesignCheck.MAX_FINDINGS_PER_CODE + 1, findings.size(), findings.toString());
        assertEquals("Rack 0 is empty.", findings.getFirst().message());
        assertEquals("… and 150 more like this (RACK_EMPTY).", findings.getLast().message());
        assertEquals(FindingCodes.RACK_EMPTY, findings.getLast().code());
    }

    @Test
    void aHundredAndTwentyEightThousandEmptyRacksCheckInSeconds() {
        // comparing every finding with every other took 53 s for 32k racks; 4× as many must still be fast
        RackDesign d = emptyRacks(131_072);
        List<Finding> findings = assertTimeoutPreemptively(Duration.ofSeconds(20),
                () -> DesignCheck.checkModelled(d, CATALOG, RackPowerEstimate.nameplate()));
        assertTrue(findings.getLast().message().startsWith("… and 130,972 more"), findings.getLast().message());
    }

    @Test
    void belowTheCapNothingIsDropped() {
        RackDesign d = new RackDesign(RackDesign.CURRENT_VERSION, "Two", null, List.of(
                new RackInstance("a", "A", "rack-air", List.of(at("s1", "srv-8", 1))),
                new RackInstance("b", "B", "rack-air", List.of())), null);
        List<Finding> findings = DesignCheck.check(d, CATALOG);
        assertEquals(1, findings.stream().filter(f -> f.code().equals(FindingCodes.RACK_EMPTY)).count(), findings.toString());
        assertTrue(findings.stream().noneMatch(f -> f.message().startsWith("…")), findings.toString());
    }
}
