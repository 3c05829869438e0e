package io.tokenrack.engine.design;

import static io.tokenrack.engine.design.FindingCodes.U_OVERFLOW;
import static io.tokenrack.engine.design.FindingCodes.U_OVERLAP;
import static io.tokenrack.engine.design.FindingCodes.U_UNPLACED;

import java.util.ArrayList;
import java.util.List;

/** Rack units: every item that takes space has a position, stays inside the rack and overlaps nothing. */
final class SpaceCheck {
    private SpaceCheck() {}

    static void check(ResolvedRack rack, List<Finding> out) {
        List<ResolvedItem> placed = new ArrayList<>();
        for (ResolvedItem item : rack.items()) {
            if (item.heightU() == 0) {
                continue;
            }
            if (item.placement().positionU() == null) {
                out.add(Finding.error(U_UNPLACED, rack.id(), List.of(item.id()),
                        rack.name() + ": " + item.id() + " takes " + item.heightU() + "U but has no position."));
                continue;
            }
            if (rack.spec() != null && item.topU() > rack.spec().heightU()) {
                out.add(Finding.error(U_OVERFLOW, rack.id(), List.of(item.id()),
                        rack.name() + ": " + item.describe() + " reaches above the top of the rack, which has "
                                + rack.spec().heightU() + "U."));
            }
            for (ResolvedItem earlier : placed) {
                if (item.bottomU() <= earlier.topU() && earlier.bottomU() <= item.topU()) {
                    out.add(Finding.error(U_OVERLAP, rack.id(), List.of(item.id(), earlier.id()),
                            rack.name() + ": " + item.describe() + " overlaps " + earlier.describe() + "."));
                }
            }
            placed.add(item);
        }
    }
}
