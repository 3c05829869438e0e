package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.Catalog;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** {@code --presets DIR}, for every command that needs the catalog: {@code @Mixin PresetsOption presets;}. */
public final class PresetsOption {
    @Option(names = "--presets", paramLabel = "DIR",
            description = "Load the catalog from this presets folder (with hardware/ and models/) instead of the bundled presets.")
    Path dir;

    public Catalog catalog() {
        return CliSupport.loadCatalog(dir);
    }
}
