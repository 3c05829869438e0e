package io.tokenrack.engine.evaluate;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.AcceleratorSpec;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.CoolingSpec;
import io.tokenrack.engine.catalog.CoolingType;
import io.tokenrack.engine.catalog.NetworkSpec;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.catalog.ServerSpec;
import io.tokenrack.engine.cost.CostModel;
import io.tokenrack.engine.design.ItemPower;
import io.tokenrack.engine.design.NameplatePower;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.design.RackLoad;
import io.tokenrack.engine.design.RackLoads;
import io.tokenrack.engine.power.PowerModel;
import io.tokenrack.engine.workload.Limits;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Turns a rack design, or "N accelerators of kind X in their standard servers", into a {@link Cluster}. */
public final class ClusterFactory {
    /**
     * NIC bandwidth per accelerator assumed when the catalog has no server for an accelerator: one
     * 400 Gb/s port per accelerator, as in DGX H100 (8 × ConnectX-7 for 8 GPUs, S2).
     */
    static final double ASSUMED_SCALE_OUT_GBPS_PER_ACCELERATOR = 400;

    private final Catalog catalog;

    public ClusterFactory(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * The accelerators of a design, in the servers and racks it places them. Asked again for the
     * same design object, the cluster resolved the first time is returned (an edit's evaluation,
     * concurrency sweep and frontier each ask for the same design).
     */
    public Cluster fromDesign(RackDesign design) {
        return resolved(design).computeIfAbsent("", k -> resolve(design));
    }

    /**
     * The last design resolved (by identity) and its clusters by key: the whole design ("") and its
     * pools (a two-kind design's frontier asks for them at every point). The design and the
     * clusters are immutable, so sharing them between threads is safe.
     */
    private record Resolved(RackDesign design, java.util.concurrent.ConcurrentHashMap<String, Cluster> clusters) {}

    private volatile Resolved last;

    /**
     * The cluster of the racks of {@code design} that hold accelerator {@code kind}, as {@link #fromDesign} of
     * {@code DesignPools.racksOf(design, catalog, kind, switches)}; asked again for the same design object, the
     * pool resolved the first time is returned.
     */
    Cluster poolOf(RackDesign design, String kind, boolean switches) {
        return resolved(design).computeIfAbsent(kind + (switches ? "+switches" : ""),
                k -> resolve(DesignPools.racksOf(design, catalog, kind, switches)));
    }

    /** The design split by kind of accelerator ({@link AcceleratorPools#split}), each part resolved, remembered as {@link #poolOf}. */
    java.util.Map<String, Cluster> splitPools(RackDesign design) {
        java.util.Map<String, Cluster> out = new java.util.LinkedHashMap<>();
        java.util.concurrent.ConcurrentHashMap<String, Cluster> cache = resolved(design);
        for (var e : AcceleratorPools.split(catalog, design).entrySet()) {
            out.put(e.getKey(), cache.computeIfAbsent("split:" + e.getKey(), k -> resolve(e.getValue())));
        }
        return out;
    }

    private java.util.concurrent.ConcurrentHashMap<String, Cluster> resolved(RackDesign design) {
        Resolved r = last;
        if (r == null || r.design() != design) {
            r = new Resolved(design, new java.util.concurrent.ConcurrentHashMap<>());
            last = r;
        }
        return r.clusters();
    }

    private Cluster resolve(RackDesign design) {
        List<Provenance> prov = new ArrayList<>();
        AcceleratorSpec acc = null;
        int accelerators = 0;
        int servers = 0;
        int domain = Integer.MAX_VALUE;
        double hostWatts = 0;
        double networkWatts = 0;
        double provisioned = 0;
        boolean powerKnown = true;
        double capex = 0;
        boolean capexKnown = true;
        boolean hasSwitch = false;
        double nicBytesPerAccelerator = Double.MAX_VALUE;
        double pueWeighted = 0;
        List<Cluster.RackBudget> budgets = new ArrayList<>();

        for (RackInstance rack : design.racks()) {
            RackSpec rackSpec = lookup(rack.rackId(), RackSpec.class, "rack '" + rack.name() + "'");
            RackLoad load = RackLoads.of(rack, catalog);
            CoolingSpec bestCooling = null;
            Map<String, int[]> trays = new HashMap<>(); // domain name → {compute trays, switch trays, trays per domain, switch per domain, accelerators per tray}
            for (Placement p : rack.items()) {
                CatalogItem item = catalog.find(p.catalogId()).orElseThrow(() ->
                        new EvaluationException("unknown catalog id '" + p.catalogId() + "' (item " + p.id() + " in " + rack.name() + ")."
                                + io.tokenrack.engine.design.DesignCheck.measureHint(p.catalogId())));
                switch (item) {
                    case ServerSpec s -> {
                        ItemPower power = NameplatePower.of(s, catalog);
                        hostWatts += power.hostWatts();
                        if (s.hasAccelerators()) {
                            AcceleratorSpec a = catalog.accelerator(s.acceleratorId());
                            if (acc != null && !acc.id().equals(a.id())) {
                                throw new EvaluationException("the design mixes accelerators (" + acc.id() + " and " + a.id()
                                        + "); only attention–FFN disaggregation (evaluate --serving afd) serves two kinds at once");
                            }
                            acc = a;
                            accelerators += s.acceleratorCount();
                            servers++;
                            if (!a.cpuAsAccelerator() && s.hostWattsPerAccelerator() == null && (s.maxPowerWatts() == null || a.tdpWatts() == null)) {
                                prov.add(new Provenance(s.name() + " host power", fmtW(power.hostWatts()), Provenance.Kind.ASSUMPTION,
                                        "no published server maximum; " + PowerModel.ASSUMED_HOST_WATTS_PER_ACCELERATOR
                                                + " W per accelerator, derived from DGX H100"));
                            }
                            if (power.unknown()) {
                                powerKnown = false;
                            }
                            if (s.scaleUpDomain() != null && s.role() == ServerSpec.Role.COMPUTE_TRAY) {
                                int[] t = trays.computeIfAbsent(s.scaleUpDomain(), x -> new int[5]);
                                t[0]++;
                                t[2] = s.traysPerDomain() == null ? 1 : s.traysPerDomain();
                                t[3] = s.switchTraysPerDomain() == null ? 0 : s.switchTraysPerDomain();
                                t[4] = s.acceleratorCount();
                            } else {
                                domain = Math.min(domain, Math.min(s.acceleratorCount(), a.scaleUpDomain()));
                            }
                            if (s.nicId() != null) {
                                NetworkSpec nic = catalog.require(s.nicId(), NetworkSpec.class);
                                nicBytesPerAccelerator = Math.min(nicBytesPerAccelerator,
                                        s.nicCount() * nic.portBytesPerSecond() / s.acceleratorCount());
                            } else {
                                nicBytesPerAccelerator = 0;
                            }
                            addAssumedFigures(prov, s);
                            if (s.priceUsdEstimate() != null) {
                                capex += s.priceUsdEstimate();
                            } else if (a.priceUsdEstimate() != null) {
                                capex += a.priceUsdEstimate() * s.acceleratorCount() * CostModel.SERVER_COST_PER_ACCELERATOR_COST;
                            } else {
                                capexKnown = false;
                            }
                        } else {
                            if (s.role() == ServerSpec.Role.SWITCH_TRAY && s.scaleUpDomain() != null) {
                                trays.computeIfAbsent(s.scaleUpDomain(), x -> new int[5])[1]++;
                            }
                            if (power.unknown()) {
                                prov.add(Provenance.missing(s.name() + " power", Provenance.Status.NOT_COUNTED,
                                        "no published power figure for this unit"));
                            }
                        }
                    }
                    case NetworkSpec n -> {
                        if (n.type() == NetworkSpec.Type.SWITCH) {
                            hasSwitch = true;
                        }
                        ItemPower power = NameplatePower.of(n, catalog);
                        networkWatts += power.watts() * p.count();
                        if (power.unknown()) {
                            prov.add(Provenance.missing(n.name() + " power", Provenance.Status.NOT_COUNTED, "no published power figure"));
                        }
                    }
                    case CoolingSpec c -> {
                        if (bestCooling == null || c.capacityKw() > bestCooling.capacityKw()) {
                            bestCooling = c;
                        }
                    }
                    case AcceleratorSpec a -> throw new EvaluationException("accelerator " + a.id() + " (item " + p.id()
                            + ") is placed without a server to host it");
                    default -> { }
                }
            }
            for (Map.Entry<String, int[]> e : trays.entrySet()) {
                int[] t = e.getValue();
                boolean switched = t[3] == 0 || t[1] >= Math.ceil((double) t[0] / t[2]) * t[3];
                int d = switched ? Math.min(t[0] * t[4], acc == null ? Integer.MAX_VALUE : acc.scaleUpDomain()) : t[4];
                if (!switched) {
                    prov.add(new Provenance(e.getKey() + " domain in " + rack.name(), t[4] + " accelerators", Provenance.Kind.MODELLED,
                            "compute trays without enough switch trays: each tray stands alone"));
                }
                domain = Math.min(domain, d);
            }
            double pue = bestCooling != null ? bestCooling.pue() : catalog.facility().pueFor(rackSpec.cooling());
            pueWeighted += pue * load.accelerators();
            provisioned += load.nameplate().watts();
            budgets.add(new Cluster.RackBudget(rack.id(), rack.name(), load.powerBudgetWatts(),
                    load.coolingFromUnits() ? load.coolingCapacityWatts() : Double.NaN, load.accelerators()));
        }
        if (acc == null) {
            throw new EvaluationException("the design has no accelerator servers to run a model on");
        }
        if (accelerators > Limits.MAX_ACCELERATORS) {
            throw new EvaluationException(String.format(java.util.Locale.ROOT,
                    "the design holds %,d accelerators; one evaluation takes at most %,d", accelerators, Limits.MAX_ACCELERATORS));
        }
        double scaleOut = servers > 1 && hasSwitch && nicBytesPerAccelerator != Double.MAX_VALUE ? nicBytesPerAccelerator : 0;
        if (servers > 1 && scaleOut == 0 && domain < accelerators) {
            prov.add(new Provenance("scale-out network", "none", Provenance.Kind.MODELLED,
                    "no switch (or no NICs) joins the servers: each scale-up domain serves on its own"));
        }
        if (capexKnown && hasSwitch) {
            capex /= (1 - CostModel.NETWORK_SHARE_OF_CLUSTER_COST);
        }
        addAcceleratorProvenance(prov, acc);
        prov = new ArrayList<>(new java.util.LinkedHashSet<>(prov)); // one line per distinct fact
        return new Cluster(acc, accelerators, Math.max(1, Math.min(domain, accelerators)), scaleOut, hostWatts, networkWatts,
                pueWeighted / accelerators, powerKnown ? provisioned : Double.NaN, capexKnown ? capex : null, budgets, prov);
    }

    /** {@code count} accelerators in the catalog's standard server for them (HGX box, NVL72 trays, …). */
    public Cluster standard(String acceleratorId, int count) {
        if (count < 1 || count > Limits.MAX_ACCELERATORS) {
            throw new EvaluationException(String.format(java.util.Locale.ROOT,
                    "--count must be a whole number from 1 to %,d accelerators, was %d", Limits.MAX_ACCELERATORS, count));
        }
        AcceleratorSpec acc = catalog.find(acceleratorId, AcceleratorSpec.class).orElseThrow(() ->
                new EvaluationException("unknown accelerator id '" + acceleratorId + "'"));
        List<Provenance> prov = new ArrayList<>();
        ServerSpec server = catalog.servers().stream()
                .filter(s -> acceleratorId.equals(s.acceleratorId()))
                .min(Comparator.comparing((ServerSpec s) -> s.role() == ServerSpec.Role.SERVER ? 0 : 1).thenComparing(ServerSpec::id))
                .orElse(null);
        double tdp = acc.tdpWatts() == null ? Double.NaN : acc.tdpWatts();
        int domain;
        double hostPerAcc;
        double nameplatePerAcc;
        double scaleOut;
        Double capex = null;
        CoolingType cooling = acc.cooling();
        if (server != null) {
            domain = server.role() == ServerSpec.Role.COMPUTE_TRAY && server.scaleUpDomain() != null
                    ? acc.scaleUpDomain() : Math.min(server.acceleratorCount(), acc.scaleUpDomain());
            ItemPower serverPower = NameplatePower.of(server, catalog);
            hostPerAcc = serverPower.hostWatts() / server.acceleratorCount();
            nameplatePerAcc = serverPower.unknown() ? Double.NaN : serverPower.watts() / server.acceleratorCount();
            if (!acc.cpuAsAccelerator() && server.hostWattsPerAccelerator() == null && (server.maxPowerWatts() == null || Double.isNaN(tdp))) {
                prov.add(new Provenance("host power", fmtW(hostPerAcc) + " per accelerator", Provenance.Kind.ASSUMPTION,
                        server.name() + " publishes no maximum; derived from DGX H100"));
            }
            if (server.nicId() != null) {
                NetworkSpec nic = catalog.require(server.nicId(), NetworkSpec.class);
                scaleOut = server.nicCount() * nic.portBytesPerSecond() / server.acceleratorCount();
            } else {
                scaleOut = 0;
            }
            if (server.priceUsdEstimate() != null) {
                capex = server.priceUsdEstimate() / server.acceleratorCount() * count;
            } else if (acc.priceUsdEstimate() != null) {
                capex = acc.priceUsdEstimate() * count * CostModel.SERVER_COST_PER_ACCELERATOR_COST;
            }
            cooling = server.cooling();
            prov.add(new Provenance("server", server.name(), Provenance.Kind.DATASHEET, String.join("; ", server.sources())));
            addAssumedFigures(prov, server);
        } else {
            domain = acc.scaleUpDomain();
            hostPerAcc = acc.cpuAsAccelerator() ? 0 : PowerModel.ASSUMED_HOST_WATTS_PER_ACCELERATOR;
            nameplatePerAcc = tdp + hostPerAcc; // NaN without a TDP: unknown, as NameplatePower has it
            scaleOut = ASSUMED_SCALE_OUT_GBPS_PER_ACCELERATOR * 1e9 / 8;
            if (acc.priceUsdEstimate() != null) {
                capex = acc.priceUsdEstimate() * count * CostModel.SERVER_COST_PER_ACCELERATOR_COST;
            }
            prov.add(new Provenance("server", "generic host", Provenance.Kind.ASSUMPTION,
                    "the catalog has no server for " + acc.id() + ": " + fmtW(hostPerAcc) + " host power and "
                            + ASSUMED_SCALE_OUT_GBPS_PER_ACCELERATOR + " Gb/s of NIC per accelerator assumed"));
        }
        domain = Math.max(1, Math.min(domain, count));
        double pue = catalog.facility().pueFor(cooling);
        double host = hostPerAcc * count;
        double provisioned = nameplatePerAcc * count;
        if (capex != null && count > domain) {
            capex /= (1 - CostModel.NETWORK_SHARE_OF_CLUSTER_COST);
        }
        addAcceleratorProvenance(prov, acc);
        return new Cluster(acc, count, domain, count > domain ? scaleOut : 0, host, 0, pue, provisioned, capex, List.of(), prov);
    }

    /**
     * NIC bandwidth per accelerator, one direction, in the catalog's standard server for the
     * accelerator (the assumed 400 Gb/s per accelerator when the catalog has none): what a pool of
     * these accelerators sends over to another pool.
     */
    public double nicBytesPerSecondPerAccelerator(String acceleratorId) {
        AcceleratorSpec acc = catalog.find(acceleratorId, AcceleratorSpec.class).orElseThrow(() ->
                new EvaluationException("unknown accelerator id '" + acceleratorId + "'"));
        // more accelerators than one scale-up domain holds, so that the standard cluster has its NICs
        return standard(acceleratorId, Math.min(Limits.MAX_ACCELERATORS, acc.scaleUpDomain() + 1)).scaleOutBytesPerSecondPerAccelerator();
    }

    /**
     * Each figure of {@code item} that the catalog marks as a TokenRack assumption (no published
     * value: a stand-in price, an LPU's power), so that results resting on it say so.
     */
    private void addAssumedFigures(List<Provenance> prov, CatalogItem item) {
        // a design repeats the same trays dozens of times: each entry's lines are worked out once (the catalog is immutable)
        prov.addAll(assumed.computeIfAbsent(item.id(), id -> assumedFigures(item)));
    }

    /** Lines of {@link #addAssumedFigures} per catalog id. */
    private final java.util.concurrent.ConcurrentHashMap<String, List<Provenance>> assumed = new java.util.concurrent.ConcurrentHashMap<>();

    private List<Provenance> assumedFigures(CatalogItem item) {
        List<Provenance> prov = new ArrayList<>();
        var figures = catalog.figures(item.id());
        if (figures.isEmpty()) {
            return List.of();
        }
        var node = io.tokenrack.engine.catalog.StrictJson.mapper().valueToTree(item);
        java.util.Set<String> fields = new java.util.LinkedHashSet<>(figures.provenance().keySet());
        fields.addAll(figures.ranges().keySet());
        for (String f : fields) {
            if (figures.provenanceOf(f) == io.tokenrack.engine.catalog.FigureProvenance.ASSUMPTION && node.path(f).isNumber()) {
                var r = figures.ranges().get(f);
                String value = Evaluator.plain(node.path(f).asDouble())
                        + (r == null ? "" : " (range " + Evaluator.plain(r.low()) + "–" + Evaluator.plain(r.high()) + ")");
                prov.add(new Provenance(item.name() + " " + f, value, Provenance.Kind.ASSUMPTION,
                        "not published; a TokenRack assumption, see the catalog entry's notes"));
            }
        }
        return List.copyOf(prov);
    }

    private void addAcceleratorProvenance(List<Provenance> prov, AcceleratorSpec a) {
        addAssumedFigures(prov, a);
        String src = String.join("; ", a.sources());
        if (a.cpuAsAccelerator()) {
            // the kernel lab's measured computer: its figures are measurements, and fp32
            prov.add(new Provenance(a.name() + " compute", fmt("%.0f GFLOP/s fp32 (FMA peak, all cores)", a.bf16DenseTflops() * 1000),
                    Provenance.Kind.MEASURED, src));
            prov.add(new Provenance(a.name() + " memory", fmt("%.1f GB at %.1f GB/s (triad, all cores)", a.memoryGB(),
                    a.memBandwidthTBps() * 1000), Provenance.Kind.MEASURED, src));
            prov.add(Provenance.missing(a.name() + " power", Provenance.Status.NOT_MEASURED,
                    "the kernel lab measures speed, not a power rating: power is unknown"));
            return;
        }
        var figures = catalog.figures(a.id());
        if (a.bf16DenseTflops() != null) {
            figure(prov, figures, a.name() + " dense BF16", a.bf16DenseTflops() + " TFLOP/s", src, "bf16DenseTflops");
        }
        if (a.fp8DenseTflops() != null) {
            figure(prov, figures, a.name() + " dense FP8", a.fp8DenseTflops() + " TFLOP/s", src, "fp8DenseTflops");
        }
        if (a.fp4DenseTflops() != null) {
            figure(prov, figures, a.name() + " dense FP4", a.fp4DenseTflops() + " TFLOP/s", src, "fp4DenseTflops");
        }
        figure(prov, figures, a.name() + " memory", a.memoryGB() + " GB at " + a.memBandwidthTBps() + " TB/s", src,
                "memoryGB", "memBandwidthTBps");
        if (a.tdpWatts() == null) {
            prov.add(Provenance.missing(a.name() + " TDP", Provenance.Status.NOT_PUBLISHED, "no source gives it: power is unknown"));
        } else {
            figure(prov, figures, a.name() + " TDP", fmtW(a.tdpWatts()), src, "tdpWatts");
        }
    }

    /**
     * A catalog figure, marked with the catalog's own per-figure provenance (datasheet unless the
     * entry says filed, announced or secondary); for several fields, the least sure of them. A figure
     * the catalog marks as a TokenRack assumption is listed once, by {@link #addAssumedFigures}.
     */
    private static void figure(List<Provenance> prov, io.tokenrack.engine.catalog.ItemFigures figures, String label, String value,
            String src, String... fields) {
        io.tokenrack.engine.catalog.FigureProvenance least = null;
        for (String f : fields) {
            var p = figures.provenanceOf(f);
            if (p != io.tokenrack.engine.catalog.FigureProvenance.ASSUMPTION && (least == null || p.ordinal() > least.ordinal())) {
                least = p;
            }
        }
        if (least != null) {
            prov.add(new Provenance(label, value, Provenance.kindOf(least), src));
        }
    }

    private static String fmt(String format, Object... args) {
        return String.format(java.util.Locale.ROOT, format, args);
    }

    private <T extends CatalogItem> T lookup(String id, Class<T> type, String what) {
        try {
            return catalog.require(id, type);
        } catch (InputException e) {
            throw new EvaluationException(what + ": " + e.getMessage());
        }
    }

    private static String fmtW(double w) {
        return String.format(java.util.Locale.ROOT, "%.0f W", w);
    }
}
