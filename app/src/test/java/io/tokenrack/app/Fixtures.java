package io.tokenrack.app;

import io.tokenrack.engine.evaluate.Assumptions;
import io.tokenrack.app.document.DesignFiles;
import io.tokenrack.app.document.DocState;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.design.RackDesign;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The small presets folder under test resources: a catalog and the example design. */
public final class Fixtures {
    private static Catalog catalog;

    private Fixtures() {}

    public static Path presetsDir() {
        try {
            return Path.of(Fixtures.class.getResource("/fixture-presets").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static synchronized Catalog catalog() {
        if (catalog == null) {
            catalog = CatalogLoader.load(presetsDir());
        }
        return catalog;
    }

    public static RackDesign exampleDesign() {
        return new DesignFiles(catalog()).read(presetsDir().resolve("designs/dgx-h100-4x-air.json"));
    }

    public static DocState exampleState() {
        return new DocState(exampleDesign(), Assumptions.defaults(catalog().facility()));
    }
}
