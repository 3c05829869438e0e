package io.tokenrack.app.present;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.workload.Precision;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeckFilesTest {
    /** The real presets (the deck and the designs it names), not the test fixtures. */
    private static final Path PRESETS = Path.of(System.getProperty("tokenrack.presets.dir"));
    private final DeckFiles files = new DeckFiles(io.tokenrack.engine.catalog.CatalogLoader.load(PRESETS));

    @Test
    void theShippedDeckServesOneWorkloadOnEverySlideChangingOnlyThePrecisionWhereAsked() {
        DeckFiles.Loaded d = files.read(PRESETS.resolve(DeckFiles.GTC_2026));
        assertEquals(5, d.scenarios().size(), "Hopper, GB200, GB300, Vera Rubin, Vera Rubin + LPX");
        var deckWorkload = d.deck().workload();
        for (int i = 0; i < d.scenarios().size(); i++) {
            var w = d.scenarios().get(i).design().workload();
            Precision p = d.deck().slides().get(i).precision();
            assertEquals(deckWorkload.withPrecision(p == null ? deckWorkload.precision() : p), w, "slide " + i);
        }
        assertEquals(Precision.FP8, d.scenarios().getFirst().design().workload().precision(), "Hopper serves FP8");
    }

    @Test
    void aSlideWhoseDesignIsMissingIsRefusedNamingTheField(@TempDir Path dir) throws Exception {
        Path deck = dir.resolve("deck.json");
        Files.writeString(deck, """
                {"formatVersion": 1, "title": "t",
                 "workload": {"modelId": "llama-3.1-70b", "precision": "fp8", "inputTokens": 128, "outputTokens": 128},
                 "slides": [{"title": "one", "design": "nowhere.json"}]}
                """);
        RuntimeException e = assertThrows(RuntimeException.class, () -> files.read(deck));
        assertTrue(e.getMessage().contains("slides[0].design") && e.getMessage().contains("nowhere.json"), e.getMessage());
    }

    @Test
    void anEmptyDeckAndAnUnknownChartAreRefused(@TempDir Path dir) throws Exception {
        Path empty = dir.resolve("empty.json");
        Files.writeString(empty, """
                {"formatVersion": 1, "title": "t",
                 "workload": {"modelId": "llama-3.1-70b", "precision": "fp8", "inputTokens": 128, "outputTokens": 128},
                 "slides": []}
                """);
        RuntimeException e = assertThrows(RuntimeException.class, () -> files.read(empty));
        assertTrue(e.getMessage().contains("at least one slide"), e.getMessage());
        Path chart = dir.resolve("chart.json");
        Files.writeString(chart, Files.readString(empty).replace("\"slides\": []", "\"chart\": \"pie\", \"slides\": [{\"title\": \"a\", \"design\": \"x.json\"}]"));
        RuntimeException c = assertThrows(RuntimeException.class, () -> files.read(chart));
        assertTrue(c.getMessage().contains("chart") && c.getMessage().contains("pie"), c.getMessage());
    }
}
