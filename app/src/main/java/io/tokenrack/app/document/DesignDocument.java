package io.tokenrack.app.document;

import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.Assumptions;

import io.tokenrack.engine.design.RackDesign;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The open design: the only mutable state views touch, and only through {@link #execute} (each
 * edit a {@link DesignCommand}, undoable) or by replacing the whole document (new, open). Knows
 * its file and whether it has changes since it was last saved or opened.
 */
public final class DesignDocument {
    private record Step(DesignCommand command, DocState before, DocState after) {}

    private final ReadOnlyObjectWrapper<DocState> state = new ReadOnlyObjectWrapper<>(this, "state");
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper(this, "canUndo");
    private final ReadOnlyBooleanWrapper canRedo = new ReadOnlyBooleanWrapper(this, "canRedo");
    private final ReadOnlyStringWrapper undoText = new ReadOnlyStringWrapper(this, "undoText", "Undo");
    private final ReadOnlyStringWrapper redoText = new ReadOnlyStringWrapper(this, "redoText", "Redo");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final List<Step> steps = new ArrayList<>();
    private int applied;
    private int savedAt;

    public DesignDocument(DocState initial, Path file) {
        replace(initial, file);
    }

    // ---- read-only state

    public ReadOnlyObjectProperty<DocState> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public DocState state() {
        return state.get();
    }

    public RackDesign design() {
        return state.get().design();
    }

    public Assumptions assumptions() {
        return state.get().assumptions();
    }

    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path file() {
        return file.get();
    }

    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canRedoProperty() {
        return canRedo.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty undoTextProperty() {
        return undoText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty redoTextProperty() {
        return redoText.getReadOnlyProperty();
    }

    /** "name — file.json" with a bullet when there are unsaved changes. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    // ---- commands

    /**
     * Applies an edit and records it for undo. Throws {@link InputException} (the
     * document unchanged) when the edit cannot be made. An edit that changes nothing is not recorded.
     */
    public void execute(DesignCommand command) {
        Objects.requireNonNull(command, "command");
        DocState before = state.get();
        DocState after = command.apply(before);
        if (after.equals(before)) {
            return;
        }
        while (steps.size() > applied) {
            steps.removeLast();
        }
        if (savedAt > applied) {
            savedAt = -1;
        }
        steps.add(new Step(command, before, after));
        applied++;
        state.set(after);
        refresh();
    }

    public void undo() {
        if (applied == 0) {
            return;
        }
        applied--;
        state.set(steps.get(applied).before());
        refresh();
    }

    public void redo() {
        if (applied == steps.size()) {
            return;
        }
        state.set(steps.get(applied).after());
        applied++;
        refresh();
    }

    /** A new or opened document: the history is cleared and it counts as saved. */
    public void replace(DocState newState, Path newFile) {
        Objects.requireNonNull(newState, "state");
        steps.clear();
        applied = 0;
        savedAt = 0;
        file.set(newFile);
        state.set(newState);
        refresh();
    }

    /**
     * A design recovered after a crash: it belongs to {@code originalFile} (null: never saved) but
     * is not saved there, so it counts as changed; the history starts here.
     */
    public void restore(DocState recovered, Path originalFile) {
        replace(recovered, originalFile);
        savedAt = -1;
        refresh();
    }

    /** The current state was written to {@code savedFile}. */
    public void markSaved(Path savedFile) {
        file.set(savedFile);
        savedAt = applied;
        refresh();
    }

    private void refresh() {
        dirty.set(savedAt != applied);
        canUndo.set(applied > 0);
        canRedo.set(applied < steps.size());
        undoText.set(applied > 0 ? "Undo " + steps.get(applied - 1).command().description() : "Undo");
        redoText.set(applied < steps.size() ? "Redo " + steps.get(applied).command().description() : "Redo");
        String where = file.get() == null ? "not saved yet" : file.get().getFileName().toString();
        title.set(design().name() + " — " + where + (dirty.get() ? " • unsaved changes" : ""));
    }
}
