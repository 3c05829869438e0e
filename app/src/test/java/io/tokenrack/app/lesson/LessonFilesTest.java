package io.tokenrack.app.lesson;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.document.DocState;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.evaluate.Assumptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LessonFilesTest {
    /** The real presets (the lessons and the designs they open), not the test fixtures. */
    private static final Path PRESETS = Path.of(System.getProperty("tokenrack.presets.dir"));
    private static final Catalog CATALOG = CatalogLoader.load(PRESETS);
    private final LessonFiles files = new LessonFiles(CATALOG);

    private static final String GOOD = """
            {"formatVersion": 1, "title": "t", "design": "%s",
             "workload": {"modelId": "llama-3.1-70b", "precision": "fp8", "inputTokens": 128, "outputTokens": 128},
             "steps": [{"title": "s", "text": "%s", "knob": %s,
                        "question": {"prompt": "p", "choices": [{"text": "a", "feedback": "fa"}, {"text": "b", "feedback": "fb"}], "answer": %s}}]}
            """;

    @Test
    void theShippedLessonsReadInOrderAndEveryKnobChangesTheDesignOrItsAssumptions() {
        List<LessonFiles.Loaded> all = files.readAll(PRESETS.resolve(LessonFiles.FOLDER));
        assertEquals(List.of("1-roofline", "2-kv-cache", "3-batching", "4-power", "5-cost", "6-serving"),
                all.stream().map(LessonFiles.Loaded::id).toList());
        for (LessonFiles.Loaded l : all) {
            int steps = l.lesson().steps().size();
            assertTrue(steps >= 3 && steps <= 5, l.id() + ": a few steps, was " + steps);
            assertTrue(l.lesson().steps().stream().anyMatch(s -> s.question() != null), l.id() + " asks at least one question");
            DocState s = new DocState(l.start(), Assumptions.defaults(CATALOG.facility()));
            for (Lesson.Step step : l.lesson().steps()) {
                if (step.knob() != null) {
                    DocState next = step.knob().command(s).apply(s);
                    assertNotEquals(s, next, l.id() + ": step '" + step.title() + "' turns a knob that changes something");
                    s = next;
                }
            }
        }
        assertEquals("1-roofline", LessonFiles.find(all, "roofline").orElseThrow().id(), "found without its order number");
        assertTrue(LessonFiles.find(all, "nothing").isEmpty());
    }

    private Path write(Path dir, String design, String text, String knob, String answer) throws Exception {
        Path f = dir.resolve("lesson.json");
        Files.writeString(f, GOOD.formatted(design, text, knob, answer));
        return f;
    }

    private String refused(Path f) {
        return assertThrows(RuntimeException.class, () -> files.read(f)).getMessage();
    }

    @Test
    void aGoodLessonReadsWithItsWorkloadInTheDesign(@TempDir Path dir) throws Exception {
        Path designs = Files.createDirectories(dir.resolve("d"));
        Files.copy(PRESETS.resolve("designs/dgx-h100-4x-air.json"), designs.resolve("rack.json"));
        var l = files.read(write(dir, "d/rack.json", "{tokensPerSecond}", "{\"name\": \"concurrency\", \"value\": 4}", "1"));
        assertEquals("lesson", l.id());
        assertEquals(128, l.start().workload().inputTokens(), "the lesson's workload replaces the design's");
    }

    @Test
    void badLessonsAreRefusedNamingFileAndField(@TempDir Path dir) throws Exception {
        Files.copy(PRESETS.resolve("designs/dgx-h100-4x-air.json"), dir.resolve("rack.json"));
        String knob = "{\"name\": \"concurrency\", \"value\": 4}";

        String unknownKnob = refused(write(dir, "rack.json", "x", "{\"name\": \"gpus\", \"value\": 4}", "0"));
        assertTrue(unknownKnob.contains("lesson.json") && unknownKnob.contains("knob") && unknownKnob.contains("no knob 'gpus'"), unknownKnob);

        String wrongType = refused(write(dir, "rack.json", "x", "{\"name\": \"inputTokens\", \"value\": \"long\"}", "0"));
        assertTrue(wrongType.contains("value") && wrongType.contains("whole number"), wrongType);

        String outOfRange = refused(write(dir, "rack.json", "x", "{\"name\": \"utilization\", \"value\": 1.5}", "0"));
        assertTrue(outOfRange.contains("steps[0].knob.value") && outOfRange.contains("utilization"), outOfRange);

        String answer = refused(write(dir, "rack.json", "x", knob, "2"));
        assertTrue(answer.contains("answer") && answer.contains("not the index of a choice"), answer);

        String placeholder = refused(write(dir, "rack.json", "now {speed}", knob, "0"));
        assertTrue(placeholder.contains("text") && placeholder.contains("{speed}"), placeholder);

        String design = refused(write(dir, "nowhere.json", "x", knob, "0"));
        assertTrue(design.contains("design") && design.contains("nowhere.json"), design);

        Path extra = dir.resolve("extra.json");
        Files.writeString(extra, Files.readString(write(dir, "rack.json", "x", knob, "0")).replace("\"title\": \"t\"", "\"title\": \"t\", \"colour\": 1"));
        String unknownField = refused(extra);
        assertTrue(unknownField.contains("extra.json") && unknownField.contains("colour"), unknownField);
    }

    @Test
    void placeholdersShowPendingUntilThereAreNumbers() {
        assertEquals("at " + LessonNumbers.PENDING + " now", LessonNumbers.fill("at {tokensPerSecond} now", null));
        assertEquals(null, LessonNumbers.unknownPlaceholder("{tokensPerJoule} and {bottleneck}"));
        assertEquals("speed", LessonNumbers.unknownPlaceholder("{tokensPerJoule} and {speed}"));
    }
}
