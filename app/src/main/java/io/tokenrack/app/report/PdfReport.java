package io.tokenrack.app.report;

import io.tokenrack.app.results.Headline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * A {@link Report} as an A4 PDF, laid out with Apache PDFBox: page 1 the headline numbers and the
 * rack, then the charts, then assumptions, the model's validated error, notes and the sources of
 * every figure. Text uses the standard Helvetica (nothing embedded); characters it cannot encode
 * are written in ASCII ("≥" as ">=").
 */
public final class PdfReport {
    private static final float MARGIN = 48;
    private static final PDRectangle PAGE = PDRectangle.A4;
    private static final Map<Character, String> ASCII = Map.ofEntries(
            Map.entry('≥', ">="),
            Map.entry('≤', "<="),
            Map.entry('≈', "~"),
            Map.entry('→', "->"),
            Map.entry('−', "-"),
            Map.entry('…', "..."),
            Map.entry('▸', ">"),
            Map.entry(' ', " "),
            Map.entry('‑', "-"),
            Map.entry('²', "2"),
            Map.entry('η', "eta"));

    /** PDFBox reports its font look-ups (Helvetica is drawn with a system font on screen) at INFO and WARNING: kept quiet. */
    private static final java.util.logging.Logger PDFBOX_LOG = java.util.logging.Logger.getLogger("org.apache.pdfbox");

    static {
        PDFBOX_LOG.setLevel(java.util.logging.Level.SEVERE);
    }

    private final PDDocument doc = new PDDocument();
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private PDPageContentStream out;
    private float y;

    private PdfReport() {}

    /** Writes {@code report} to {@code file} as a PDF. */
    public static void write(Report report, Path file) {
        PdfReport w = new PdfReport();
        try (PDDocument d = w.doc) {
            w.layout(report);
            w.out.close();
            PDDocumentInformation info = d.getDocumentInformation();
            info.setTitle(w.clean(report.title()) + " - TokenRack report");
            info.setCreator("TokenRack");
            d.save(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    private void layout(Report r) throws IOException {
        newPage();
        text(bold, 18, r.title(), 0);
        text(regular, 10, r.subtitle(), 0);
        text(regular, 8, "TokenRack report, " + r.generated() + ". Numbers are the model's, for the design and workload above.", 0);
        y -= 8;
        heading("Headline numbers");
        for (Headline.Card c : r.cards()) {
            need(34);
            float top = y;
            text(bold, 9, c.title(), 0, 150);
            float afterTitle = y;
            y = top;
            text(bold, 12, c.value() + (c.unit().isEmpty() ? "" : " " + c.unit()), 150, 170);
            float afterValue = y;
            y = top;
            text(regular, 8, c.why(), 330);
            if (!c.sources().isBlank()) {
                text(regular, 7, "inputs: " + c.sources(), 330);
            }
            y = Math.min(y, Math.min(afterTitle, afterValue)) - 4;
        }
        y -= 6;
        heading("The rack");
        image(r.rackPng(), 300);

        heading("Charts (the orange dot is this design)");
        // two charts side by side, each with its caption above
        float half = (PAGE.getWidth() - 2 * MARGIN - 16) / 2;
        for (int i = 0; i < r.charts().size(); i += 2) {
            List<Report.Figure> row = r.charts().subList(i, Math.min(i + 2, r.charts().size()));
            need(190);
            float top = y;
            float lowest = y;
            for (int k = 0; k < row.size(); k++) {
                y = top;
                float x = MARGIN + k * (half + 16);
                text(regular, 7.5f, row.get(k).title(), x - MARGIN, half);
                PDImageXObject img = PDImageXObject.createFromByteArray(doc, row.get(k).png(), "chart");
                float scale = half / img.getWidth();
                out.drawImage(img, x, y - img.getHeight() * scale, half, img.getHeight() * scale);
                lowest = Math.min(lowest, y - img.getHeight() * scale);
            }
            y = lowest - 10;
        }

        heading("Assumptions");
        for (Report.Line l : r.assumptions()) {
            text(regular, 9, l.label() + ": " + l.value(), 0);
        }
        heading("The model and its validated error");
        text(regular, 9, r.model(), 0);
        text(regular, 8, "Performance is an analytical model (roofline step times with fitted efficiency constants); "
                + "the error is the model's prediction against published throughput measurements.", 0);
        if (!r.notes().isEmpty()) {
            heading("Notes");
            for (String n : r.notes()) {
                text(regular, 8, "- " + n, 0);
            }
        }
        heading("Where each input comes from");
        // kind only: the documents behind each input are listed once, per catalog entry, below
        for (Report.Input in : r.provenance()) {
            text(regular, 7, in.label() + ": " + in.value() + " (" + in.kind() + ")", 0);
        }
        heading("Sources of the hardware and model figures");
        for (Report.Source s : r.sources()) {
            text(bold, 8, s.name() + " (" + s.id() + ")", 0);
            for (String d : s.documents()) {
                text(regular, 7, d, 10);
            }
        }
    }

    private void heading(String s) throws IOException {
        need(40);
        y -= 6;
        text(bold, 11, s, 0);
        y -= 2;
    }

    private void image(byte[] png, float maxHeight) throws IOException {
        PDImageXObject img = PDImageXObject.createFromByteArray(doc, png, "image");
        float width = PAGE.getWidth() - 2 * MARGIN;
        float scale = Math.min(width / img.getWidth(), maxHeight / img.getHeight());
        float w = img.getWidth() * scale;
        float h = img.getHeight() * scale;
        need(h + 4);
        out.drawImage(img, MARGIN, y - h, w, h);
        y -= h + 8;
    }

    private void text(PDType1Font font, float size, String s, float indent) throws IOException {
        text(font, size, s, indent, PAGE.getWidth() - 2 * MARGIN - indent);
    }

    /** Writes {@code s} wrapped to {@code width} points, starting {@code indent} points in, and moves down. */
    private void text(PDType1Font font, float size, String s, float indent, float width) throws IOException {
        for (String line : wrap(font, size, clean(s), width)) {
            need(size * 1.3f);
            out.beginText();
            out.setFont(font, size);
            out.newLineAtOffset(MARGIN + indent, y - size);
            out.showText(line);
            out.endText();
            y -= size * 1.3f;
        }
    }

    private List<String> wrap(PDType1Font font, float size, String s, float width) throws IOException {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : s.split(" ")) {
            String next = line.isEmpty() ? word : line + " " + word;
            if (!line.isEmpty() && font.getStringWidth(next) / 1000 * size > width) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(next);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    /** {@code s} with each character Helvetica cannot encode replaced by ASCII. */
    String clean(String s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\t') {
                b.append(' ');
                continue;
            }
            try {
                regular.encode(String.valueOf(c));
                b.append(c);
            } catch (IllegalArgumentException | IOException e) {
                b.append(ASCII.getOrDefault(c, "?"));
            }
        }
        return b.toString();
    }

    private void need(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        if (out != null) {
            out.close();
        }
        PDPage page = new PDPage(PAGE);
        doc.addPage(page);
        out = new PDPageContentStream(doc, page);
        y = PAGE.getHeight() - MARGIN;
    }
}
