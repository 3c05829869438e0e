package io.tokenrack.app.document;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.PresetException;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import io.tokenrack.engine.catalog.ModelSpec;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads and writes designs as the engine's {@code RackDesign} JSON. Reading is strict and checks
 * every id against the catalog, so a bad file is refused with file, line, field and reason and the
 * open document is untouched. Writing is atomic: a temporary file beside the target, then a move.
 */
public final class DesignFiles {
    /** Records only: boolean helpers such as {@code isAuto()} are not fields of the format. */
    private static final ObjectWriter WRITER = ((JsonMapper) StrictJson.mapper()).rebuild()
            .disable(MapperFeature.AUTO_DETECT_IS_GETTERS)
            .build()
            .writerWithDefaultPrettyPrinter();

    private final Catalog catalog;

    public DesignFiles(Catalog catalog) {
        this.catalog = catalog;
    }

    public RackDesign read(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.toString();
        RackDesign design = StrictJson.read(file, name, RackDesign.class);
        checkReferences(name, design);
        return design;
    }

    /** The design's JSON text, as {@link #write} saves it. */
    public static String toJson(RackDesign design) {
        try {
            return WRITER.writeValueAsString(design) + System.lineSeparator();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the design as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Writes atomically: the target holds either the old or the new design, never half of one. */
    public static void write(Path target, RackDesign design) {
        writeAtomically(target, toJson(design));
    }

    /** The engine's atomic save (temp file in the same folder, then a move), with the app's message. */
    public static void writeAtomically(Path target, String text) {
        Path abs = target.toAbsolutePath();
        try {
            Files.createDirectories(abs.getParent());
            io.tokenrack.engine.files.AtomicFile.write(abs, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot save " + abs.getFileName() + ": " + e.getMessage(), e);
        }
    }

    private void checkReferences(String file, RackDesign design) {
        for (int r = 0; r < design.racks().size(); r++) {
            RackInstance rack = design.racks().get(r);
            if (catalog.find(rack.rackId(), RackSpec.class).isEmpty()) {
                throw new PresetException(file, "racks[" + r + "].rackId", "no rack type '" + rack.rackId() + "' in the catalog");
            }
            for (int i = 0; i < rack.items().size(); i++) {
                Placement p = rack.items().get(i);
                CatalogItem item = catalog.find(p.catalogId()).orElse(null);
                if (item == null || !ItemFacts.placeable(item)) {
                    throw new PresetException(file, "racks[" + r + "].items[" + i + "].catalogId",
                            item == null ? "no catalog item '" + p.catalogId() + "'"
                                    + (io.tokenrack.engine.design.DesignCheck.measureHint(p.catalogId()).isEmpty() ? ""
                                    : "." + io.tokenrack.engine.design.DesignCheck.measureHint(p.catalogId()))
                                    : "'" + p.catalogId() + "' is a " + item.kind().label() + ", not a rack item");
                }
                if (ItemFacts.heightU(item) > 0 && p.positionU() == null) {
                    throw new PresetException(file, "racks[" + r + "].items[" + i + "].positionU",
                            item.name() + " is " + ItemFacts.heightU(item) + "U tall and needs a position");
                }
            }
        }
        if (design.workload() != null && catalog.find(design.workload().modelId(), ModelSpec.class).isEmpty()) {
            throw new PresetException(file, "workload.modelId", "no model '" + design.workload().modelId() + "' in the catalog");
        }
    }
}
