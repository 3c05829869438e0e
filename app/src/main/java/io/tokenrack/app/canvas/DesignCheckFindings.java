package io.tokenrack.app.canvas;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.design.DesignCheck;
import io.tokenrack.engine.design.Finding;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackPowerEstimate;
import io.tokenrack.engine.evaluate.ClusterFactory;
import io.tokenrack.engine.evaluate.Evaluation;
import io.tokenrack.engine.evaluate.ModelledRackPower;
import java.util.List;

/**
 * The engine's {@link DesignCheck} (space, power, cooling, weight, scale-up domains, network), as
 * {@code tokenrack check} runs it: with an evaluation, power at the engine's modelled draw per
 * accelerator (an error where that exceeds a budget, a warning where only the nameplate maximum
 * does); without one, at nameplate, the figures the canvas checks drops against. Between an edit
 * and its new evaluation the previous evaluation's draw per accelerator stands in, so findings do
 * not flicker to nameplate and back on every edit. A workload the engine cannot serve on the design
 * (the model does not fit, …) is an error finding too.
 */
public final class DesignCheckFindings implements FindingsSource {
    private final Catalog catalog;
    private final ClusterFactory clusters;

    public DesignCheckFindings(Catalog catalog) {
        this.catalog = catalog;
        this.clusters = new ClusterFactory(catalog);
    }

    @Override
    public List<DesignFinding> check(RackDesign design, Evaluation evaluation) {
        RackPowerEstimate modelled = modelled(design, evaluation);
        List<Finding> found = modelled == null ? DesignCheck.check(design, catalog) : DesignCheck.checkModelled(design, catalog, modelled);
        if (evaluation instanceof Evaluation.Failed failed && design.workload() != null) {
            found = DesignCheck.withWorkload(found, failed.message());
        }
        return found.stream().map(DesignCheckFindings::of).toList();
    }

    private RackPowerEstimate modelled(RackDesign design, Evaluation e) {
        if (!(e instanceof Evaluation.Ok ok) || !Double.isFinite(ok.power().itWatts()) || ok.accelerators() == 0) {
            return null;
        }
        try {
            return ModelledRackPower.of(clusters.fromDesign(design), ok);
        } catch (InputException invalid) {
            return null;
        }
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
