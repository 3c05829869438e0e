package io.tokenrack.engine.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.ItemKind;
import io.tokenrack.engine.catalog.StrictJson;
import java.io.PrintWriter;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code tokenrack catalog}: what the presets offer, as a table or as JSON. */
@Command(name = "catalog", mixinStandardHelpOptions = true,
        description = "List the catalog: accelerators, servers, network, cooling, racks, power and models.")
final class CatalogCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    PresetsOption presets;

    @Option(names = "--kind", paramLabel = "KIND", converter = KindConverter.class,
            description = "Only this kind: accelerator, server, network, cooling, rack, power or model.")
    ItemKind kind;

    @Option(names = "--json", description = "Print a JSON array: each entry has kind, id, name, sources and its spec fields.")
    boolean json;

    @Override
    public Integer call() throws JsonProcessingException {
        Catalog catalog = presets.catalog();
        List<CatalogItem> items = kind == null ? byKind(catalog.all()) : catalog.ofKind(kind);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(toJson(items, catalog));
        } else {
            out.print(CatalogTable.render(items));
        }
        out.flush();
        return CliSupport.OK;
    }

    /** Grouped by kind (accelerators first, models last), in catalog order within a kind. */
    private static List<CatalogItem> byKind(List<CatalogItem> items) {
        return items.stream().sorted(Comparator.comparing(CatalogItem::kind)).toList();
    }

    /** Each record as JSON with {@code "kind"} first, in the format the presets use. */
    static String toJson(List<CatalogItem> items) throws JsonProcessingException {
        return toJson(items, null);
    }

    /**
     * As {@link #toJson(List)}, each entry with its {@code provenance} (per figure that is not a
     * datasheet value) and {@code ranges} as the presets give them.
     */
    static String toJson(List<CatalogItem> items, Catalog catalog) throws JsonProcessingException {
        ObjectMapper mapper = StrictJson.mapper();
        ArrayNode array = mapper.createArrayNode();
        for (CatalogItem item : items) {
            ObjectNode node = array.addObject();
            node.put("kind", item.kind().label());
            node.setAll((ObjectNode) mapper.valueToTree(item));
            var figures = catalog == null ? io.tokenrack.engine.catalog.ItemFigures.NONE : catalog.figures(item.id());
            java.util.Map<String, Object> prov = new java.util.LinkedHashMap<>(figures.provenance());
            figures.ranges().forEach((field, r) -> prov.put(field, r.provenance()));
            if (!prov.isEmpty()) {
                node.set("provenance", mapper.valueToTree(prov));
            }
            if (!figures.ranges().isEmpty()) {
                node.set("ranges", mapper.valueToTree(figures.ranges()));
            }
        }
        return mapper.writeValueAsString(array);
    }

    static final class KindConverter implements ITypeConverter<ItemKind> {
        @Override
        public ItemKind convert(String value) {
            try {
                return ItemKind.parse(value);
            } catch (InputException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
