package io.tokenrack.app.results;

import io.tokenrack.app.document.DesignDocument;
import io.tokenrack.app.document.DocState;
import java.util.Locale;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Keeps the results in step with the document: every change of the document's state is evaluated
 * off the FX thread (latest edit wins, stale results dropped) and the newest results published on
 * the thread given as {@code deliver}. Also measures edit-to-results time.
 */
public final class ResultsModel implements AutoCloseable {
    private final DesignDocument document;
    private final LatestWins<DocState, Results> runner;
    /** The slower second pass (ranges), published over the first when the document has not moved on. */
    private final LatestWins<Results, Results> refiner;
    private final ReadOnlyObjectWrapper<Results> results = new ReadOnlyObjectWrapper<>(this, "results");
    private final ReadOnlyBooleanWrapper evaluating = new ReadOnlyBooleanWrapper(this, "evaluating");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "evaluating…");
    private final ReadOnlyDoubleWrapper lastUpdateMillis = new ReadOnlyDoubleWrapper(this, "lastUpdateMillis", Double.NaN);
    /** The engine evaluations use now: replaced when the catalog or evaluator changes (a calibration). */
    private volatile ResultsEngine engine;
    private long requestedAt;
    private boolean opened = true;

    public ResultsModel(DesignDocument document, ResultsEngine engine, Executor deliver) {
        this.document = document;
        this.engine = engine;
        this.runner = new LatestWins<>(state -> this.engine.compute(state), Results::failed, deliver, "tokenrack-evaluator");
        // a failed second pass leaves the first pass's results as they are
        this.refiner = new LatestWins<>(first -> this.engine.refine(first), (first, e) -> null, deliver, "tokenrack-ranges");
        initListeners();
        request();
    }

    private void initListeners() {
        document.stateProperty().addListener((obs, before, after) -> request());
    }

    public ReadOnlyObjectProperty<Results> resultsProperty() {
        return results.getReadOnlyProperty();
    }

    public Results results() {
        return results.get();
    }

    /** True from an edit until its results (or a newer edit's) arrive. */
    public ReadOnlyBooleanProperty evaluatingProperty() {
        return evaluating.getReadOnlyProperty();
    }

    /** A line for the status bar: "evaluating…", "updated in 4 ms", or why nothing could be evaluated. */
    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Milliseconds from the last edit to its results being published (views update in that same pass). */
    public ReadOnlyDoubleProperty lastUpdateMillisProperty() {
        return lastUpdateMillis.getReadOnlyProperty();
    }

    /** Evaluates with {@code next} from now on, starting with the document as it is (the design stays). */
    public void useEngine(ResultsEngine next) {
        this.engine = java.util.Objects.requireNonNull(next, "engine");
        request();
    }

    /** Evaluates the document's current state again. */
    public void request() {
        long t0 = System.nanoTime();
        requestedAt = t0;
        evaluating.set(true);
        status.set("evaluating…");
        boolean initial = opened;
        opened = false;
        runner.submit(document.state(), r -> publish(r, t0, initial));
    }

    /** @param initial the evaluation of the state the window opened with (its time includes start-up) */
    private void publish(Results r, long t0, boolean initial) {
        if (t0 != requestedAt) {
            return;
        }
        results.set(r);
        if (r.ok()) {
            refiner.submit(r, refined -> {
                if (refined != null && t0 == requestedAt && results.get() == r) {
                    results.set(refined);
                }
            });
        }
        double ms = (System.nanoTime() - t0) / 1e6;
        lastUpdateMillis.set(ms);
        evaluating.set(false);
        if (r.evaluation() == null) {
            status.set(r.message());
        } else if (initial) {
            status.set(String.format(Locale.ROOT, "evaluated (engine %.1f ms)", r.computeNanos() / 1e6));
        } else {
            status.set(String.format(Locale.ROOT, "updated in %.0f ms (engine %.1f ms)", ms, r.computeNanos() / 1e6));
        }
    }

    @Override
    public void close() {
        runner.close();
        refiner.close();
    }
}
