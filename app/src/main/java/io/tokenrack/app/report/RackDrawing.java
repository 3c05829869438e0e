package io.tokenrack.app.report;

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
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * The racks' front elevations for a report, drawn with Java 2D (no window needed): each rack to
 * scale in rack units, every placed item in its units coloured by kind and named, items without
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
        g.setColor(new Color(0x444c56));
        for (int u = 0; u < heightU; u++) {
            g.drawLine(x, top + u * PX_PER_U, x + w, top + u * PX_PER_U);
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
            g.setColor(fill(item));
            g.fillRoundRect(x + 1, y + 1, w - 2, hh - 2, 4, 4);
            g.setColor(fill(item).darker());
            g.setStroke(new BasicStroke(1f));
            g.drawRoundRect(x + 1, y + 1, w - 2, hh - 2, 4, 4);
            g.setColor(Color.WHITE);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, hh >= 18 ? 10 : 7));
            FontMetrics fm = g.getFontMetrics();
            g.drawString(fit(name, fm, w - 10), x + 6, y + Math.min(hh - 3, fm.getAscent() + 3));
            if (hh >= 30) {
                g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 9));
                g.drawString(p.id() + " · U" + p.positionU() + (h > 1 ? "–U" + (p.positionU() + h - 1) : ""), x + 6, y + 27);
            }
        }
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 10));
        g.setColor(new Color(0x59636e));
        int y = top + heightU * PX_PER_U + 18;
        for (String z : zeroU) {
            g.drawString("+ " + fit(z, g.getFontMetrics(), w + 14), x - 6, y);
            y += 16;
        }
    }

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
