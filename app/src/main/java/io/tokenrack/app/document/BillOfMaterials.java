package io.tokenrack.app.document;

import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.design.ItemPower;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.power.PowerModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The design as a bill of materials: one line per placed item (and per rack), with nameplate power,
 * weight and the price estimate where a source gives one, then totals. Written as CSV.
 */
public final class BillOfMaterials {
    /** One line of the bill. Numbers are per line (unit figure × quantity); null where unknown. */
    public record Line(String rack, String itemId, String catalogId, String name, String kind, String positionU,
                       int heightU, int quantity, Double maxPowerWatts, Double weightKg, Double priceUsd, String source) {}

    private final Catalog catalog;
    private final ItemFacts facts;

    public BillOfMaterials(Catalog catalog) {
        this.catalog = catalog;
        this.facts = new ItemFacts(catalog);
    }

    public List<Line> lines(RackDesign design) {
        List<Line> out = new ArrayList<>();
        for (RackInstance rack : design.racks()) {
            RackSpec spec = catalog.find(rack.rackId(), RackSpec.class).orElse(null);
            out.add(new Line(rack.name(), rack.id(), rack.rackId(), spec == null ? rack.rackId() : spec.name(), "rack", "",
                    spec == null ? 0 : spec.heightU(), 1, null, null, null, spec == null ? "" : String.join("; ", spec.sources())));
            for (Placement p : rack.items()) {
                CatalogItem item = catalog.find(p.catalogId()).orElse(null);
                if (item == null) {
                    continue;
                }
                int n = p.count();
                Double price = ItemFacts.priceUsd(item);
                double weight = ItemFacts.weightKg(item);
                out.add(new Line(rack.name(), p.id(), p.catalogId(), item.name(), item.kind().label(),
                        p.positionU() == null ? "0U" : String.valueOf(p.positionU()), ItemFacts.heightU(item), n,
                        facts.powerKnown(item) ? facts.maxPowerWatts(item) * n : null,
                        weight > 0 ? weight * n : null,
                        price == null ? null : price * n,
                        String.join("; ", item.sources()) + (facts.power(item).figure() == ItemPower.Figure.ASSUMED_HOST
                                ? "; max power not published: accelerators' TDP plus an assumed host of "
                                        + Units.number(PowerModel.ASSUMED_HOST_WATTS_PER_ACCELERATOR) + " W per accelerator"
                                : "")));
            }
        }
        return out;
    }

    public String toCsv(RackDesign design) {
        StringBuilder sb = new StringBuilder();
        sb.append("rack,item id,catalog id,name,kind,position U,height U,quantity,max power W,weight kg,price USD (estimate),sources\n");
        double power = 0;
        double weight = 0;
        double price = 0;
        boolean priceComplete = true;
        for (Line l : lines(design)) {
            sb.append(csv(l.rack())).append(',').append(csv(l.itemId())).append(',').append(csv(l.catalogId())).append(',')
                    .append(csv(l.name())).append(',').append(csv(l.kind())).append(',').append(csv(l.positionU())).append(',')
                    .append(l.heightU()).append(',').append(l.quantity()).append(',')
                    .append(number(l.maxPowerWatts())).append(',').append(number(l.weightKg())).append(',')
                    .append(number(l.priceUsd())).append(',').append(csv(l.source())).append('\n');
            power += l.maxPowerWatts() == null ? 0 : l.maxPowerWatts();
            weight += l.weightKg() == null ? 0 : l.weightKg();
            if (l.priceUsd() != null) {
                price += l.priceUsd();
            } else if (!l.kind().equals("rack")) {
                priceComplete = false;
            }
        }
        sb.append("TOTAL,,,,,,,,").append(number(power)).append(',').append(number(weight)).append(',').append(number(price))
                .append(',').append(csv(priceComplete ? "" : "price total covers only items with a published estimate")).append('\n');
        return sb.toString();
    }

    private static String number(Double v) {
        if (v == null) {
            return "";
        }
        return v == Math.rint(v) ? String.valueOf(v.longValue()) : String.format(Locale.ROOT, "%.2f", v);
    }

    /**
     * One CSV field (RFC 4180). Text a spreadsheet would run as a formula (starting with =, +, -, @,
     * a tab or a carriage return) gets a leading single quote, so a design's names cannot inject
     * formulas; a field with a comma, a quote, a line feed or a carriage return is quoted.
     */
    static String csv(String s) {
        if (s == null) {
            return "";
        }
        String v = !s.isEmpty() && "=+-@\t\r".indexOf(s.charAt(0)) >= 0 ? "'" + s : s;
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            return "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
