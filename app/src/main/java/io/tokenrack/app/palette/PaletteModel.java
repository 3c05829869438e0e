package io.tokenrack.app.palette;

import io.tokenrack.app.document.ItemFacts;
import io.tokenrack.app.theme.KindStyle;
import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.catalog.AcceleratorSpec;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.CoolingSpec;
import io.tokenrack.engine.catalog.NetworkSpec;
import io.tokenrack.engine.catalog.PowerSpec;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.catalog.ServerSpec;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The catalog as the palette shows it: what can go into a rack (and racks themselves), grouped by
 * kind, each with a one-line summary and a tooltip of key specs and their sources; filtered by a
 * search text.
 */
public final class PaletteModel {
    /** One draggable catalog entry. */
    public record Entry(CatalogItem item, KindStyle kind, String title, String detail, String tooltip) {
        boolean matches(String needle) {
            return needle.isEmpty() || (item.id() + " " + title + " " + detail + " " + kind.title()).toLowerCase(Locale.ROOT).contains(needle);
        }
    }

    /** A kind and its entries. */
    public record Group(KindStyle kind, List<Entry> entries) {}

    private static final int MAX_SOURCES = 3;
    private List<Entry> all;
    private final ReadOnlyStringWrapper search = new ReadOnlyStringWrapper(this, "search", "");
    private final ReadOnlyObjectWrapper<List<Group>> groups = new ReadOnlyObjectWrapper<>(this, "groups", List.of());

    public PaletteModel(Catalog catalog) {
        useCatalog(catalog);
    }

    /** Lists what {@code catalog} holds (e.g. after this computer was measured again), keeping the search. */
    public void useCatalog(Catalog catalog) {
        ItemFacts facts = new ItemFacts(catalog);
        List<Entry> entries = new ArrayList<>();
        for (CatalogItem item : catalog.all()) {
            if (ItemFacts.placeable(item) || item instanceof RackSpec) {
                entries.add(new Entry(item, KindStyle.of(item), item.name(), detail(item, catalog, facts), tooltip(item, catalog, facts)));
            }
        }
        this.all = List.copyOf(entries);
        groups.set(group(all, search.get().toLowerCase(Locale.ROOT)));
    }

    public ReadOnlyObjectProperty<List<Group>> groupsProperty() {
        return groups.getReadOnlyProperty();
    }

    public List<Group> groups() {
        return groups.get();
    }

    public ReadOnlyStringProperty searchProperty() {
        return search.getReadOnlyProperty();
    }

    /** Shows only entries whose name, id, summary or kind contain {@code text} (any case). */
    public void search(String text) {
        String t = text == null ? "" : text.strip();
        search.set(t);
        groups.set(group(all, t.toLowerCase(Locale.ROOT)));
    }

    public List<Entry> visibleEntries() {
        return groups.get().stream().flatMap(g -> g.entries().stream()).toList();
    }

    private static List<Group> group(List<Entry> entries, String needle) {
        Map<KindStyle, List<Entry>> by = new EnumMap<>(KindStyle.class);
        for (Entry e : entries) {
            if (e.matches(needle)) {
                by.computeIfAbsent(e.kind(), k -> new ArrayList<>()).add(e);
            }
        }
        List<Group> out = new ArrayList<>();
        by.forEach((k, v) -> out.add(new Group(k, List.copyOf(v))));
        return List.copyOf(out);
    }

    static String detail(CatalogItem item, Catalog catalog, ItemFacts facts) {
        String power = facts.powerPublished(item) ? Units.kw(facts.maxPowerWatts(item))
                : facts.powerKnown(item) ? "≈ " + Units.kw(facts.maxPowerWatts(item)) + " (assumed host)" : "power n/p";
        return switch (item) {
            case ServerSpec s when s.hasAccelerators() -> s.heightU() + "U · " + s.acceleratorCount() + " × "
                    + shortName(catalog.accelerator(s.acceleratorId())) + " · " + power + (s.cooling().label().equals("air") ? "" : " · " + s.cooling().label());
            case ServerSpec s -> s.heightU() + "U · " + s.role().label() + " · " + s.cooling().label();
            case NetworkSpec n -> (n.heightU() == null ? "0U " + n.type().label() : n.heightU() + "U " + n.type().label())
                    + " · " + (n.ports() == null ? "" : n.ports() + " × ") + Units.number(n.portSpeedGbps()) + "G"
                    + (n.maxPowerWatts() == null ? "" : " · " + Units.watts(n.maxPowerWatts()));
            case CoolingSpec c -> c.heightU() + "U · " + c.type().label() + " · removes " + Units.number(c.capacityKw()) + " kW · PUE " + Units.number(c.pue());
            case PowerSpec p -> p.heightU() + "U · " + Units.number(p.capacityKw()) + " kW";
            case RackSpec r -> r.heightU() + "U · " + Units.number(r.powerBudgetKw()) + " kW budget · " + r.cooling().label();
            default -> item.kind().label();
        };
    }

