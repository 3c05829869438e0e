package io.tokenrack.app.canvas;

import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.CoolingSpec;
import io.tokenrack.engine.catalog.NetworkSpec;
import io.tokenrack.engine.catalog.PowerSpec;
import io.tokenrack.engine.catalog.ServerSpec;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.shape.SVGPath;
import javafx.scene.transform.Scale;
import javafx.scene.transform.Translate;

/**
 * The front faces of rack items, drawn from vector art in assets/rack-art/ (one SVG per family of
 * equipment, one rack unit of a 19-inch face, 483 × 44 mm; taller items repeat it once per U).
 * Each path's class becomes the style class {@code tr-art-CLASS}, coloured by the stylesheet, so
 * the art follows the theme.
 */
public final class RackArt {
    /** The families drawn, each the name of its file in assets/rack-art/. */
    public enum Family {
        GPU_TRAY("gpu-tray"), GPU_SERVER("gpu-server"), SWITCH_TRAY("switch-tray"), NETWORK("network"),
        POWER_SHELF("power-shelf"), COOLING("cooling"), GENERIC("generic");

        final String file;

        Family(String file) {
            this.file = file;
        }

        /** The family a catalog item is drawn as: by its kind and, for servers, their role. */
        public static Family of(CatalogItem item) {
            return switch (item) {
                case ServerSpec s when s.role() == ServerSpec.Role.SWITCH_TRAY -> SWITCH_TRAY;
                case ServerSpec s when s.role() == ServerSpec.Role.COMPUTE_TRAY -> GPU_TRAY;
                case ServerSpec s -> GPU_SERVER;
                case NetworkSpec n -> NETWORK;
                case PowerSpec p -> POWER_SHELF;
                case CoolingSpec c -> COOLING;
                default -> GENERIC;
            };
        }
    }

    /** One path of a face: its class and SVG path data, in face millimetres. */
    public record Part(String styleClass, String path) {}

    public static final double FACE_WIDTH = 483;
    public static final double FACE_HEIGHT = 44;
    private static final Pattern PATH = Pattern.compile("<path\\s+class=\"([a-z-]+)\"\\s+d=\"([^\"]+)\"\\s*/>");
    private static final Map<Family, List<Part>> CACHE = new ConcurrentHashMap<>();

    private RackArt() {}

    /** The parts of a family's face, read once from its SVG file. */
    public static List<Part> parts(Family family) {
        return CACHE.computeIfAbsent(family, RackArt::read);
    }

    private static List<Part> read(Family family) {
        String name = "/assets/rack-art/" + family.file + ".svg";
        try (InputStream in = RackArt.class.getResourceAsStream(name)) {
            if (in == null) {
                return List.of(); // drawn plain: the art is decoration
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + name, e);
        }
    }

    /** The {@code <path class="…" d="…"/>} elements of an art file, in order. */
    static List<Part> parse(String svg) {
        List<Part> parts = new ArrayList<>();
        Matcher m = PATH.matcher(svg);
        while (m.find()) {
            parts.add(new Part(m.group(1), m.group(2)));
        }
        return List.copyOf(parts);
    }

    /**
     * The face of {@code item}, {@code hu} units tall, scaled to {@code width} × {@code height}
     * pixels; it takes no mouse events (the item's box under it does).
     */
    static Node face(CatalogItem item, int hu, double width, double height) {
        List<Part> parts = parts(Family.of(item));
        Group face = new Group();
        face.getStyleClass().add("tr-art");
        face.setMouseTransparent(true);
        face.setManaged(false);
        double unit = height / Math.max(1, hu);
        for (int u = 0; u < Math.max(1, hu); u++) {
            Group row = new Group();
            row.getTransforms().addAll(new Translate(0, u * unit), new Scale(width / FACE_WIDTH, unit / FACE_HEIGHT));
            for (Part p : parts) {
                SVGPath path = new SVGPath();
                path.setContent(p.path());
                path.getStyleClass().add("tr-art-" + p.styleClass());
                row.getChildren().add(path);
            }
            face.getChildren().add(row);
        }
        return face;
    }
}
