package io.tokenrack.engine.design;

import static io.tokenrack.engine.design.FindingCodes.SCALE_UP_FEW_SWITCHES;
import static io.tokenrack.engine.design.FindingCodes.SCALE_UP_NO_SWITCH;
import static io.tokenrack.engine.design.FindingCodes.SCALE_UP_PARTIAL;
import static io.tokenrack.engine.design.FindingCodes.SWITCH_TRAY_UNUSED;

import io.tokenrack.engine.catalog.ServerSpec;
import io.tokenrack.engine.catalog.ServerSpec.Role;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scale-up domains: compute trays that name a switch tray need {@code switchTraysPerDomain} of
 * them for every {@code traysPerDomain} compute trays, in the same rack.
 */
final class ScaleUpCheck {
    private ScaleUpCheck() {}

    static void check(ResolvedRack rack, List<Finding> out) {
        Map<String, List<ResolvedItem>> traysBySwitch = new LinkedHashMap<>();
        for (ResolvedItem t : rack.servers(Role.COMPUTE_TRAY)) {
            String switchId = ((ServerSpec) t.spec()).switchTrayId();
            if (switchId != null) {
                traysBySwitch.computeIfAbsent(switchId, k -> new ArrayList<>()).add(t);
            }
        }
        for (Map.Entry<String, List<ResolvedItem>> e : traysBySwitch.entrySet()) {
            domain(rack, e.getKey(), e.getValue(), out);
        }
        for (ResolvedItem s : rack.servers(Role.SWITCH_TRAY)) {
            if (!traysBySwitch.containsKey(s.spec().id())) {
                out.add(Finding.warning(SWITCH_TRAY_UNUSED, rack.id(), List.of(s.id()),
                        rack.name() + ": " + s.id() + " is a switch tray, but no compute tray in this rack uses it."));
            }
        }
    }

    private static void domain(ResolvedRack rack, String switchId, List<ResolvedItem> trays, List<Finding> out) {
        int needed = 0;
        for (Map.Entry<ServerSpec, List<ResolvedItem>> e : bySpec(trays).entrySet()) {
            ServerSpec spec = e.getKey();
            int count = e.getValue().size();
            int perDomain = traysPerDomain(spec, count);
            int domains = Math.ceilDiv(count, perDomain);
            needed += domains * switchTraysPerDomain(spec);
            int last = count - (domains - 1) * perDomain;
            if (last < perDomain) {
                out.add(Finding.info(SCALE_UP_PARTIAL, rack.id(), ResolvedRack.ids(e.getValue()),
                        rack.name() + ": " + (domains > 1 ? "the last " + domainName(spec) + " domain" : "the " + domainName(spec) + " domain")
                                + " has " + last + " of " + perDomain + " compute trays, so it joins "
                                + last * spec.acceleratorCount() + " accelerators instead of " + perDomain * spec.acceleratorCount() + "."));
            }
        }
        List<ResolvedItem> switches = rack.servers(Role.SWITCH_TRAY).stream().filter(s -> s.spec().id().equals(switchId)).toList();
        List<String> trayIds = ResolvedRack.ids(trays);
        if (switches.isEmpty()) {
            out.add(Finding.error(SCALE_UP_NO_SWITCH, rack.id(), trayIds,
                    rack.name() + ": " + Text.list(trayIds) + " need " + Text.count(needed, "switch tray", "switch trays")
                            + " '" + switchId + "' in the same rack for their scale-up domain, and none is placed."));
        } else if (switches.size() < needed) {
            List<String> involved = new ArrayList<>(trayIds);
            involved.addAll(ResolvedRack.ids(switches));
            out.add(Finding.warning(SCALE_UP_FEW_SWITCHES, rack.id(), involved,
                    rack.name() + ": " + Text.count(trays.size(), "compute tray needs", "compute trays need") + " "
                            + Text.count(needed, "switch tray", "switch trays") + " '" + switchId + "' but "
                            + switches.size() + " " + Text.isAre(switches.size()) + " placed ("
                            + Text.list(ResolvedRack.ids(switches)) + "): scale-up bandwidth drops to about "
                            + switches.size() + "/" + needed + "."));
        }
    }

    private static Map<ServerSpec, List<ResolvedItem>> bySpec(List<ResolvedItem> trays) {
        Map<ServerSpec, List<ResolvedItem>> out = new LinkedHashMap<>();
        for (ResolvedItem t : trays) {
            out.computeIfAbsent((ServerSpec) t.spec(), k -> new ArrayList<>()).add(t);
        }
        return out;
    }

    /** Trays in one full domain; without a figure, all trays of the rack form one domain. */
    static int traysPerDomain(ServerSpec spec, int count) {
        return spec.traysPerDomain() != null ? spec.traysPerDomain() : count;
    }

    private static int switchTraysPerDomain(ServerSpec spec) {
        return spec.switchTraysPerDomain() != null ? spec.switchTraysPerDomain() : 1;
    }

    private static String domainName(ServerSpec spec) {
        return spec.scaleUpDomain() != null ? spec.scaleUpDomain() : spec.name();
    }
}
