package io.tokenrack.app.document;

import com.fasterxml.jackson.core.type.TypeReference;
import io.tokenrack.engine.catalog.StrictJson;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The designs opened or saved lately, newest first, kept as a small JSON list in a file (by default
 * in the user's home). A missing or unreadable list is an empty one; it never stops the app.
 */
public final class RecentFiles {
    public static final int MAX = 8;
    private final Path store;
    private final ObservableList<Path> files = FXCollections.observableArrayList();
    private final ObservableList<Path> readOnly = FXCollections.unmodifiableObservableList(files);

    public RecentFiles(Path store) {
        this.store = store;
        files.setAll(load(store));
    }

    /** The list in {@code ~/.tokenrack/recent-files.json}. */
    public static RecentFiles inUserHome() {
        return new RecentFiles(io.tokenrack.engine.files.UserFolder.file("recent-files.json"));
    }

    public ObservableList<Path> files() {
        return readOnly;
    }

    public void add(Path file) {
        Path abs = file.toAbsolutePath().normalize();
        List<Path> next = new ArrayList<>(files);
        next.remove(abs);
        next.addFirst(abs);
        while (next.size() > MAX) {
            next.removeLast();
        }
        files.setAll(next);
        save();
    }

    public void remove(Path file) {
        if (files.remove(file.toAbsolutePath().normalize())) {
            save();
        }
    }

    private void save() {
        try {
            DesignFiles.writeAtomically(store, StrictJson.mapper().writeValueAsString(files.stream().map(Path::toString).toList()));
        } catch (IOException | RuntimeException e) {
            System.getLogger(RecentFiles.class.getName()).log(System.Logger.Level.WARNING,
                    "cannot save the recent files list to " + store + ": " + e.getMessage());
        }
    }

    private static List<Path> load(Path store) {
        if (!Files.isRegularFile(store)) {
            return List.of();
        }
        try {
            List<String> names = StrictJson.mapper().readValue(StrictJson.readBytes(store, store.toString()),
                    new TypeReference<List<String>>() {});
            return names.stream().limit(MAX).map(Path::of).toList();
        } catch (IOException | RuntimeException e) {
            System.getLogger(RecentFiles.class.getName()).log(System.Logger.Level.WARNING,
                    "ignoring an unreadable recent files list " + store + ": " + e.getMessage());
            return List.of();
        }
    }
}
