package io.tokenrack.engine.design;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.catalog.CoolingType;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.ServerSpec;
import io.tokenrack.engine.evaluate.AcceleratorPools;
import io.tokenrack.engine.evaluate.Cluster;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.power.HostPower;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The LPX tray's host is its own labelled figure, not a GPU server's host parts. */
class LpuTrayHostTest {
    static final Catalog CATALOG = CatalogLoader.loadDefault();

    @Test
    void theLpxTrayHostIsItsPerChipFigureNotMaximumLessTdps() {
        ServerSpec tray = CATALOG.require("lpx-compute-tray", ServerSpec.class);
        assertEquals(110, tray.hostWattsPerAccelerator());
        ItemPower p = NameplatePower.of(tray, CATALOG);
        assertEquals(8 * 110, p.hostWatts(), 1e-9, "8 chips × 110 W, not 7,187 − 8 × 560 W");
        assertEquals(7187, p.watts(), 1e-9, "the tray's assumed maximum still counts against the rack");
        // the LPX rack's pool: 32 trays
        RackDesign lpx = DesignIO.read(java.nio.file.Path.of("../presets/designs/vera-rubin-lpx.json"));
        Cluster lpus = new Evaluator(CATALOG).clusters().fromDesign(AcceleratorPools.split(CATALOG, lpx).get("lp30"));
        assertEquals(256 * 110, lpus.hostNameplateWatts(), 1e-6);
        // the GPU-server host parts (CPUs, NICs, memory, board) exceed it, so the draw is scaled to the figure: 28.2 kW for the rack
        double parts = HostPower.of(256, 256 * 560.0, 0, true, false).totalWatts();
        assertTrue(parts > 256 * 200, "GPU-server parts for 256 LP30s: " + parts);
        assertEquals(256 * 110, HostPower.of(256, 256 * 560.0, lpus.hostNameplateWatts(), true, false).totalWatts(), 1e-6);
    }

    @Test
    void aHostFigureNeedsAcceleratorsAndAPositiveValue() {
        assertThrows(InputException.class, () -> new ServerSpec("t", "T", "V", ServerSpec.Role.SWITCH_TRAY, null, 0, 1, null, null, CoolingType.LIQUID,
                null, null, null, null, null, null, null, null, null, List.of("S"), 50.0));
        assertThrows(InputException.class, () -> new ServerSpec("t", "T", "V", ServerSpec.Role.SERVER, "lp30", 8, 1, null, null, CoolingType.LIQUID,
                null, null, null, null, null, null, null, null, null, List.of("S"), -1.0));
    }
}
