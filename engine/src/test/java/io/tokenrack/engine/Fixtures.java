package io.tokenrack.engine;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogLoader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** The small made-up presets under {@code src/test/resources/fixtures}, for tests of every package. */
public final class Fixtures {
    private Fixtures() {}

    /** A valid presets folder: two accelerators, servers and trays, network, cooling, racks, one model. */
    public static Path presetsDir() {
        return resource("/fixtures/presets");
    }

    /** One broken preset file from {@code fixtures/broken}, e.g. {@code "unknown-field.json"}. */
    public static Path broken(String name) {
        return resource("/fixtures/broken/" + name);
    }

    public static Catalog catalog() {
        return CatalogLoader.load(presetsDir());
    }

    /** A copy of the valid presets in {@code target}, to break one file at a time. */
    public static Path copyOfPresets(Path target) {
        Path source = presetsDir();
        try (Stream<Path> files = Files.walk(source)) {
            for (Path p : files.toList()) {
                Path to = target.resolve(source.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(to);
                } else {
                    Files.copy(p, to);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return target;
    }

    public static Path resource(String name) {
        URL url = Fixtures.class.getResource(name);
        if (url == null) {
            throw new IllegalStateException("test resource " + name + " is missing");
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
