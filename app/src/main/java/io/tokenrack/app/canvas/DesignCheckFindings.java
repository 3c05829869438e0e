package io.tokenrack.app.canvas;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.design.DesignCheck;
import io.tokenrack.engine.design.Finding;
import io.tokenrack.engine.design.RackDesign;
import java.util.List;

/**
 * The engine's {@link DesignCheck} (space, power, cooling, weight, scale-up domains, network) at
 * nameplate power, the same figures the canvas checks drops against.
 */
public final class DesignCheckFindings implements FindingsSource {
    private final Catalog catalog;

    public DesignCheckFindings(Catalog catalog) {
        this.catalog = catalog;
    }

    @Override
    public List<DesignFinding> check(RackDesign design) {
        return DesignCheck.check(design, catalog).stream().map(DesignCheckFindings::of).toList();
    }

    static DesignFinding of(Finding f) {
        DesignFinding.Severity s = switch (f.severity()) {
            case ERROR -> DesignFinding.Severity.ERROR;
            case WARNING -> DesignFinding.Severity.WARNING;
            case INFO -> DesignFinding.Severity.INFO;
        };
        return new DesignFinding(s, f.code(), f.rackId(), f.itemIds(), f.message());
    }
}
