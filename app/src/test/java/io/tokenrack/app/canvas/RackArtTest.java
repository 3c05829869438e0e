package io.tokenrack.app.canvas;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.app.Presets;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.ServerSpec;
import io.tokenrack.engine.evaluate.Bottleneck;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RackArtTest {
    @Test
    void everyFamilyHasArtWithAFaceToDraw() {
        for (RackArt.Family f : RackArt.Family.values()) {
            List<RackArt.Part> parts = RackArt.parts(f);
            assertFalse(parts.isEmpty(), f + " has no art in assets/rack-art/" + f.file + ".svg");
            assertTrue(parts.stream().allMatch(p -> p.path().startsWith("M")), f + ": path data starts with a move");
        }
    }

    @Test
    void pathsAreReadWithTheirClassInOrder() {
        String svg = """
                <svg viewBox="0 0 483 44"><title>x</title>
                  <path class="bay" d="M1 2h3v4h-3z"/>
                  <rect x="0"/>
                  <path class="led"  d="M9 9h1v1h-1z" />
                </svg>""";
        assertEquals(List.of(new RackArt.Part("bay", "M1 2h3v4h-3z"), new RackArt.Part("led", "M9 9h1v1h-1z")), RackArt.parse(svg));
    }

    @Test
    void theCatalogsTraysAndSwitchTraysGetTheirOwnFamilies() {
        Catalog catalog = Presets.catalog();
        Set<RackArt.Family> families = catalog.all().stream().map(RackArt.Family::of).collect(Collectors.toSet());
        assertTrue(families.containsAll(Set.of(RackArt.Family.GPU_TRAY, RackArt.Family.SWITCH_TRAY, RackArt.Family.GPU_SERVER,
                RackArt.Family.COOLING, RackArt.Family.NETWORK)), families.toString()); // the catalog lists no power shelf (no source gives one's size)
        for (CatalogItem item : catalog.all()) {
            if (item instanceof ServerSpec s && s.role() == ServerSpec.Role.SWITCH_TRAY) {
                assertEquals(RackArt.Family.SWITCH_TRAY, RackArt.Family.of(item), s.id());
            }
        }
    }

    @Test
    void heatRunsFromYellowToRedAndTheBottleneckPointsAtItsKind() {
        assertEquals(55, RackOverlays.heatColour(0).getHue(), 0.5, "nothing drawn: yellow");
        assertEquals(0, RackOverlays.heatColour(RackOverlays.HOTTEST_WATTS_PER_U * 2).getHue(), 0.5, "beyond the hottest: red");
        assertTrue(RackOverlays.heatColour(1000).getHue() > RackOverlays.heatColour(4000).getHue(), "hotter is redder");
        Catalog catalog = Presets.catalog();
        CatalogItem tray = catalog.all().stream().filter(i -> RackArt.Family.of(i) == RackArt.Family.GPU_TRAY).findFirst().orElseThrow();
        CatalogItem nvswitch = catalog.all().stream().filter(i -> RackArt.Family.of(i) == RackArt.Family.SWITCH_TRAY).findFirst().orElseThrow();
        assertTrue(RackOverlays.binds(Bottleneck.MEMORY_BANDWIDTH, tray));
        assertFalse(RackOverlays.binds(Bottleneck.MEMORY_BANDWIDTH, nvswitch));
        assertTrue(RackOverlays.binds(Bottleneck.NETWORK, nvswitch));
        assertFalse(RackOverlays.binds(Bottleneck.NETWORK, tray));
    }
}
