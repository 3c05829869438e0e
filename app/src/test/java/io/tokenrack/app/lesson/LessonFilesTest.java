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

    /** Each step's numbers, the lesson's knobs turned in order, from the real engine. */
    private static List<io.tokenrack.engine.evaluate.Evaluation.Ok> numbersPerStep(LessonFiles.Loaded l, Path temp) {
        var engine = io.tokenrack.app.Presets.context(new io.tokenrack.app.ScriptedDialogs(), temp, Runnable::run).resultsEngine();
        DocState s = new DocState(l.start(), Assumptions.defaults(CATALOG.facility()));
        List<io.tokenrack.engine.evaluate.Evaluation.Ok> out = new java.util.ArrayList<>();
        for (Lesson.Step step : l.lesson().steps()) {
            if (step.knob() != null) {
                s = step.knob().command(s).apply(s);
            }
            var r = engine.compute(s);
            assertTrue(r.numbers() != null, l.id() + ": step '" + step.title() + "' has numbers: " + r.message());
            String text = LessonNumbers.fill(step.text(), r.numbers());
            assertTrue(!text.contains(LessonNumbers.PENDING) && !text.contains("NaN"), l.id() + ": " + text);
            out.add(r.numbers());
        }
        return out;
    }

    /** What the shipped lessons' texts and answers say the numbers do, checked against the engine. */
    @Test
    void everyStepOfEveryShippedLessonHasNumbersThatBehaveAsItsTextSays(@TempDir Path temp) {
        var byId = new java.util.HashMap<String, List<io.tokenrack.engine.evaluate.Evaluation.Ok>>();
        for (LessonFiles.Loaded l : files.readAll(PRESETS.resolve(LessonFiles.FOLDER))) {
            byId.put(l.id(), numbersPerStep(l, temp));
        }
        var roof = byId.get("1-roofline");
        assertEquals(io.tokenrack.engine.evaluate.Bottleneck.MEMORY_BANDWIDTH, roof.get(0).bottleneck());
        assertEquals(io.tokenrack.engine.evaluate.Bottleneck.MEMORY_BANDWIDTH, roof.get(1).bottleneck());
        assertEquals(io.tokenrack.engine.evaluate.Bottleneck.COMPUTE, roof.get(2).bottleneck());
        double gain = roof.get(1).throughput().outputTokensPerSecond() / roof.get(0).throughput().outputTokensPerSecond();
        assertTrue(gain > 45 && gain < 64, "\"about 60-fold\": " + gain);
        assertTrue(roof.get(1).throughput().tokensPerSecondPerUser() > 0.85 * roof.get(0).throughput().tokensPerSecondPerUser(), "per user barely falls");

        var kv = byId.get("2-kv-cache");
        assertEquals(io.tokenrack.engine.evaluate.Bottleneck.MEMORY_CAPACITY, kv.get(0).bottleneck());
        for (int i = 1; i < kv.size(); i++) {
            assertTrue(kv.get(i).plan().maxConcurrency() < kv.get(i - 1).plan().maxConcurrency(), "fewer requests fit at step " + (i + 1));
        }
        double halved = (double) kv.get(3).plan().maxConcurrency() / kv.get(2).plan().maxConcurrency();
        assertTrue(halved > 0.4 && halved < 0.6, "BF16 KV roughly halves the requests that fit: " + halved);

        var batch = byId.get("3-batching");
        assertTrue(batch.get(1).throughput().outputTokensPerSecond() > batch.get(0).throughput().outputTokensPerSecond());
        double dearer = batch.get(2).cost().usdPerMillionOutputTokens() / batch.get(1).cost().usdPerMillionOutputTokens();
        assertTrue(dearer > 3, "100 tokens/s per user costs several times 20: " + dearer);

        var power = byId.get("4-power");
        double output = power.get(1).throughput().outputTokensPerSecond() / power.get(0).throughput().outputTokensPerSecond();
        double watts = power.get(1).power().itWatts() / power.get(0).power().itWatts();
        assertTrue(output > 70, "output rose almost a hundredfold: " + output);
        assertTrue(watts > 1.5 && watts < 3, "power roughly doubled: " + watts);
        assertTrue(power.get(2).efficiency().outputTokensPerJoule() < power.get(1).efficiency().outputTokensPerJoule(), "FP8 makes fewer tokens per joule");

        var cost = byId.get("5-cost");
        double idle = cost.get(1).cost().usdPerMillionOutputTokens() / cost.get(0).cost().usdPerMillionOutputTokens();
        assertEquals(0.7 / 0.3, idle, 0.1, "utilization 70 % → 30 %");
        assertTrue(cost.get(2).cost().usdPerMillionOutputTokens() < cost.get(0).cost().usdPerMillionOutputTokens());
        assertTrue(cost.get(0).cost().energyUsdPerHour() < 0.2 * cost.get(0).cost().totalUsdPerHour(), "electricity is a small share");
        double electricity = cost.get(3).cost().usdPerMillionOutputTokens() / cost.get(2).cost().usdPerMillionOutputTokens();
        assertTrue(electricity > 1 && electricity < 1.15, "a small rise: " + electricity);

        var serving = byId.get("6-serving");
        assertTrue(serving.get(1).latency().ttftSeconds() < 0.5 * serving.get(0).latency().ttftSeconds(), "the prefix cache cuts TTFT");
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