    private static String shortName(AcceleratorSpec a) {
        return a.name().replaceFirst("^(NVIDIA|AMD|Intel|Google) ", "");
    }

    static String tooltip(CatalogItem item, Catalog catalog, ItemFacts facts) {
        StringBuilder sb = new StringBuilder(item.name()).append('\n');
        switch (item) {
            case ServerSpec s -> {
                if (s.hasAccelerators()) {
                    AcceleratorSpec a = catalog.accelerator(s.acceleratorId());
                    sb.append(s.acceleratorCount()).append(" × ").append(a.name()).append('\n');
                    sb.append("  ").append(Units.number(a.memoryGB())).append(" GB at ").append(Units.number(a.memBandwidthTBps()))
                            .append(" TB/s · ");
                    if (a.bf16DenseTflops() != null) {
                        sb.append(Units.number(a.bf16DenseTflops())).append(" TFLOP/s BF16 dense");
                    } else {
                        sb.append("no BF16");
                    }
                    if (a.fp8DenseTflops() != null) {
                        sb.append(" · ").append(Units.number(a.fp8DenseTflops())).append(" FP8");
                    }
                    sb.append('\n');
                    if (a.tdpWatts() != null) {
                        sb.append("  TDP ").append(Units.watts(a.tdpWatts())).append(" each\n");
                    }
                }
                sb.append("Height ").append(s.heightU()).append(" U · max power ")
                        .append(s.maxPowerWatts() != null ? Units.kw(s.maxPowerWatts())
                                : facts.powerKnown(s) ? "not published (counted as ≈ " + Units.kw(facts.maxPowerWatts(s))
                                        + ": accelerators' TDP plus an assumed host)" : "not published")
                        .append(" · ").append(s.cooling().label()).append(" cooled\n");
                if (s.weightKg() != null) {
                    sb.append("Weight ").append(Units.kg(s.weightKg())).append('\n');
                }
                if (s.priceUsdEstimate() != null) {
                    sb.append("Price estimate ").append(Units.usd(s.priceUsdEstimate())).append('\n');
                }
            }
            case NetworkSpec n -> sb.append(n.vendor()).append(' ').append(n.type().label()).append(", ").append(n.fabric()).append('\n')
                    .append(n.ports() == null ? "" : n.ports() + " ports × ").append(Units.number(n.portSpeedGbps())).append(" Gb/s\n")
                    .append("Power ").append(n.maxPowerWatts() == null ? "not published" : Units.watts(n.maxPowerWatts())).append('\n');
            case CoolingSpec c -> sb.append(c.type().label()).append(" cooling, removes up to ").append(Units.number(c.capacityKw()))
                    .append(" kW per rack, PUE ").append(Units.number(c.pue())).append('\n');
            case PowerSpec p -> sb.append("Capacity ").append(Units.number(p.capacityKw())).append(" kW\n");
            case RackSpec r -> sb.append(r.heightU()).append(" U · power budget ").append(Units.number(r.powerBudgetKw()))
                    .append(" kW · ").append(r.cooling().label()).append(" cooled")
                    .append(r.maxWeightKg() == null ? "" : " · max " + Units.kg(r.maxWeightKg())).append('\n')
                    .append("Drag onto the canvas to add a rack.\n");
            default -> { }
        }
        sb.append("Sources:");
        List<String> sources = item.sources();
        for (int i = 0; i < Math.min(MAX_SOURCES, sources.size()); i++) {
            String s = sources.get(i);
            sb.append("\n  • ").append(s.length() > 140 ? s.substring(0, 137) + "…" : s);
        }
        if (sources.size() > MAX_SOURCES) {
            sb.append("\n  … and ").append(sources.size() - MAX_SOURCES).append(" more");
        }
        return sb.toString();
    }
}
