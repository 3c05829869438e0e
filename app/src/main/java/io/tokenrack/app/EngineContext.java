package io.tokenrack.app;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.lab.host.MeasuredHost;
import java.util.Objects;
import java.util.Optional;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

/**
 * What the engine works with, observable: the catalog, the evaluator over it and this computer as
 * the kernel lab last measured it. A calibration replaces all three at once; the panels listen
 * and follow (the palette lists the computer, evaluations use its measured constants), so the
 * window and its document stay as they are. Changed on the FX thread only.
 */
public final class EngineContext {
    /**
     * One consistent set.
     *
     * @param host this computer as measured, empty when it never was
     */
    public record Setup(Catalog catalog, Evaluator evaluator, Optional<MeasuredHost> host) {
        public Setup {
            Objects.requireNonNull(catalog, "catalog");
            Objects.requireNonNull(evaluator, "evaluator");
            Objects.requireNonNull(host, "host");
            if (evaluator.catalog() != catalog) {
                throw new IllegalArgumentException("the evaluator must evaluate with the catalog it comes with");
            }
        }
    }

    private final ReadOnlyObjectWrapper<Setup> setup = new ReadOnlyObjectWrapper<>(this, "setup");

    public EngineContext(Setup initial) {
        setup.set(Objects.requireNonNull(initial, "initial"));
    }

    /** The presets' catalog, with this computer in it when {@code host} says how it measured. */
    public static EngineContext of(Catalog presets, Optional<MeasuredHost> host) {
        Catalog catalog = MeasuredHost.addTo(presets, host);
        return new EngineContext(new Setup(catalog, MeasuredHost.evaluator(catalog, host), host));
    }

    /** Around an evaluator and its catalog, with no measured computer. */
    public static EngineContext of(Evaluator evaluator) {
        return new EngineContext(new Setup(evaluator.catalog(), evaluator, Optional.empty()));
    }

    public ReadOnlyObjectProperty<Setup> setupProperty() {
        return setup.getReadOnlyProperty();
    }

    public Setup setup() {
        return setup.get();
    }

    public Catalog catalog() {
        return setup.get().catalog();
    }

    public Evaluator evaluator() {
        return setup.get().evaluator();
    }

    /** Puts this computer, as {@code host} measured it, in the catalog (replacing an earlier measurement) and evaluates with it. */
    public void useMeasuredHost(MeasuredHost host) {
        Catalog catalog = host.replaceIn(catalog());
        setup.set(new Setup(catalog, host.evaluator(catalog), Optional.of(host)));
    }
}
