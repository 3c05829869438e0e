package io.tokenrack.app.lesson;

import io.tokenrack.app.document.DesignFiles;
import io.tokenrack.app.document.DocState;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.ModelSpec;
import io.tokenrack.engine.catalog.PresetException;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.evaluate.Assumptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Reads {@link Lesson}s and the designs they open (relative to the lesson's folder), strictly: a bad
 * lesson is refused with file, field and reason before it starts, including a knob whose value the
 * design's workload would refuse at its step.
 */
public final class LessonFiles {
    /** The lessons shipped with the presets. */
    public static final String FOLDER = "lessons";

    private final Catalog catalog;

    public LessonFiles(Catalog catalog) {
        this.catalog = catalog;
    }

    /**
     * A lesson read.
     *
     * @param id     the file's name without ".json" (what --lesson names)
     * @param lesson the lesson
     * @param start  the design it opens, with the lesson's workload in it
     */
    public record Loaded(String id, Lesson lesson, RackDesign start) {}

    public Loaded read(Path file) {
        String name = file.toString();
        Lesson lesson = StrictJson.read(file, name, Lesson.class);
        if (lesson.workload() != null && catalog.find(lesson.workload().modelId(), ModelSpec.class).isEmpty()) {
            throw new PresetException(name, "workload.modelId", "no model '" + lesson.workload().modelId() + "' in the catalog");
        }
        Path designFile = file.toAbsolutePath().getParent().resolve(lesson.design()).normalize();
        if (!Files.isRegularFile(designFile)) {
            throw new PresetException(name, "design", "no design file " + lesson.design() + " beside the lesson");
        }
        RackDesign d = new DesignFiles(catalog).read(designFile);
        RackDesign start = lesson.workload() == null ? d : d.withWorkload(lesson.workload());
        // every knob, turned in order on the start, must give a valid workload
        DocState s = new DocState(start, Assumptions.defaults(catalog.facility()));
        for (int i = 0; i < lesson.steps().size(); i++) {
            Knob k = lesson.steps().get(i).knob();
            if (k != null) {
                try {
                    s = k.command(s).apply(s);
                } catch (InputException e) {
                    String msg = e.getMessage();
                    String field = msg.startsWith("value: ") ? "value" : "name";
                    throw new PresetException(name, "steps[" + i + "].knob." + field, msg.substring(msg.indexOf(": ") + 2));
                }
            }
        }
        String fileName = file.getFileName().toString();
        String id = fileName.endsWith(".json") ? fileName.substring(0, fileName.length() - 5) : fileName;
        return new Loaded(id, lesson, start);
    }

    /** Every lesson in {@code folder} (its *.json files), in file-name order. */
    public List<Loaded> readAll(Path folder) {
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list the lessons in " + folder + ": " + e.getMessage(), e);
        }
        List<Loaded> out = new ArrayList<>();
        for (Path f : files) {
            out.add(read(f));
        }
        return out;
    }

    /**
     * The lesson {@code id} among {@code all}: its exact id, or the id without its order prefix
     * ("roofline" for "1-roofline"); empty when none.
     */
    public static java.util.Optional<Loaded> find(List<Loaded> all, String id) {
        return all.stream().filter(l -> l.id().equals(id) || l.id().replaceFirst("^\\d+-", "").equals(id)).findFirst();
    }
}
