package io.tokenrack.app.inspector;

import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.workload.Workload;
import java.util.List;

/** What the inspector shows: one placed item, one rack, several items, or the design and its workload. */
public sealed interface Subject {
    String title();

    record Item(RackDesign design, RackInstance rack, RackSpec rackSpec, Placement placement, CatalogItem item) implements Subject {
        @Override
        public String title() {
            return item.name() + " (" + placement.id() + ")";
        }
    }

    record Rack(RackDesign design, RackInstance rack, RackSpec spec) implements Subject {
        @Override
        public String title() {
            return rack.name();
        }
    }

    record Selection(List<Placement> placements, int units, double nameplateWatts, int accelerators) implements Subject {
        @Override
        public String title() {
            return placements.size() + " items";
        }
    }

    record Design(RackDesign design, Workload workload, Assumptions assumptions) implements Subject {
        @Override
        public String title() {
            return "Design and workload";
        }
    }
}
