package io.tokenrack.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;

/**
 * For tests that drive the window with real input from outside the JVM (an X server and a
 * synthetic mouse): with {@code -Dtokenrack.uiProbe=FILE} the window writes, after every pulse that
 * changed it, where the palette entries, racks and placed items are on screen and what the canvas
 * says, so a script can aim the mouse and check the outcome. Nothing is written without the property.
 *
 * <p>One line per node, {@code node ID X Y WIDTH HEIGHT TEXT} (screen pixels of its bounds, rounded;
 * TEXT is its accessible text), then {@code message TEXT} (the canvas message line). The file is
 * replaced atomically, so a reader never sees half of it.
 */
final class UiProbe {
    static final String PROPERTY = "tokenrack.uiProbe";
    private static final System.Logger LOG = System.getLogger(UiProbe.class.getName());
    private static final String[] PREFIXES = {"palette-item-", "rack-elevation-", "rack-0u-", "item-", "canvas-row"};

    private final Scene scene;
    private final Path file;
    private String last = "";

    private UiProbe(Scene scene, Path file) {
        this.scene = scene;
        this.file = file;
    }

    /** Starts writing {@code scene}'s layout to the file the system property names, if it names one. */
    static void attachIfRequested(Scene scene) {
        String target = System.getProperty(PROPERTY);
        if (target == null || target.isBlank()) {
            return;
        }
        UiProbe probe = new UiProbe(scene, Path.of(target).toAbsolutePath());
        scene.addPostLayoutPulseListener(probe::write);
    }

    private void write() {
        StringBuilder out = new StringBuilder();
        collect(scene.getRoot(), out);
        if (scene.lookup("#canvas-message") instanceof Labeled message) {
            out.append("message ").append(oneLine(message.getText())).append('\n');
        }
        String now = out.toString();
        if (now.equals(last)) {
            return;
        }
        last = now;
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, now, StandardCharsets.UTF_8);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "cannot write the UI probe " + file + ": " + e.getMessage());
        }
    }

    private static void collect(Node node, StringBuilder out) {
        if (!node.isVisible()) {
            return;
        }
        String id = node.getId();
        if (id != null && wanted(id)) {
            Bounds b = node.localToScreen(node.getBoundsInLocal());
            if (b != null) {
                out.append(String.format(Locale.ROOT, "node %s %d %d %d %d %s%n", id, Math.round(b.getMinX()), Math.round(b.getMinY()),
                        Math.round(b.getWidth()), Math.round(b.getHeight()), oneLine(node.getAccessibleText())));
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }

    private static boolean wanted(String id) {
        for (String prefix : PREFIXES) {
            if (id.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static String oneLine(String text) {
        return text == null ? "" : text.replaceAll("\\s+", " ").strip();
    }
}
