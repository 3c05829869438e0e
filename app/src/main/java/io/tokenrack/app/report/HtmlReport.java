package io.tokenrack.app.report;

import io.tokenrack.app.results.Headline;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;

/**
 * A {@link Report} as one self-contained HTML page: styles inline and pictures as data URIs, so
 * the single file can be mailed or opened anywhere without the app.
 */
public final class HtmlReport {
    private HtmlReport() {}

    public static void write(Report report, Path file) {
        try {
            Files.writeString(file, html(report), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    public static String html(Report r) {
        StringBuilder b = new StringBuilder();
        b.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n<title>").append(esc(r.title()))
                .append(" · TokenRack report</title>\n<style>\n")
                .append("body{font-family:system-ui,-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1f2328;max-width:1000px;margin:2em auto;padding:0 1em;line-height:1.4}\n")
                .append("h1{margin-bottom:.2em}h2{border-bottom:1px solid #d0d7de;padding-bottom:.2em;margin-top:1.6em}\n")
                .append(".sub{color:#59636e}.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(220px,1fr));gap:10px}\n")
                .append(".card{border:1px solid #d0d7de;border-radius:8px;padding:10px}.card .t{font-size:.85em;color:#59636e}\n")
                .append(".card .v{font-size:1.6em;font-weight:600}.card .u{font-size:.6em;color:#59636e;margin-left:.3em}\n")
                .append(".card .w{font-size:.8em}.card .s{font-size:.72em;color:#59636e;margin-top:.3em}\n")
                .append("img{max-width:100%}.charts{display:grid;grid-template-columns:repeat(auto-fill,minmax(420px,1fr));gap:14px}\n")
                .append("figure{margin:0}figcaption{font-size:.85em;color:#59636e}table{border-collapse:collapse;font-size:.85em}\n")
                .append("td,th{border-bottom:1px solid #eaeef2;padding:3px 8px;text-align:left;vertical-align:top}\n")
                .append("@media print{body{margin:0}.charts{grid-template-columns:1fr 1fr}}\n</style></head><body>\n");
        b.append("<h1>").append(esc(r.title())).append("</h1>\n<p class=\"sub\">").append(esc(r.subtitle())).append("<br>TokenRack report, ")
                .append(esc(r.generated())).append(". Numbers are the model's, for the design and workload above.</p>\n");
        b.append("<h2>Headline numbers</h2>\n<div class=\"cards\">\n");
        for (Headline.Card c : r.cards()) {
            b.append("<div class=\"card\"><div class=\"t\">").append(esc(c.title())).append("</div><div class=\"v\">").append(esc(c.value()))
                    .append("<span class=\"u\">").append(esc(c.unit())).append("</span></div><div class=\"w\">").append(esc(c.why()))
                    .append("</div>");
            if (!c.sources().isBlank()) {
                b.append("<div class=\"s\">inputs: ").append(esc(c.sources())).append("</div>");
            }
            b.append("</div>\n");
        }
        b.append("</div>\n<h2>The rack</h2>\n").append(img(r.rackPng(), "Front elevation of the racks")).append('\n');
        b.append("<h2>Charts</h2>\n<div class=\"charts\">\n");
        for (Report.Figure f : r.charts()) {
            b.append("<figure>").append(img(f.png(), f.title())).append("<figcaption>").append(esc(f.title())).append("</figcaption></figure>\n");
        }
        b.append("</div>\n<h2>Assumptions</h2>\n<table>\n");
        for (Report.Line l : r.assumptions()) {
            b.append("<tr><th>").append(esc(l.label())).append("</th><td>").append(esc(l.value())).append("</td></tr>\n");
        }
        b.append("</table>\n<h2>The model and its validated error</h2>\n<p>").append(esc(r.model())).append("</p>\n")
                .append("<p class=\"sub\">Performance is an analytical model (roofline step times with fitted efficiency constants); ")
                .append("the error is the model's prediction against published throughput measurements.</p>\n");
        if (!r.notes().isEmpty()) {
            b.append("<h2>Notes</h2>\n<ul>\n");
            for (String n : r.notes()) {
                b.append("<li>").append(esc(n)).append("</li>\n");
            }
            b.append("</ul>\n");
        }
        b.append("<h2>Where each input comes from</h2>\n<table>\n<tr><th>input</th><th>value</th><th>kind</th><th>source</th></tr>\n");
        for (Report.Input in : r.provenance()) {
            b.append("<tr><td>").append(esc(in.label())).append("</td><td>").append(esc(in.value())).append("</td><td>")
                    .append(esc(in.kind())).append("</td><td>").append(link(in.source())).append("</td></tr>\n");
        }
        b.append("</table>\n<h2>Sources of the hardware and model figures</h2>\n<ul>\n");
        for (Report.Source s : r.sources()) {
            b.append("<li><b>").append(esc(s.name())).append("</b> (").append(esc(s.id())).append(")<ul>");
            for (String d : s.documents()) {
                b.append("<li>").append(link(d)).append("</li>");
            }
            b.append("</ul></li>\n");
        }
        b.append("</ul>\n</body></html>\n");
        return b.toString();
    }

    private static String img(byte[] png, String alt) {
        return "<img alt=\"" + esc(alt) + "\" src=\"data:image/png;base64," + Base64.getEncoder().encodeToString(png) + "\">";
    }

    /** The text, with a web address in it made a link. */
    private static String link(String s) {
        String e = esc(s);
        return e.replaceAll("(https?://[^\\s<>\"]+[^\\s<>\".,;)])", "<a href=\"$1\">$1</a>");
    }

    static String esc(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
