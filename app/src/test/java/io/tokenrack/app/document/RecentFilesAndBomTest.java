package io.tokenrack.app.document;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesAndBomTest {
    @TempDir
    Path dir;

    @Test
    void recentFilesAreNewestFirstWithoutDuplicatesAndSurviveARestart() {
        Path store = dir.resolve("recent.json");
        RecentFiles recent = new RecentFiles(store);
        for (int i = 0; i < RecentFiles.MAX + 2; i++) {
            recent.add(dir.resolve("d" + i + ".json"));
        }
        recent.add(dir.resolve("d3.json"));
        assertEquals(RecentFiles.MAX, recent.files().size());
        assertEquals(dir.resolve("d3.json"), recent.files().getFirst());
        assertEquals(recent.files(), new RecentFiles(store).files());
    }

    @Test
    void anUnreadableListIsEmpty() throws Exception {
        Path store = dir.resolve("recent.json");
        Files.writeString(store, "{not json");
        assertTrue(new RecentFiles(store).files().isEmpty());
    }

    @Test
    void theBillOfMaterialsListsEveryItemWithPowerAndTotals() {
        String csv = new BillOfMaterials(Fixtures.catalog()).toCsv(Fixtures.exampleDesign());
        String[] lines = csv.split("\n");
        assertEquals(1 + 1 + 5 + 1, lines.length, csv);
        assertTrue(lines[2].startsWith("Rack A1,dgx-1,dgx-h100,DGX H100,server,2,8,1,10200,130,270000,"), lines[2]);
        // 4 × 10,200 W + 1,700 W = 42,500 W; 4 × 130 kg + 15 kg = 535 kg; 4 × $270,000 = $1,080,000
        assertTrue(lines[7].startsWith("TOTAL,,,,,,,,42500,535,1080000,"), lines[7]);
    }

    @Test
    void aServerWithoutAPublishedMaximumSaysItsPowerIsAssumed() {
        var catalog = io.tokenrack.app.Presets.catalog();
        var rack = new io.tokenrack.engine.design.RackInstance("r", "R", "air-42u-30kw",
                java.util.List.of(new io.tokenrack.engine.design.Placement("g", "hls-gaudi3", 1, null)));
        var design = new io.tokenrack.engine.design.RackDesign(io.tokenrack.engine.design.RackDesign.CURRENT_VERSION, "D", null,
                java.util.List.of(rack), null);

        BillOfMaterials.Line line = new BillOfMaterials(catalog).lines(design).get(1);

        // 8 × 900 W TDP + 8 × 575 W assumed host
        assertEquals(11_800, line.maxPowerWatts(), 1e-9);
        assertTrue(line.source().endsWith("; max power not published: accelerators' TDP plus an assumed host of 575 W per accelerator"),
                line.source());
    }
}
