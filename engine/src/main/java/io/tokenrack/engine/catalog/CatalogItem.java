package io.tokenrack.engine.catalog;

import java.util.List;

/** Anything in the catalog: it has an id, a display name, a kind and the sources of its numbers. */
public sealed interface CatalogItem
        permits AcceleratorSpec, ServerSpec, NetworkSpec, CoolingSpec, RackSpec, PowerSpec, ModelSpec {
    String id();

    String name();

    ItemKind kind();

    List<String> sources();
}
