package io.tokenrack.engine.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The accelerator figures a result rests on carry the catalog's own per-figure provenance: the
 * shipped catalog marks Rubin's compute and bandwidth as announced and its 2,300 W TDP as filed
 * (an MLPerf system description), so none of them may read as a datasheet figure.
 */
class FigureProvenanceKindTest {
    private final Catalog catalog = CatalogLoader.load(Path.of("../presets"));

    private Provenance.Kind kindOf(List<Provenance> prov, String suffix) {
        return prov.stream().filter(p -> p.label().endsWith(suffix)).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + suffix + "' in " + prov)).kind();
    }

    @Test
    void rubinFiguresKeepTheCatalogsProvenance() {
        List<Provenance> prov = new ClusterFactory(catalog).standard("rubin", 72).provenance();
        assertEquals(Provenance.Kind.ANNOUNCED, kindOf(prov, " dense FP4"));
        assertEquals(Provenance.Kind.ANNOUNCED, kindOf(prov, " memory"), "22 TB/s is announced, so the memory line is");
        assertEquals(Provenance.Kind.FILED, kindOf(prov, " TDP"));
    }

    @Test
    void aShippingPartStaysDatasheet() {
        List<Provenance> prov = new ClusterFactory(catalog).standard("b200", 8).provenance();
        assertEquals(Provenance.Kind.DATASHEET, kindOf(prov, " dense FP8"));
        assertEquals(Provenance.Kind.DATASHEET, kindOf(prov, " TDP"));
    }
}
