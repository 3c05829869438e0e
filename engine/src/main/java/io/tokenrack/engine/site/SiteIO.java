package io.tokenrack.engine.site;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.PresetException;
import io.tokenrack.engine.catalog.StrictJson;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.files.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes {@link SiteDocument}s as JSON (format: docs/site.md), strictly as designs are
 * read: every problem names the file, line, field and reason. Writing is atomic. Design files are
 * named relative to the site file.
 */
public final class SiteIO {
    private SiteIO() {}

    public static SiteDocument read(Path file) {
        String name = file.toString();
        return fromJson(StrictJson.readBytes(file, name), name);
    }

    public static SiteDocument fromJson(byte[] json, String name) {
        return StrictJson.read(json, name, SiteDocument.class);
    }

    public static String toJson(SiteDocument site) {
        try {
            return StrictJson.mapper().writeValueAsString(site) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a site record could not be written as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Saves atomically (temporary file in the same folder, then a move over {@code file}). */
    public static void write(Path file, SiteDocument site) throws IOException {
        AtomicFile.write(file, toJson(site).getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The design files of the site, read, one per entry of {@code site.designs()} (null for an
     * accelerator entry). {@code siteFile} is where the site was read from: paths are relative to
     * its folder. A missing or bad design file is an error naming the site file and the entry.
     */
    public static List<RackDesign> designs(SiteDocument site, Path siteFile) {
        Path dir = siteFile == null ? null : siteFile.toAbsolutePath().getParent();
        List<RackDesign> out = new ArrayList<>();
        for (int i = 0; i < site.designs().size(); i++) {
            SiteDesign d = site.designs().get(i);
            if (d.design() == null) {
                out.add(null);
                continue;
            }
            Path p = dir == null ? Path.of(d.design()) : dir.resolve(d.design()).normalize();
            String field = "designs[" + i + "].design";
            if (!Files.isRegularFile(p)) {
                throw new PresetException(siteFile == null ? "site" : siteFile.toString(), field, "no such design file " + d.design()
                        + (dir == null ? "" : " (looked for " + p + ")"));
            }
            try {
                out.add(StrictJson.read(p, p.toString(), RackDesign.class));
            } catch (PresetException | InputException e) {
                throw new PresetException(siteFile == null ? "site" : siteFile.toString(), field, e.getMessage());
            }
        }
        return out;
    }
}
