package io.tokenrack.app.palette;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Fixtures;
import io.tokenrack.app.theme.KindStyle;
import java.util.List;
import org.junit.jupiter.api.Test;

class PaletteModelTest {
    private final PaletteModel model = new PaletteModel(Fixtures.catalog());

    @Test
    void onlyRackItemsAndRacksAreOfferedGroupedByKind() {
        assertEquals(List.of(KindStyle.COMPUTE, KindStyle.NETWORK, KindStyle.COOLING, KindStyle.POWER, KindStyle.RACK),
                model.groups().stream().map(PaletteModel.Group::kind).toList());
        assertTrue(model.visibleEntries().stream().noneMatch(e -> e.item().id().equals("h100-sxm")), "chips are not rack items");
        assertTrue(model.visibleEntries().stream().noneMatch(e -> e.item().id().equals("llama-3.1-8b")), "nor are models");
        var switchTray = model.visibleEntries().stream().filter(e -> e.item().id().equals("nvlink-switch-tray")).findFirst().orElseThrow();
        assertEquals(KindStyle.NETWORK, switchTray.kind(), "switch trays sit with the network");
    }

    @Test
    void summariesAndTooltipsCarrySpecsAndSources() {
        var dgx = model.visibleEntries().stream().filter(e -> e.item().id().equals("dgx-h100")).findFirst().orElseThrow();
        assertEquals("8U · 8 × H100 SXM 80GB · 10.2 kW", dgx.detail());
        assertTrue(dgx.tooltip().contains("80 GB at 3.35 TB/s"), dgx.tooltip());
        assertTrue(dgx.tooltip().contains("TDP 700 W each"), dgx.tooltip());
        assertTrue(dgx.tooltip().contains("Sources:\n  • NVIDIA DGX H100 user guide"), dgx.tooltip());
    }

    @Test
    void searchMatchesNameIdSummaryOrKindInAnyCase() {
        model.search("LIQUID");
        assertEquals(List.of("gb200-tray", "nvlink-switch-tray", "cdu-inrack", "rack-48u-liquid"),
                model.visibleEntries().stream().map(e -> e.item().id()).toList());
        model.search("cooling");
        assertEquals(List.of(KindStyle.COOLING), model.groups().stream().map(PaletteModel.Group::kind).toList());
        model.search("  ");
        assertEquals(5, model.groups().size());
    }

    @Test
    void aServerWithoutAPublishedMaximumShowsAnEstimateWithAnAssumedHost() {
        PaletteModel presets = new PaletteModel(io.tokenrack.app.Presets.catalog());
        var gaudi = presets.visibleEntries().stream().filter(e -> e.item().id().equals("hls-gaudi3")).findFirst().orElseThrow();
        // 8 × Gaudi 3 at 900 W TDP + 8 × 575 W assumed host = 11,800 W; the server's own maximum is unpublished
        assertTrue(gaudi.detail().contains("≈ 11.8 kW (assumed host)"), gaudi.detail());
    }
}
