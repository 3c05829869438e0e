package io.tokenrack.engine.catalog;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemNotFoundException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Loads the catalog from a presets folder ({@code hardware/*.json}, {@code models/*.json}) on disk
 * or inside the engine jar. Strict: see {@link StrictJson}; duplicate ids and dangling references
 * are errors too.
 */
public final class CatalogLoader {
    /** System property naming a presets folder on disk to use instead of the bundled one. */
    public static final String PRESETS_DIR_PROPERTY = "tokenrack.presets.dir";
    private static final List<String> CATALOG_FOLDERS = List.of("hardware", "models");
    private static final String BUNDLED = "presets (bundled)";

    private CatalogLoader() {}

    /** The presets folder on disk if {@value #PRESETS_DIR_PROPERTY} is set, else the bundled one. */
    public static Catalog loadDefault() {
        String dir = System.getProperty(PRESETS_DIR_PROPERTY);
        if (dir != null && !dir.isBlank()) {
            return load(Path.of(dir));
        }
        return withBundledPresets(CatalogLoader::load);
    }

    /** Runs {@code action} on the bundled presets folder (a directory, or a folder inside the jar). */
    public static <T> T withBundledPresets(java.util.function.Function<Path, T> action) {
        URL url = CatalogLoader.class.getResource("/presets/hardware");
        if (url == null) {
            throw new PresetException(BUNDLED, "", "not found: this build has no presets (load a presets folder instead)");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                boolean close = false;
                try {
                    fs = FileSystems.getFileSystem(uri);
                } catch (FileSystemNotFoundException e) {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                    close = true;
                }
                try {
                    return action.apply(fs.getPath("/presets"));
                } finally {
                    if (close) {
                        fs.close();
                    }
                }
            }
            return action.apply(Path.of(uri).getParent());
        } catch (URISyntaxException | IOException e) {
            throw new PresetException(BUNDLED, "", "cannot be opened: " + e.getMessage());
        }
    }

    /** Loads every {@code *.json} under {@code presetsDir/hardware} and {@code presetsDir/models}. */
    public static Catalog load(Path presetsDir) {
        List<Path> files = new ArrayList<>();
        for (String folder : CATALOG_FOLDERS) {
            Path dir = presetsDir.resolve(folder);
            if (!Files.isDirectory(dir)) {
                throw new PresetException(display(presetsDir, dir), "", "folder is missing");
            }
            files.addAll(jsonFiles(presetsDir, dir));
        }
        return load(presetsDir, files);
    }

    static Catalog load(Path root, List<Path> files) {
        Map<String, CatalogItem> items = new LinkedHashMap<>();
        Map<String, Origin> origins = new LinkedHashMap<>();
        Map<String, ItemFigures> figures = new LinkedHashMap<>();
        FacilityDefaults facility = null;
        Origin facilityOrigin = null;
        for (Path file : files) {
            String name = display(root, file);
            byte[] bytes = readAll(file, name);
            PresetFile pf = StrictJson.read(bytes, name, PresetFile.class);
            addAll(items, origins, file, name, "accelerators", pf.accelerators());
            addAll(items, origins, file, name, "servers", pf.servers());
            addAll(items, origins, file, name, "network", pf.network());
            addAll(items, origins, file, name, "cooling", pf.cooling());
            addAll(items, origins, file, name, "racks", pf.racks());
            readFigures(figures, origins, bytes, pf);
            addAll(items, origins, file, name, "power", pf.power());
            addAll(items, origins, file, name, "models", pf.models());
            if (pf.facility() != null) {
                Origin here = new Origin(file, name, "facility");
                if (facilityOrigin != null) {
                    throw here.error("", "facility defaults are already given in " + facilityOrigin.file());
                }
                facility = pf.facility();
                facilityOrigin = here;
            }
        }
        if (facility == null) {
            throw new PresetException(display(root, root), "facility", "no preset file gives the facility defaults");
        }
        checkReferences(items, origins);
        return new Catalog(items, facility, figures);
    }

    /**
     * Each entry's {@code "provenance"} and {@code "ranges"} ({@link FigureReader}); the entry read at
     * each end of each range must pass the same checks as the entry itself.
     */
    private static void readFigures(Map<String, ItemFigures> figures, Map<String, Origin> origins, byte[] bytes, PresetFile pf) {
        com.fasterxml.jackson.databind.JsonNode tree;
        try {
            tree = StrictJson.mapper().readTree(bytes);
        } catch (IOException e) {
            return; // StrictJson.read has read the same bytes: cannot happen
        }
        Map<String, List<? extends CatalogItem>> lists = new LinkedHashMap<>();
        lists.put("accelerators", pf.accelerators());
        lists.put("servers", pf.servers());
        lists.put("network", pf.network());
        lists.put("racks", pf.racks());
        for (Map.Entry<String, List<? extends CatalogItem>> l : lists.entrySet()) {
            for (int i = 0; i < l.getValue().size(); i++) {
                CatalogItem item = l.getValue().get(i);
                Origin at = origins.get(item.id());
                ItemFigures f;
                try {
                    f = FigureReader.read(tree.path(l.getKey()).path(i));
                } catch (FigureReader.Bad e) {
                    throw at.error(e.field, e.reason);
                }
                for (Map.Entry<String, FigureRange> r : f.ranges().entrySet()) {
                    for (double end : new double[] {r.getValue().low(), r.getValue().high()}) {
                        String field = FigureReader.RANGES + "." + r.getKey();
                        CatalogItem variant;
                        try {
                            variant = ItemFigures.withFigure(item, r.getKey(), end);
                        } catch (InputException e) {
                            throw at.error(field, "the entry with " + r.getKey() + " " + end + " is not valid: " + e.getMessage());
                        }
                        Plausibility.Violation v = Plausibility.check(variant).orElse(null);
                        if (v != null) {
                            throw at.error(field, v.reason(item.id()));
                        }
                    }
                }
                if (!f.isEmpty()) {
                    figures.put(item.id(), f);
                }
            }
        }
    }

    /** Where an entry was defined: its file and its path in that file, e.g. {@code servers[3]}. */
    private record Origin(Path path, String file, String at) {
        /** An error at {@code at.field} (or at the entry itself), with the line where the file has it. */
        PresetException error(String field, String reason) {
            String where = field.isEmpty() ? at : at + "." + field;
            PresetException e = new PresetException(file, where, reason);
            try {
                return StrictJson.atField(e, StrictJson.readBytes(path, file));
            } catch (PresetException ignored) {
                return e;
            }
        }
    }

    private static byte[] readAll(Path file, String name) {
        return StrictJson.readBytes(file, name);
    }

    private static void addAll(Map<String, CatalogItem> items, Map<String, Origin> origins, Path path, String file,
                               String listName, List<? extends CatalogItem> list) {
        for (int i = 0; i < list.size(); i++) {
            CatalogItem item = list.get(i);
            Origin here = new Origin(path, file, listName + "[" + i + "]");
            Plausibility.Violation v = Plausibility.check(item).orElse(null);
            if (v != null) {
                throw here.error(v.field(), v.reason(item.id()));
            }
            Origin previous = origins.get(item.id());
            if (previous != null) {
                throw here.error("id", "duplicate id '" + item.id() + "' (first defined in " + previous.file()
                        + " at " + previous.at() + ")");
            }
            items.put(item.id(), item);
            origins.put(item.id(), here);
        }
    }

    private static void checkReferences(Map<String, CatalogItem> items, Map<String, Origin> origins) {
        for (CatalogItem item : items.values()) {
            if (item instanceof ServerSpec s) {
                Origin at = origins.get(s.id());
                if (s.acceleratorId() != null && !(items.get(s.acceleratorId()) instanceof AcceleratorSpec)) {
                    throw at.error("acceleratorId", "no accelerator with id '" + s.acceleratorId() + "'" + actually(items, s.acceleratorId()));
                }
                if (s.nicId() != null && !(items.get(s.nicId()) instanceof NetworkSpec n && n.type() == NetworkSpec.Type.NIC)) {
                    throw at.error("nicId", "no NIC with id '" + s.nicId() + "'" + actually(items, s.nicId()));
                }
                if (s.switchTrayId() != null && !(items.get(s.switchTrayId()) instanceof ServerSpec t && t.role() == ServerSpec.Role.SWITCH_TRAY)) {
                    throw at.error("switchTrayId", "no switch tray with id '" + s.switchTrayId() + "'" + actually(items, s.switchTrayId()));
                }
            }
        }
    }

    /** " (it is a rack)" when the id exists but names something else, else "". */
    private static String actually(Map<String, CatalogItem> items, String id) {
        CatalogItem other = items.get(id);
        return other == null ? "" : " ('" + id + "' is a " + other.kind().label() + ")";
    }

    private static List<Path> jsonFiles(Path root, Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new PresetException(display(root, dir), "", "cannot be listed: " + e.getMessage());
        }
    }

    /** A file name as a user would write it: the path given on disk, or "presets/..." inside the jar. */
    static String display(Path root, Path file) {
        if (file.getFileSystem() != FileSystems.getDefault()) {
            String rel = root.relativize(file).toString();
            return rel.isEmpty() ? BUNDLED : "presets/" + rel + " (bundled)";
        }
        return file.toString();
    }
}
