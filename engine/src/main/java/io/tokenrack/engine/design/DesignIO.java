package io.tokenrack.engine.design;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.files.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/**
 * Reads and writes {@link RackDesign}s as JSON (format: docs/design-format.md). Reading is strict;
 * every problem is a {@link PresetException} naming the file, line, column, field and reason.
 * Writing is atomic: a crash mid-save leaves the previous file intact.
 */
public final class DesignIO {
    private DesignIO() {}

    public static RackDesign read(Path file) {
        String name = file.toString();
        return fromJson(StrictJson.readBytes(file, name), name);
    }

    /** Parses a design from JSON bytes; {@code name} is what error messages call the source. */
    public static RackDesign fromJson(byte[] json, String name) {
        return StrictJson.read(json, name, RackDesign.class);
    }

    public static String toJson(RackDesign design) {
        try {
            return StrictJson.mapper().writeValueAsString(design) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a design record could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Saves atomically (temporary file in the same folder, then a move over {@code file}). */
    public static void write(Path file, RackDesign design) throws IOException {
        AtomicFile.write(file, toJson(design).getBytes(StandardCharsets.UTF_8));
    }
}
