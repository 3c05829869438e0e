package io.tokenrack.app;

import java.nio.file.Path;
import java.util.Optional;

/** The questions the app asks the user: which file, whether to discard changes, and errors. Scripted in tests. */
public interface Dialogs {
    /** What to do with unsaved changes. */
    enum Discard { SAVE, DISCARD, CANCEL }

    Optional<Path> chooseOpen(String title, String extensionDescription, String extension, Path initialDir);

    Optional<Path> chooseSave(String title, String extensionDescription, String extension, String suggestedName, Path initialDir);

    Discard confirmDiscard(String designName);

    void error(String title, String message);

    /**
     * Whether to restore a design with unsaved changes that the last session left behind.
     *
     * @param originalFile the file it belongs to, null when it was never saved
     */
    boolean confirmRestore(String designName, String savedAt, Path originalFile);
}
