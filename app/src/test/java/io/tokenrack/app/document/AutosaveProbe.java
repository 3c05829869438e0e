package io.tokenrack.app.document;

import io.tokenrack.engine.design.RackDesign;
import java.nio.file.Path;
import java.util.List;

/**
 * A window's autosave in a process of its own, for the kill -9 tests: {@code hold FOLDER NAME}
 * keeps an unsaved design called NAME in a copy of its own, prints "ready" and waits to be
 * killed; {@code list FOLDER} prints the name of each design a new start would offer back.
 */
public final class AutosaveProbe {
    private AutosaveProbe() {}

    public static void main(String[] args) throws Exception {
        AutosaveFolder folder = new AutosaveFolder(Path.of(args[1]), Runnable::run);
        switch (args[0]) {
            case "hold" -> {
                Autosave mine = folder.open();
                mine.update(new RackDesign(RackDesign.CURRENT_VERSION, args[2], null, List.of(), null), null, true);
                System.out.println("ready " + mine.file());
                System.out.flush();
                Thread.sleep(Long.MAX_VALUE);
            }
            case "list" -> {
                for (Autosave a : folder.orphans()) {
                    System.out.println(a.load().orElseThrow().design().name());
                    a.release();
                }
            }
            default -> throw new IllegalArgumentException("hold FOLDER NAME | list FOLDER");
        }
    }
}
