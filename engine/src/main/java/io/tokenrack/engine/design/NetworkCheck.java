package io.tokenrack.engine.design;

import static io.tokenrack.engine.design.FindingCodes.NO_SCALE_OUT_NETWORK;
import static io.tokenrack.engine.design.FindingCodes.PARALLELISM_NEEDS_NETWORK;
import static io.tokenrack.engine.design.FindingCodes.PARALLELISM_TOO_LARGE;

import io.tokenrack.engine.catalog.NetworkSpec;
import io.tokenrack.engine.catalog.ServerSpec;
import io.tokenrack.engine.catalog.ServerSpec.Role;
import io.tokenrack.engine.workload.Parallelism;
import io.tokenrack.engine.workload.Workload;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Scale-out: a design with several servers (or scale-up domains) and no scale-out switch can only
 * run one independent model replica per server. That is fine when the workload's replica fits in
 * one; it is an error when the workload's parallelism spans servers.
 *
 * <p>One replica uses {@code max(tp × pp × dp, ep)} accelerators (an unset degree counts as 1):
 * tensor, pipeline and attention-data parallel degrees multiply; expert parallelism runs across
 * the same accelerators, so it only raises the count when it is larger.
 */
final class NetworkCheck {
    private NetworkCheck() {}

    /** Accelerators joined by one server or one scale-up domain; {@code itemId} is its first item. */
    record Unit(String itemId, int accelerators) {}

    static void check(List<ResolvedRack> racks, Workload workload, List<Finding> out) {
        List<Unit> units = units(racks);
        Parallelism par = workload == null ? Parallelism.AUTO : workload.parallelism();
        int total = units.stream().mapToInt(Unit::accelerators).sum();
        int largest = units.stream().mapToInt(Unit::accelerators).max().orElse(0);
        List<String> ids = units.stream().map(Unit::itemId).toList();
        if (!par.isAuto() && total > 0 && replicaSize(par) > total) {
            out.add(Finding.error(PARALLELISM_TOO_LARGE, null, ids,
                    "The workload splits one replica over " + describe(par) + ", but the design has only " + total + "."));
            return;
        }
        if (units.size() < 2 || hasScaleOutSwitch(racks)) {
            return;
        }
        String separate = Text.list(ids) + " are " + units.size()
                + " separate servers or scale-up domains and no scale-out switch joins them";
        if (workload == null || par.isAuto()) {
            out.add(Finding.warning(NO_SCALE_OUT_NETWORK, null, ids, separate
                    + ": each can serve only its own model replica, of at most " + Text.count(largest, "accelerator", "accelerators") + "."));
        } else if (replicaSize(par) > largest) {
            out.add(Finding.error(PARALLELISM_NEEDS_NETWORK, null, ids,
                    "The workload splits one replica over " + describe(par) + ", more than the largest server or scale-up domain holds ("
                            + largest + "), and no scale-out switch joins " + Text.list(ids) + "."));
        } else {
            out.add(Finding.info(NO_SCALE_OUT_NETWORK, null, ids, separate
                    + "; that is fine for this workload: each serves its own replica of " + describe(par) + "."));
        }
    }

    static int replicaSize(Parallelism p) {
        int dense = one(p.tp()) * one(p.pp()) * one(p.dp());
        return Math.max(dense, one(p.ep()));
    }

    /** "tp 8 × pp 2 = 16 accelerators", or "ep 32 = 32 accelerators" when expert parallelism sets the size. */
    private static String describe(Parallelism p) {
        int dense = one(p.tp()) * one(p.pp()) * one(p.dp());
        List<String> parts = new ArrayList<>();
        if (p.ep() != null && p.ep() > dense) {
            parts.add("ep " + p.ep());
        } else {
            addDegree(parts, "tp", p.tp());
            addDegree(parts, "pp", p.pp());
            addDegree(parts, "dp", p.dp());
            if (parts.isEmpty()) {
                addDegree(parts, "ep", p.ep());
            }
        }
        return String.join(" × ", parts) + " = " + Text.count(replicaSize(p), "accelerator", "accelerators");
    }

    private static void addDegree(List<String> parts, String name, Integer degree) {
        if (degree != null) {
            parts.add(name + " " + degree);
        }
    }

    private static int one(Integer degree) {
        return degree == null ? 1 : degree;
    }

    private static boolean hasScaleOutSwitch(List<ResolvedRack> racks) {
        return racks.stream().flatMap(r -> r.items().stream())
                .anyMatch(i -> i.spec() instanceof NetworkSpec n && n.type() == NetworkSpec.Type.SWITCH);
    }

    /**
     * The design's servers and scale-up domains: a server (or a tray without a working domain)
     * is one unit; compute trays whose switch tray is in their rack form domains of
     * {@code traysPerDomain} trays.
     */
    static List<Unit> units(List<ResolvedRack> racks) {
        List<Unit> units = new ArrayList<>();
        for (ResolvedRack rack : racks) {
            Map<ServerSpec, List<ResolvedItem>> domains = new LinkedHashMap<>();
            for (ResolvedItem i : rack.servers()) {
                ServerSpec s = (ServerSpec) i.spec();
                if (!s.hasAccelerators()) {
                    continue;
                }
                if (s.role() == Role.COMPUTE_TRAY && s.switchTrayId() != null && hasSwitchTray(rack, s.switchTrayId())) {
                    domains.computeIfAbsent(s, k -> new ArrayList<>()).add(i);
                } else {
                    units.add(new Unit(i.id(), s.acceleratorCount()));
                }
            }
            domains.forEach((spec, trays) -> {
                int perDomain = ScaleUpCheck.traysPerDomain(spec, trays.size());
                for (int from = 0; from < trays.size(); from += perDomain) {
                    int n = Math.min(perDomain, trays.size() - from);
                    units.add(new Unit(trays.get(from).id(), n * spec.acceleratorCount()));
                }
            });
        }
        return units;
    }

    private static boolean hasSwitchTray(ResolvedRack rack, String switchTrayId) {
        return rack.servers(Role.SWITCH_TRAY).stream().anyMatch(s -> s.spec().id().equals(switchTrayId));
    }
}
