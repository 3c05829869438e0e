package io.tokenrack.app;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

/** {@link Dialogs} with the platform's file choosers and alerts. */
public final class FxDialogs implements Dialogs {
    private final Supplier<Window> owner;

    public FxDialogs(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Optional<Path> chooseOpen(String title, String description, String extension, Path initialDir) {
        FileChooser fc = chooser(title, description, extension, initialDir);
        File f = fc.showOpenDialog(owner.get());
        return Optional.ofNullable(f).map(File::toPath);
    }

    @Override
    public Optional<Path> chooseSave(String title, String description, String extension, String suggestedName, Path initialDir) {
        FileChooser fc = chooser(title, description, extension, initialDir);
        fc.setInitialFileName(suggestedName);
        File f = fc.showSaveDialog(owner.get());
        if (f == null) {
            return Optional.empty();
        }
        Path p = f.toPath();
        if (!p.getFileName().toString().toLowerCase(java.util.Locale.ROOT).endsWith(extension)) {
            p = p.resolveSibling(p.getFileName() + extension);
        }
        return Optional.of(p);
    }

    @Override
    public Discard confirmDiscard(String designName) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        ButtonType cancel = new ButtonType("Cancel", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "\"" + designName + "\" has unsaved changes. Save them first?", save, discard, cancel);
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save changes to \"" + designName + "\"?");
        a.initOwner(owner.get());
        ButtonType answer = a.showAndWait().orElse(cancel);
        return answer == save ? Discard.SAVE : answer == discard ? Discard.DISCARD : Discard.CANCEL;
    }

    @Override
    public boolean confirmRestore(String designName, String savedAt, Path originalFile) {
        ButtonType restore = new ButtonType("Restore", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard them", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "TokenRack did not close normally. \"" + designName + "\""
                + (originalFile == null ? " (never saved)" : " (" + originalFile + ")") + " had unsaved changes, last kept "
                + when(savedAt) + ". Restore them?", restore, discard);
        a.setTitle("Restore unsaved changes");
        a.setHeaderText("Restore unsaved changes to \"" + designName + "\"?");
        a.initOwner(owner.get());
        a.getDialogPane().setPrefWidth(560);
        return a.showAndWait().orElse(discard) == restore;
    }

    /** "on 27 Nov 2026 at 09:50" in the local time zone, or the text as given when it is not a date-time. */
    static String when(String isoDateTime) {
        try {
            var t = java.time.OffsetDateTime.parse(isoDateTime).atZoneSameInstant(java.time.ZoneId.systemDefault());
            return t.format(java.time.format.DateTimeFormatter.ofPattern("'on' d MMM yyyy 'at' HH:mm", java.util.Locale.ENGLISH));
        } catch (java.time.format.DateTimeParseException e) {
            return "at " + isoDateTime;
        }
    }

    @Override
    public void error(String title, String message) {
        Alert a = new Alert(Alert.AlertType.ERROR, message, ButtonType.OK);
        a.setTitle(title);
        a.setHeaderText(title);
        a.initOwner(owner.get());
        a.getDialogPane().setPrefWidth(560);
        a.showAndWait();
    }

    private static FileChooser chooser(String title, String description, String extension, Path initialDir) {
        FileChooser fc = new FileChooser();
        fc.setTitle(title);
        fc.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*" + extension));
        if (initialDir != null && Files.isDirectory(initialDir)) {
            fc.setInitialDirectory(initialDir.toFile());
        }
        return fc;
    }
}
