package io.tokenrack.app.compare;

import io.tokenrack.app.document.DocState;
import io.tokenrack.app.results.LatestWins;
import io.tokenrack.app.results.Results;
import io.tokenrack.app.results.ResultsEngine;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.engine.workload.Workload;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableValue;

/**
 * This design (A, the open document's live results) against another design read from a file (B),
 * evaluated off the FX thread. By default B is evaluated on A's workload and assumptions, so the
 * two racks are compared on the same job; unticking {@link #sameWorkloadProperty()} evaluates B
 * on its own workload. A's every edit updates the rows; B is evaluated again only when its input
 * changes.
 */
public final class CompareModel implements AutoCloseable {
    private final ObservableValue<Results> a;
    private final RackDesign other;
    private final Path otherFile;
    private final Assumptions fallbackAssumptions;
    private final LatestWins<DocState, Results> runner;
    private final ReadOnlyObjectWrapper<Results> b = new ReadOnlyObjectWrapper<>(this, "b");
    private final ReadOnlyObjectWrapper<List<Comparison.Row>> rows = new ReadOnlyObjectWrapper<>(this, "rows", List.of());
    private final BooleanProperty sameWorkload = new SimpleBooleanProperty(this, "sameWorkload", true);
    private DocState lastRequested;

    /**
     * @param a                   the open document's results, delivered on the FX thread
     * @param fallbackAssumptions used for B until A has results
     * @param deliver             where B's results are handed over (the FX thread)
     */
    public CompareModel(ObservableValue<Results> a, RackDesign other, Path otherFile, ResultsEngine engine,
                        Assumptions fallbackAssumptions, Executor deliver) {
        this.a = a;
        this.other = Objects.requireNonNull(other, "other");
        this.otherFile = otherFile;
        this.fallbackAssumptions = fallbackAssumptions;
        this.runner = new LatestWins<>(engine::compute, Results::failed, deliver, "tokenrack-compare");
        a.addListener((o, was, now) -> {
            requestB();
            updateRows();
        });
        sameWorkload.addListener((o, was, now) -> requestB());
        b.addListener((o, was, now) -> updateRows());
        requestB();
        updateRows();
    }

    public RackDesign other() {
        return other;
    }

    public Path otherFile() {
        return otherFile;
    }

    /** Evaluate B on A's workload and assumptions (true, the default) or on its own workload. */
    public BooleanProperty sameWorkloadProperty() {
        return sameWorkload;
    }

    public ReadOnlyObjectProperty<Results> bProperty() {
        return b.getReadOnlyProperty();
    }

    public Results a() {
        return a.getValue();
    }

    public ReadOnlyObjectProperty<List<Comparison.Row>> rowsProperty() {
        return rows.getReadOnlyProperty();
    }

    /** What B is evaluated on now: its racks, with A's workload (or its own) and A's assumptions. */
    DocState bInput() {
        Results ra = a.getValue();
        Workload mine = ra == null ? null : ra.input().design().workload();
        Workload w = sameWorkload.get() && mine != null ? mine : other.workload() != null ? other.workload() : mine;
        Assumptions assumptions = ra == null ? fallbackAssumptions : ra.input().assumptions();
        return new DocState(other.withWorkload(w), assumptions);
    }

    private void requestB() {
        DocState input = bInput();
        if (input.equals(lastRequested)) {
            return;
        }
        lastRequested = input;
        runner.submit(input, b::set);
    }

    private void updateRows() {
        Results ra = a.getValue();
        Results rb = b.get();
        rows.set(Comparison.rows(ra == null ? null : ra.evaluation(), rb == null ? null : rb.evaluation()));
    }

    @Override
    public void close() {
        runner.close();
    }
}
