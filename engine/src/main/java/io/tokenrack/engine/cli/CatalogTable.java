package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.AcceleratorSpec;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.CoolingSpec;
import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.catalog.NetworkSpec;
import io.tokenrack.engine.catalog.PowerSpec;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.catalog.ServerSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The catalog as a plain-text table: kind, id, name and the figures that tell entries apart. */
final class CatalogTable {
    private static final String[] HEADER = {"KIND", "ID", "NAME", "KEY FIGURES"};

    private CatalogTable() {}

    static String render(List<CatalogItem> items) {
        if (items.isEmpty()) {
            return "(no entries)\n";
        }
        List<String[]> rows = new ArrayList<>();
        rows.add(HEADER);
        for (CatalogItem i : items) {
            rows.add(new String[] {i.kind().label(), i.id(), i.name(), figures(i)});
        }
        int[] width = new int[HEADER.length - 1];
        for (String[] row : rows) {
            for (int c = 0; c < width.length; c++) {
                width[c] = Math.max(width[c], row[c].length());
            }
        }
        StringBuilder sb = new StringBuilder();
        for (String[] row : rows) {
            for (int c = 0; c < width.length; c++) {
                sb.append(row[c]).append(" ".repeat(width[c] - row[c].length() + 2));
            }
            sb.append(row[HEADER.length - 1]).append('\n');
        }
        return sb.toString();
    }

    /** The few numbers a person compares entries of one kind by, with units. */
    static String figures(CatalogItem item) {
        return switch (item) {
            case AcceleratorSpec a when a.cpuAsAccelerator() -> join(
                    String.format(java.util.Locale.ROOT, "measured: %,.0f GFLOP/s fp32", a.bf16DenseTflops() * 1000),
                    num(a.memoryGB()) + " GB",
                    String.format(java.util.Locale.ROOT, "%,.1f GB/s", a.memBandwidthTBps() * 1000),
                    "power not measured");
            case AcceleratorSpec a -> join(
                    a.bf16DenseTflops() != null ? num(a.bf16DenseTflops()) + " BF16 TFLOPS"
                            : a.fp8DenseTflops() != null ? num(a.fp8DenseTflops()) + " FP8 TFLOPS" : num(a.fp4DenseTflops()) + " FP4 TFLOPS",
                    num(a.memoryGB()) + " GB",
                    num(a.memBandwidthTBps()) + " TB/s",
                    a.tdpWatts() == null ? null : num(a.tdpWatts()) + " W",
                    a.cooling().label());
            case ServerSpec s -> join(
                    s.role().label(),
                    s.hasAccelerators() ? s.acceleratorCount() + " × " + s.acceleratorId() : null,
                    s.heightU() + "U",
                    s.maxPowerWatts() == null ? "power unpublished" : kw(s.maxPowerWatts()),
                    s.cooling().label());
            case NetworkSpec n -> join(
                    n.type().label(),
                    (n.ports() == null ? "" : n.ports() + " × ") + num(n.portSpeedGbps()) + " Gb/s",
                    n.fabric(),
                    n.heightU() == null ? null : n.heightU() + "U",
                    n.maxPowerWatts() == null ? null : num(n.maxPowerWatts()) + " W");
            case CoolingSpec c -> join(c.type().label(), num(c.capacityKw()) + " kW", "PUE " + num(c.pue()), c.heightU() + "U");
            case RackSpec r -> join(r.heightU() + "U", num(r.powerBudgetKw()) + " kW", r.cooling().label(),
                    r.maxWeightKg() == null ? null : num(r.maxWeightKg()) + " kg");
            case PowerSpec p -> join(num(p.capacityKw()) + " kW", p.heightU() + "U");
            case ModelSpec m -> join(
                    num(m.totalParamsB()) + "B total",
                    m.isMoe() ? num(m.activeParamsB()) + "B active" : "dense",
                    m.layers() + " layers",
                    m.releasedPrecision());
        };
    }

    private static String join(String... parts) {
        List<String> present = new ArrayList<>();
        for (String p : parts) {
            if (p != null && !p.isEmpty()) {
                present.add(p);
            }
        }
        return String.join(", ", present);
    }

    private static String kw(double watts) {
        return String.format(Locale.ROOT, "%,.1f kW", watts / 1000);
    }

    /** 2.0 → "2", 8.5 → "8.5", 1.15 → "1.15", 2250 → "2,250". */
    static String num(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.format(Locale.ROOT, "%,d", (long) v);
        }
        return String.format(Locale.ROOT, "%,.3f", v).replaceAll("0+$", "").replaceAll("\\.$", "");
    }
}
