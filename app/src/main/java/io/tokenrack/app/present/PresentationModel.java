package io.tokenrack.app.present;

import io.tokenrack.app.document.DocState;
import io.tokenrack.app.results.Results;
import io.tokenrack.app.results.ResultsEngine;
import io.tokenrack.engine.evaluate.Assumptions;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The state of presentation mode: the deck's scenarios, which one is shown, and each one's results
 * as they arrive. The engine runs on a thread of its own (all slides at once, when the deck opens),
 * results are published on the FX thread through {@code fxExecutor}.
 */
public final class PresentationModel {
    private final DeckFiles.Loaded deck;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", 0);
    /** Per scenario, its results; null until computed. */
    private final ObservableList<Results> results;
    /**
     * The one read-only view of {@link #results}: an unmodifiable list listens to its source only
     * weakly, so a view made per call could be collected with the listeners added to it.
     */
    private final ObservableList<Results> readOnlyResults;

    public PresentationModel(DeckFiles.Loaded deck, ResultsEngine engine, Assumptions assumptions, Executor fxExecutor) {
        this.deck = deck;
        this.results = FXCollections.observableArrayList(Collections.nCopies(deck.scenarios().size(), (Results) null));
        this.readOnlyResults = FXCollections.unmodifiableObservableList(results);
        List<Scenario> scenarios = new ArrayList<>(deck.scenarios());
        Thread.ofPlatform().daemon().name("tokenrack-presentation").start(() -> {
            for (int i = 0; i < scenarios.size(); i++) {
                DocState state = new DocState(scenarios.get(i).design(), assumptions);
                Results r;
                try {
                    r = engine.computeAll(state);
                } catch (RuntimeException e) {
                    r = Results.failed(state, e);
                }
                int at = i;
                Results done = r;
                fxExecutor.execute(() -> results.set(at, done));
            }
        });
    }

    public Deck deck() {
        return deck.deck();
    }

    public List<Scenario> scenarios() {
        return deck.scenarios();
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public int index() {
        return index.get();
    }

    public Scenario current() {
        return deck.scenarios().get(index.get());
    }

    /** Each scenario's results, null where not computed yet. */
    public ObservableList<Results> results() {
        return readOnlyResults;
    }

    /** Whether every scenario has its results. */
    public boolean ready() {
        return results.stream().allMatch(java.util.Objects::nonNull);
    }

    public void next() {
        go(index.get() + 1);
    }

    public void previous() {
        go(index.get() - 1);
    }

    public void first() {
        go(0);
    }

    public void last() {
        go(deck.scenarios().size() - 1);
    }

    /** Shows slide {@code i}, kept within the deck. */
    public void go(int i) {
        index.set(Math.max(0, Math.min(deck.scenarios().size() - 1, i)));
    }
}
