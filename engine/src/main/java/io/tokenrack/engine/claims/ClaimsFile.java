package io.tokenrack.engine.claims;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.tokenrack.engine.catalog.CatalogLoader;
import io.tokenrack.engine.catalog.Checks;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.StrictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** {@code presets/claims/claims.json}: the vendor claims shown beside the model. */
public record ClaimsFile(@JsonProperty(required = true) int formatVersion, String description,
                         @JsonProperty(required = true) List<Claim> claims) {
    public static final String BUNDLED_PATH = "claims/claims.json";

    public ClaimsFile {
        if (formatVersion != 1) {
            throw new InputException("formatVersion: this TokenRack reads version 1, the file says " + formatVersion);
        }
        claims = Checks.list("claims", claims);
    }

    public static ClaimsFile read(Path file) {
        return StrictJson.read(file, file.toString(), ClaimsFile.class);
    }

    /** The claims of the presets folder in use (on disk when {@value CatalogLoader#PRESETS_DIR_PROPERTY} is set, else bundled). */
    public static ClaimsFile loadDefault() {
        String dir = System.getProperty(CatalogLoader.PRESETS_DIR_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            return read(Path.of(dir).resolve(BUNDLED_PATH));
        }
        return CatalogLoader.withBundledPresets(root -> {
            Path p = root.resolve(BUNDLED_PATH);
            if (!Files.isRegularFile(p)) {
                throw new InputException("presets/" + BUNDLED_PATH + ": not found in this build");
            }
            return StrictJson.read(StrictJson.readBytes(p, "presets/" + BUNDLED_PATH + " (bundled)"), "presets/" + BUNDLED_PATH + " (bundled)",
                    ClaimsFile.class);
        });
    }
}
