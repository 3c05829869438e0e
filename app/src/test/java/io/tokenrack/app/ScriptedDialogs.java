package io.tokenrack.app;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/** Dialogs answered from a script, recording what was asked: no native windows in tests. */
public final class ScriptedDialogs implements Dialogs {
    public final Deque<Path> openAnswers = new ArrayDeque<>();
    public final Deque<Path> saveAnswers = new ArrayDeque<>();
    public Discard discardAnswer = Discard.CANCEL;
    public boolean restoreAnswer = false;
    public final List<String> asked = new ArrayList<>();
    public final List<String> errors = new ArrayList<>();

    @Override
    public Optional<Path> chooseOpen(String title, String description, String extension, Path initialDir) {
        asked.add("open: " + title);
        return Optional.ofNullable(openAnswers.poll());
    }

    @Override
    public Optional<Path> chooseSave(String title, String description, String extension, String suggestedName, Path initialDir) {
        asked.add("save: " + title + " [" + suggestedName + "]");
        return Optional.ofNullable(saveAnswers.poll());
    }

    @Override
    public Discard confirmDiscard(String designName) {
        asked.add("discard: " + designName);
        return discardAnswer;
    }

    @Override
    public boolean confirmRestore(String designName, String savedAt, Path originalFile) {
        asked.add("restore: " + designName + " [" + originalFile + "]");
        return restoreAnswer;
    }

    @Override
    public void error(String title, String message) {
        errors.add(title + ": " + message);
    }
}
