package io.tokenrack.engine.catalog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The immutable set of everything a design can use, looked up by id. Built by {@link CatalogLoader}. */
public final class Catalog {
    private final Map<String, CatalogItem> items;
    private final FacilityDefaults facility;
    private final Map<String, ItemFigures> figures;

    Catalog(Map<String, CatalogItem> items, FacilityDefaults facility) {
        this(items, facility, Map.of());
    }

    Catalog(Map<String, CatalogItem> items, FacilityDefaults facility, Map<String, ItemFigures> figures) {
        this.items = Collections.unmodifiableMap(new LinkedHashMap<>(items));
        this.facility = facility;
        Map<String, ItemFigures> f = new LinkedHashMap<>(figures);
        f.keySet().retainAll(this.items.keySet());
        this.figures = Collections.unmodifiableMap(f);
    }

    /** How sure the figures of item {@code id} are: their provenance and ranges ({@link ItemFigures#NONE} if none given). */
    public ItemFigures figures(String id) {
        return figures.getOrDefault(id, ItemFigures.NONE);
    }

    /** The ids of the items with at least one figure given as a range. */
    public java.util.Set<String> rangedIds() {
        java.util.Set<String> out = new java.util.LinkedHashSet<>();
        figures.forEach((id, f) -> {
            if (!f.ranges().isEmpty()) {
                out.add(id);
            }
        });
        return out;
    }

    /**
     * The same catalog with {@code item} in place of the item of the same id (e.g. an entry read at
     * one end of its ranges); its figures' provenance and ranges stay as they were.
     */
    public Catalog replacing(CatalogItem item) {
        if (!items.containsKey(item.id())) {
            throw new InputException("unknown catalog id '" + item.id() + "'");
        }
        Map<String, CatalogItem> copy = new LinkedHashMap<>(items);
        copy.put(item.id(), item);
        return new Catalog(copy, facility, figures);
    }

    /** The same catalog with one more item (e.g. "this computer, measured"); its id must be new. */
    public Catalog with(CatalogItem item) {
        if (items.containsKey(item.id())) {
            throw new InputException("id '" + item.id() + "' is already in the catalog");
        }
        Map<String, CatalogItem> copy = new LinkedHashMap<>(items);
        copy.put(item.id(), item);
        return new Catalog(copy, facility, figures);
    }

    /** The same catalog without the item {@code id} (unchanged when there is none). */
    public Catalog without(String id) {
        if (!items.containsKey(id)) {
            return this;
        }
        Map<String, CatalogItem> copy = new LinkedHashMap<>(items);
        copy.remove(id);
        return new Catalog(copy, facility, figures);
    }

    public FacilityDefaults facility() {
        return facility;
    }

    public List<CatalogItem> all() {
        return List.copyOf(items.values());
    }

    public List<CatalogItem> ofKind(ItemKind kind) {
        List<CatalogItem> out = new ArrayList<>();
        for (CatalogItem i : items.values()) {
            if (i.kind() == kind) {
                out.add(i);
            }
        }
        return out;
    }

    public Optional<CatalogItem> find(String id) {
        return Optional.ofNullable(items.get(id));
    }

    public <T extends CatalogItem> Optional<T> find(String id, Class<T> type) {
        CatalogItem i = items.get(id);
        return type.isInstance(i) ? Optional.of(type.cast(i)) : Optional.empty();
    }

    /** The item with this id and type, or an exception that says which id is unknown. */
    public <T extends CatalogItem> T require(String id, Class<T> type) {
        CatalogItem i = items.get(id);
        if (i == null) {
            throw new InputException("unknown " + kindWord(type) + " id '" + id + "'");
        }
        if (!type.isInstance(i)) {
            throw new InputException("'" + id + "' is " + withArticle(i.kind().label()) + ", not " + withArticle(kindWord(type)));
        }
        return type.cast(i);
    }

    public AcceleratorSpec accelerator(String id) {
        return require(id, AcceleratorSpec.class);
    }

    public ServerSpec server(String id) {
        return require(id, ServerSpec.class);
    }

    public ModelSpec model(String id) {
        return require(id, ModelSpec.class);
    }

    public List<AcceleratorSpec> accelerators() {
        return typed(AcceleratorSpec.class);
    }

    public List<ServerSpec> servers() {
        return typed(ServerSpec.class);
    }

    public List<ModelSpec> models() {
        return typed(ModelSpec.class);
    }

    private <T extends CatalogItem> List<T> typed(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (CatalogItem i : items.values()) {
            if (type.isInstance(i)) {
                out.add(type.cast(i));
            }
        }
        return out;
    }

    /** "an accelerator", "a server". */
    private static String withArticle(String word) {
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    private static String kindWord(Class<?> type) {
        return switch (type.getSimpleName()) {
            case "AcceleratorSpec" -> "accelerator";
            case "ServerSpec" -> "server";
            case "NetworkSpec" -> "network item";
            case "CoolingSpec" -> "cooling item";
            case "RackSpec" -> "rack";
            case "PowerSpec" -> "power item";
            case "ModelSpec" -> "model";
            default -> "catalog item";
        };
    }
}
