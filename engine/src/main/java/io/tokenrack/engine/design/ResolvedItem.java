package io.tokenrack.engine.design;

import io.tokenrack.engine.catalog.CatalogItem;

/** A placement whose catalog id names equipment: a server or tray, network gear, cooling or power. */
record ResolvedItem(Placement placement, CatalogItem spec) {

    String id() {
        return placement.id();
    }

    /** Rack units it occupies ({@link RackLoads#heightU}); 0 for NICs, optics, doors and other 0U items. */
    int heightU() {
        return RackLoads.heightU(spec);
    }
}
