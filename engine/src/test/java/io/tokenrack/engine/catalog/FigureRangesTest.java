package io.tokenrack.engine.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import io.tokenrack.engine.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A catalog figure given as a range (low–high with provenance), and per-figure provenance: read strictly. */
class FigureRangesTest {
    @TempDir
    Path tmp;

    private static final String ENTRY = """
            {
              "formatVersion": 1,
              "accelerators": [
                {
                  "id": "acc-ranged",
                  "name": "Ranged",
                  "vendor": "Test",
                  "availability": "announced",
                  "formFactor": "module",
                  "bf16DenseTflops": 1000,
                  "memoryGB": 100,
                  "memBandwidthTBps": 4,
                  "tdpWatts": 1000,
                  "cooling": "liquid",
                  %s
                  "sources": ["test"]
                }
              ]
            }
            """;

    private Catalog load(String extra) throws IOException {
        Path presets = Fixtures.copyOfPresets(tmp);
        Files.writeString(presets.resolve("hardware").resolve("zz-ranged.json"), ENTRY.formatted(extra));
        return CatalogLoader.load(presets);
    }

    @Test
    void aRangeAndProvenanceAreReadWithTheEntry() throws IOException {
        Catalog c = load("""
                "provenance": {"tdpWatts": "filed"},
                "ranges": {"memBandwidthTBps": {"low": 3.5, "high": 4.5, "provenance": "announced", "note": "two pages disagree"}},
                """);
        ItemFigures f = c.figures("acc-ranged");
        assertEquals(new FigureRange(3.5, 4.5, FigureProvenance.ANNOUNCED, "two pages disagree"), f.ranges().get("memBandwidthTBps"));
        assertEquals(FigureProvenance.FILED, f.provenanceOf("tdpWatts"));
        assertEquals(FigureProvenance.ANNOUNCED, f.provenanceOf("memBandwidthTBps"));
        assertEquals(FigureProvenance.DATASHEET, f.provenanceOf("memoryGB"));
        assertEquals(4.0, c.accelerator("acc-ranged").memBandwidthTBps()); // the entry's own value is the nominal one
        assertTrue(c.rangedIds().contains("acc-ranged"));
        assertEquals(ItemFigures.NONE, c.figures("acc-liquid"));
    }

    @Test
    void anEntryAtOneEndOfItsRangeChangesOnlyThatFigure() throws IOException {
        Catalog c = load("""
                "ranges": {"memBandwidthTBps": {"low": 3.5, "high": 4.5, "provenance": "announced"}},
                """);
        AcceleratorSpec a = c.accelerator("acc-ranged");
        AcceleratorSpec low = ItemFigures.withFigure(a, "memBandwidthTBps", 3.5);
        assertEquals(3.5, low.memBandwidthTBps());
        assertEquals(a.tdpWatts(), low.tdpWatts());
        assertEquals(a.sources(), low.sources());
    }

    static Stream<Arguments> badRanges() {
        return Stream.of(
                Arguments.of("\"ranges\": {\"memBandwidthTBps\": {\"low\": 5, \"high\": 6, \"provenance\": \"announced\"}},",
                        "accelerators[0].ranges.memBandwidthTBps", "the entry's value 4.0 is outside the range 5.0 to 6.0"),
                Arguments.of("\"ranges\": {\"memBandwidthTBps\": {\"low\": 4.5, \"high\": 3.5, \"provenance\": \"announced\"}},",
                        "accelerators[0].ranges.memBandwidthTBps.high", "must be above low (4.5), was 3.5"),
                Arguments.of("\"ranges\": {\"memBandwidthTBps\": {\"low\": 3.5, \"high\": 4.5}},",
                        "accelerators[0].ranges.memBandwidthTBps.provenance", "missing: say where the range comes from"),
                Arguments.of("\"ranges\": {\"memBandwidthTBps\": {\"low\": \"3.5\", \"high\": 4.5, \"provenance\": \"announced\"}},",
                        "accelerators[0].ranges.memBandwidthTBps.low", "must be a number, was \"3.5\""),
                Arguments.of("\"ranges\": {\"memBandwidthTBps\": {\"low\": 3.5, \"high\": 4.5, \"provenance\": \"rumour\"}},",
                        "accelerators[0].ranges.memBandwidthTBps.provenance", "must be one of datasheet, filed, announced, secondary, assumption, was 'rumour'"),
                Arguments.of("\"ranges\": {\"memBandwidthTBps\": {\"low\": 3.5, \"high\": 4.5, \"provenance\": \"announced\", \"mid\": 4}},",
                        "accelerators[0].ranges.memBandwidthTBps.mid", "unknown field (a range has low, high, provenance and note)"),
                Arguments.of("\"ranges\": {\"priceUsdEstimate\": {\"low\": 1, \"high\": 2, \"provenance\": \"assumption\"}},",
                        "accelerators[0].ranges.priceUsdEstimate", "the entry gives no 'priceUsdEstimate'"),
                Arguments.of("\"ranges\": {\"tdpWatts\": {\"low\": 900, \"high\": 1e9, \"provenance\": \"assumption\"}},",
                        "accelerators[0].ranges.tdpWatts", "1000000000 is not plausible for acc-ranged"),
                Arguments.of("\"provenance\": {\"tdpWatts\": \"guess\"},",
                        "accelerators[0].provenance.tdpWatts", "must be one of datasheet"),
                Arguments.of("\"provenance\": {\"vendor\": \"filed\"},",
                        "accelerators[0].provenance.vendor", "'vendor' is not a number"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("badRanges")
    void aBadRangeNamesFileFieldAndReason(String extra, String field, String reason) throws IOException {
        PresetException e = assertThrows(PresetException.class, () -> load(extra));
        assertTrue(e.file().endsWith("zz-ranged.json"), e.getMessage());
        assertEquals(field, e.field(), e.getMessage());
        assertTrue(e.reason().startsWith(reason), e.getMessage());
        assertTrue(e.line() > 0, e.getMessage());
    }

}
