package io.tokenrack.app.report;

import io.tokenrack.app.canvas.RackArt;
import io.tokenrack.app.document.ItemFacts;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CatalogItem;
import io.tokenrack.engine.catalog.ItemKind;
import io.tokenrack.engine.catalog.RackSpec;
import io.tokenrack.engine.design.Placement;
import io.tokenrack.engine.design.RackDesign;
import io.tokenrack.engine.design.RackInstance;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/**
 * The racks' front elevations for a report, drawn with Java 2D (no window needed): each rack to
 * scale in rack units, every placed item drawn with its family's front-face art and named, items without
 * a height (rear doors, optics) listed under the rack.
 */
public final class RackDrawing {
    static final int PX_PER_U = 9;
    static final int RACK_WIDTH = 230;
    static final int GAP = 36;
    static final int SCALE = 2; // drawn at twice the size, for print

    private RackDrawing() {}

    public static byte[] png(RackDesign design, Catalog catalog) {
        List<RackInstance> racks = design.racks();
        int maxU = 1;
        int maxZeroU = 0;
        for (RackInstance r : racks) {
            maxU = Math.max(maxU, catalog.find(r.rackId(), RackSpec.class).map(RackSpec::heightU).orElse(42));
            maxZeroU = Math.max(maxZeroU, (int) r.items().stream().filter(p -> p.positionU() == null).count());
        }
        int width = Math.max(1, racks.size()) * (RACK_WIDTH + GAP) + GAP / 2;
        int height = 40 + maxU * PX_PER_U + 16 + maxZeroU * 16 + 10;
        BufferedImage img = new BufferedImage(width * SCALE, height * SCALE, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.scale(SCALE, SCALE);
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, height);
            int x = GAP / 2 + 20;
            for (RackInstance r : racks) {
                draw(g, r, catalog, x, maxU);
                x += RACK_WIDTH + GAP;
            }
        } finally {
            g.dispose();
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(img, "png", out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static void draw(Graphics2D g, RackInstance r, Catalog catalog, int x, int maxU) {
        int heightU = catalog.find(r.rackId(), RackSpec.class).map(RackSpec::heightU).orElse(42);
        int top = 40 + (maxU - heightU) * PX_PER_U;
        int w = RACK_WIDTH - 20;
        g.setColor(new Color(0x1f2328));
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        g.drawString(r.name(), x - 20, top - 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.setColor(new Color(0x59636e));
        g.drawString(heightU + "U · " + catalog.find(r.rackId()).map(CatalogItem::name).orElse(r.rackId()), x - 20, top - 8);
        // frame and empty slots
        g.setColor(new Color(0x2d333b));
        g.fillRect(x - 6, top - 4, w + 12, heightU * PX_PER_U + 8);
        for (int u = 0; u < heightU; u++) { // blanking panels, covered by the items placed over them
            g.setPaint(new GradientPaint(0, top + u * PX_PER_U, new Color(0x262b31), 0, top + (u + 1) * PX_PER_U, new Color(0x1d2126)));
            g.fillRect(x + 1, top + u * PX_PER_U, w - 2, PX_PER_U - 1);
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 7));
        g.setColor(new Color(0x8c959f));
        for (int u = 1; u <= heightU; u += 4) {
            g.drawString(String.valueOf(u), x - 20, top + (heightU - u + 1) * PX_PER_U - 1);
        }
        List<String> zeroU = new ArrayList<>();
        for (Placement p : r.items()) {
            CatalogItem item = catalog.find(p.catalogId()).orElse(null);
            String name = item == null ? p.catalogId() : item.name();
            int h = item == null ? 0 : ItemFacts.heightU(item);
            if (p.positionU() == null || h == 0) {
                zeroU.add((p.count() != null && p.count() > 1 ? p.count() + " × " : "") + name);
                continue;
            }
            int y = top + (heightU - (p.positionU() + h - 1)) * PX_PER_U;
            int hh = h * PX_PER_U;
            face(g, item, h, x + 1, y + 1, w - 2, hh - 2);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, hh >= 18 ? 9 : 7));
            FontMetrics fm = g.getFontMetrics();
            String label = fit(name + (hh >= 18 ? " · U" + p.positionU() + (h > 1 ? "–U" + (p.positionU() + h - 1) : "") : ""), fm, w * 3 / 5);
            int lw = fm.stringWidth(label) + 8;
            int lh = fm.getAscent() + 2;
            int lx = x + 22;
            int ly = y + Math.max(1, (hh - lh) / 2);
            g.setColor(new Color(246, 248, 250, 235));
            g.fillRoundRect(lx, ly, lw, lh, 3, 3);
            g.setColor(new Color(0x1f2328));
            g.drawString(label, lx + 4, ly + fm.getAscent());
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.setColor(new Color(0x59636e));
        int y = top + heightU * PX_PER_U + 18;
        for (String z : zeroU) {
            g.drawString("+ " + fit(z, g.getFontMetrics(), w + 14), x - 6, y);
            y += 16;
        }
    }

    /** The item's front face: its family's art from assets/rack-art/, one face per rack unit, as in the app. */
    private static void face(Graphics2D g, CatalogItem item, int units, int x, int y, int w, int h) {
        g.setPaint(new GradientPaint(0, y, new Color(0x4a515b), 0, y + h, new Color(0x30353c)));
        g.fillRect(x, y, w, h);
        if (item != null) {
            List<RackArt.Part> parts = RackArt.parts(RackArt.Family.of(item));
            double unit = (double) h / Math.max(1, units);
            for (int u = 0; u < Math.max(1, units); u++) {
                AffineTransform at = new AffineTransform();
                at.translate(x, y + u * unit);
                at.scale(w / RackArt.FACE_WIDTH, unit / RackArt.FACE_HEIGHT);
                for (RackArt.Part part : parts) {
                    g.setColor(ART_COLOURS.getOrDefault(part.styleClass(), fill(item)));
                    g.fill(at.createTransformedShape(SvgPathShape.of(part.path())));
                }
            }
        }
        g.setColor(new Color(0x1c2128));
        g.setStroke(new BasicStroke(1f));
        g.drawRect(x, y, w, h);
    }

    /** The art's colours by class, as the light stylesheet gives them; "accent" takes the item's kind colour. */
    private static final Map<String, Color> ART_COLOURS = Map.of("handle", new Color(0xaab2bd), "bay", new Color(0x1e2227),
            "vent", new Color(0x16191d), "port", new Color(0x0b0d10), "led", new Color(0x3fb950), "cold", new Color(0x388bfd),
            "hot", new Color(0xf85149));

    private static Color fill(CatalogItem item) {
        ItemKind k = item == null ? null : item.kind();
        if (k == null) {
            return new Color(0x8c959f);
        }
        return switch (k) {
            case SERVER, ACCELERATOR -> new Color(0x0969da);
            case NETWORK -> new Color(0x1a7f37);
            case COOLING -> new Color(0x1b7c83);
            case POWER -> new Color(0xbc4c00);
            default -> new Color(0x6e7781);
        };
    }

    private static String fit(String s, FontMetrics fm, int width) {
        if (fm.stringWidth(s) <= width) {
            return s;
        }
        String t = s;
        while (t.length() > 1 && fm.stringWidth(t + "…") > width) {
            t = t.substring(0, t.length() - 1);
        }
        return t + "…";
    }
}
