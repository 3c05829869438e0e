package io.tokenrack.app.lesson;

import io.tokenrack.app.document.DesignDocument;
import io.tokenrack.app.document.DocState;
import io.tokenrack.app.results.Results;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.Assumptions;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;

/**
 * A lesson running on a window's document: which step is shown, the step's text with the live
 * numbers, and the answer picked. Starting opens the lesson's design in the document; each step
 * entered turns its knob through the document's ordinary edits (Undo takes it back, the results
 * follow); Back sets that knob back to where the previous step had it.
 */
public final class LessonModel {
    private final LessonFiles.Loaded loaded;
    private final DesignDocument document;
    private final ReadOnlyObjectProperty<Results> results;
    private final Assumptions startAssumptions;
    private final ReadOnlyIntegerWrapper index = new ReadOnlyIntegerWrapper(this, "index", 0);
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper(this, "text", "");
    private final ReadOnlyObjectWrapper<Integer> chosen = new ReadOnlyObjectWrapper<>(this, "chosen", null);
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ChangeListener<Object> refresh = (o, was, now) -> refreshText();

    /**
     * @param results          the window's results, whose numbers the text quotes
     * @param startAssumptions the cost and facility assumptions the lesson starts from
     */
    public LessonModel(LessonFiles.Loaded loaded, DesignDocument document, ReadOnlyObjectProperty<Results> results,
                       Assumptions startAssumptions) {
        this.loaded = loaded;
        this.document = document;
        this.results = results;
        this.startAssumptions = startAssumptions;
        results.addListener(refresh);
        document.stateProperty().addListener(refresh);
    }

    /** Opens the lesson's design in the document (replacing what it showed) and enters the first step. */
    public void start() {
        document.replace(new DocState(loaded.start(), startAssumptions), null);
        index.set(0);
        enter(0);
    }

    public Lesson lesson() {
        return loaded.lesson();
    }

    public String id() {
        return loaded.id();
    }

    public ReadOnlyIntegerProperty indexProperty() {
        return index.getReadOnlyProperty();
    }

    public int index() {
        return index.get();
    }

    public Lesson.Step step() {
        return lesson().steps().get(index.get());
    }

    public boolean isFirst() {
        return index.get() == 0;
    }

    public boolean isLast() {
        return index.get() == lesson().steps().size() - 1;
    }

    /** The step's text with the live numbers in it. */
    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    /** The choice picked for this step's question; null before one is picked. */
    public ReadOnlyObjectProperty<Integer> chosenProperty() {
        return chosen.getReadOnlyProperty();
    }

    /** Why a knob could not be turned (the design was edited so that its value no longer fits); empty when none. */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Picks answer {@code choice} (from 0) of this step's question; its feedback is then shown. */
    public void answer(int choice) {
        Lesson.Question q = step().question();
        if (q == null || choice < 0 || choice >= q.choices().size()) {
            throw new IllegalArgumentException("no choice " + choice + " on this step");
        }
        chosen.set(choice);
    }

    /** The feedback for the picked choice; empty before one is picked. */
    public String feedback() {
        Integer c = chosen.get();
        return c == null || step().question() == null ? "" : step().question().choices().get(c).feedback();
    }

    public boolean answeredRight() {
        Integer c = chosen.get();
        return c != null && step().question() != null && step().question().isRight(c);
    }

    public void next() {
        if (!isLast()) {
            index.set(index.get() + 1);
            enter(index.get());
        }
    }

    public void back() {
        if (isFirst()) {
            return;
        }
        Knob k = step().knob();
        int to = index.get() - 1;
        if (k != null) {
            turn(Knob.current(k.kind(), replay(to)));
        }
        index.set(to);
        chosen.set(null);
        refreshText();
    }

    /** Stops following the results. */
    public void close() {
        results.removeListener(refresh);
        document.stateProperty().removeListener(refresh);
    }

    private void enter(int i) {
        chosen.set(null);
        problem.set("");
        Knob k = lesson().steps().get(i).knob();
        if (k != null) {
            turn(k);
        }
        refreshText();
    }

    private void turn(Knob k) {
        try {
            var command = k.command(document.state());
            if (!command.apply(document.state()).equals(document.state())) {
                document.execute(command);
            }
        } catch (InputException e) {
            problem.set("Cannot set " + k.name() + " here: " + e.getMessage());
        }
    }

    /** The document state after the knobs of steps 0..{@code to}, from the lesson's start. */
    private DocState replay(int to) {
        DocState s = new DocState(loaded.start(), startAssumptions);
        for (int i = 0; i <= to; i++) {
            Knob k = lesson().steps().get(i).knob();
            if (k != null) {
                s = k.command(s).apply(s);
            }
        }
        return s;
    }

    private void refreshText() {
        Results r = results.get();
        text.set(LessonNumbers.fill(step().text(), r == null || r.input() == null || !r.input().equals(document.state()) ? null : r.numbers()));
    }
}
