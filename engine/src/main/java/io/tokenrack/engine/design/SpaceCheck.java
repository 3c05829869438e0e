package io.tokenrack.engine.design;

import static io.tokenrack.engine.design.FindingCodes.U_OVERFLOW;
import static io.tokenrack.engine.design.FindingCodes.U_OVERLAP;
import static io.tokenrack.engine.design.FindingCodes.U_UNPLACED;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Rack units: every item that takes space has a position, stays inside the rack and overlaps
 * nothing, as {@link RackLoad} finds them. Each kind of finding is reported for at most
 * {@link #MAX_PER_KIND} items of a rack; the rest become one finding that counts them, so a
 * design with thousands of items on one unit yields a handful of findings, not millions.
 */
final class SpaceCheck {
    /** Findings of one kind in one rack, before the rest are summed up in one "and N more". */
    static final int MAX_PER_KIND = 10;

    private SpaceCheck() {}

    static void check(ResolvedRack rack, RackLoad load, List<Finding> out) {
        capped(rack, load.unplaced(), U_UNPLACED, s -> List.of(s.id()),
                s -> rack.name() + ": " + s.id() + " takes " + s.heightU() + "U but has no position.",
                " more items take units but have no position.", out);
        if (rack.spec() != null) {
            capped(rack, load.aboveTop(), U_OVERFLOW, s -> List.of(s.id()),
                    s -> rack.name() + ": " + s.describe() + " reaches above the top of the rack, which has "
                            + rack.spec().heightU() + "U.",
                    " more items reach above the top of the rack.", out);
        }
        capped(rack, load.overlaps(), U_OVERLAP, o -> List.of(o.upper().id(), o.lower().id()),
                o -> rack.name() + ": " + o.upper().describe() + " overlaps " + o.lower().describe() + ".",
                " more items overlap others.", out);
    }

    /**
     * One finding per thing up to {@link #MAX_PER_KIND}, then one error naming the rest (their
     * item ids, so selecting the finding selects them): "Rack A: 2,989 more items overlap others."
     */
    private static <T> void capped(ResolvedRack rack, List<T> things, String code, Function<T, List<String>> ids,
            Function<T, String> message, String more, List<Finding> out) {
        for (int i = 0; i < Math.min(things.size(), MAX_PER_KIND); i++) {
            out.add(Finding.error(code, rack.id(), ids.apply(things.get(i)), message.apply(things.get(i))));
        }
        if (things.size() > MAX_PER_KIND) {
            List<T> rest = things.subList(MAX_PER_KIND, things.size());
            Set<String> restIds = new LinkedHashSet<>();
            rest.forEach(t -> restIds.add(ids.apply(t).getFirst()));
            out.add(Finding.error(code, rack.id(), new ArrayList<>(restIds),
                    rack.name() + ": " + String.format(java.util.Locale.ROOT, "%,d", rest.size()) + more));
        }
    }
}
