package io.tokenrack.engine.design;

import static io.tokenrack.engine.design.FindingCodes.DESIGN_EMPTY;
import static io.tokenrack.engine.design.FindingCodes.RACK_EMPTY;

import io.tokenrack.engine.catalog.Catalog;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a design against the catalog and physics: catalog ids, rack units, power, cooling,
 * weight, scale-up domains, hosts for accelerators and the scale-out network. A pure function:
 * findings come back errors first, then warnings, then infos, each group in design order.
 * docs/design-checks.md lists every check and its code.
 */
public final class DesignCheck {
    private DesignCheck() {}

    /** With nameplate power and the assumptions the catalog gives ({@link CheckAssumptions#from}). */
    public static List<Finding> check(RackDesign design, Catalog catalog) {
        return check(design, catalog, RackPowerEstimate.nameplate(), CheckAssumptions.from(catalog));
    }

    /** With the given power estimate (e.g. modelled at the workload's operating point). */
    public static List<Finding> check(RackDesign design, Catalog catalog, RackPowerEstimate power) {
        return check(design, catalog, power, CheckAssumptions.from(catalog));
    }

    /**
     * Checks with the modelled draw at the design's workload (what the rack will pull), and warns
     * where the nameplate maximum still exceeds a rack's budget: an architect sees both, that the
     * modelled draw fits and that the worst case does not.
     */
    /**
     * The findings, plus an error when the design's workload cannot be served on it at all
     * ({@code whyNotServed}: the engine's reason, e.g. "llama-3.1-405b does not fit: …"; null when it can).
     */
    public static List<Finding> withWorkload(List<Finding> findings, String whyNotServed) {
        if (whyNotServed == null) {
            return findings;
        }
        List<Finding> out = new java.util.ArrayList<>(findings);
        out.add(Finding.error(FindingCodes.WORKLOAD_NOT_SERVED, null, List.of(), "Workload: " + whyNotServed + "."));
        out.sort(java.util.Comparator.comparing(Finding::severity));
        return capped(out);
    }

    public static List<Finding> checkModelled(RackDesign design, Catalog catalog, RackPowerEstimate modelled) {
        List<Finding> out = checkAll(design, catalog, modelled, CheckAssumptions.from(catalog));
        // which (code, rack) pairs the modelled check reported: a set, so this stays linear in the findings
        Set<List<String>> modelledKeys = new HashSet<>();
        for (Finding m : out) {
            modelledKeys.add(key(m));
        }
        for (Finding n : checkAll(design, catalog, RackPowerEstimate.nameplate(), CheckAssumptions.from(catalog))) {
            boolean alsoModelled = modelledKeys.contains(key(n));
            if (n.code().equals(FindingCodes.POWER_OVER_BUDGET) && !alsoModelled) {
                out.add(Finding.warning(n.code(), n.rackId(), n.itemIds(),
                        n.message() + " The modelled draw at the design's workload fits; the nameplate maximum does not."));
            } else if ((n.code().equals(FindingCodes.POWER_UNKNOWN) || n.code().equals(FindingCodes.POWER_ESTIMATED)) && !alsoModelled) {
                // items without any power figure are missing from the modelled draw too, and servers without a
                // published maximum are estimated in both: keep saying so
                out.add(n);
            }
        }
        out.sort(java.util.Comparator.comparing(Finding::severity));
        return capped(out);
    }

    private static List<String> key(Finding f) {
        return java.util.Arrays.asList(f.code(), f.rackId());
    }

    /** At most this many findings of one code are listed; the rest are counted in one more finding. */
    public static final int MAX_FINDINGS_PER_CODE = 100;

    /**
     * The findings with each code listed at most {@link #MAX_FINDINGS_PER_CODE} times, the rest
     * counted in one finding of the same code and severity ("… and 31,900 more like this"), so a
     * design with thousands of racks gives a readable list. Linear; the order is kept.
     */
    static List<Finding> capped(List<Finding> findings) {
        Map<String, Integer> seen = new HashMap<>();
        Map<String, Finding> firstOmitted = new LinkedHashMap<>();
        List<Finding> out = new ArrayList<>();
        for (Finding f : findings) {
            int n = seen.merge(f.code(), 1, Integer::sum);
            if (n <= MAX_FINDINGS_PER_CODE) {
                out.add(f);
            } else {
                firstOmitted.putIfAbsent(f.code(), f);
            }
        }
        for (Map.Entry<String, Finding> e : firstOmitted.entrySet()) {
            int more = seen.get(e.getKey()) - MAX_FINDINGS_PER_CODE;
            Finding f = e.getValue();
            out.add(new Finding(f.severity(), f.code(), null, List.of(),
                    String.format(java.util.Locale.ROOT, "… and %,d more like this (%s).", more, f.code())));
        }
        out.sort(Comparator.comparing(Finding::severity));
        return List.copyOf(out);
    }

    public static List<Finding> check(RackDesign design, Catalog catalog, RackPowerEstimate power, CheckAssumptions assumptions) {
        return capped(checkAll(design, catalog, power, assumptions));
    }

    /** Every finding, not capped, sorted by severity. */
    private static List<Finding> checkAll(RackDesign design, Catalog catalog, RackPowerEstimate power, CheckAssumptions assumptions) {
        List<Finding> out = new ArrayList<>();
        if (design.racks().isEmpty()) {
            out.add(Finding.info(DESIGN_EMPTY, null, List.of(), design.name() + " has no racks."));
        }
        List<ResolvedRack> racks = Resolver.resolve(design, catalog, out);
        for (ResolvedRack rack : racks) {
            if (rack.rack().items().isEmpty()) {
                out.add(Finding.info(RACK_EMPTY, rack.id(), List.of(), rack.name() + " is empty."));
                continue;
            }
            RackLoad load = RackLoads.of(rack.rack(), catalog, assumptions);
            RackPower rackPower = power == RackPowerEstimate.NAMEPLATE ? load.nameplate() : power.estimate(rack.rack(), catalog);
            SpaceCheck.check(rack, load, out);
            PowerCheck.check(rack, rackPower, out);
            CoolingCheck.check(rack, load, rackPower, out);
            WeightCheck.check(rack, load, out);
            ScaleUpCheck.check(rack, out);
        }
        NetworkCheck.check(racks, design.workload(), out);
        out.sort(Comparator.comparing(Finding::severity));
        return out;
    }

    /** Whether any finding is an error: the design cannot work as drawn. */
    public static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(Finding::isError);
    }

    /**
     * The kernel lab's measured computer ("this-computer", "this-computer-host") is in the catalog
     * only where it was measured: say how to measure it.
     */
    public static String measureHint(String catalogId) {
        return catalogId.startsWith("this-computer")
                ? " It is this computer as the kernel lab measures it, in the catalog only once a saved measurement is loaded:"
                        + " run `calibrate` (or the Kernel lab in the app) on this computer first."
                : "";
    }
}
