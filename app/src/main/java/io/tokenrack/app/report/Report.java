package io.tokenrack.app.report;

import io.tokenrack.app.results.Headline;
import java.util.List;

/**
 * What a report says about one design, ready to be laid out as a PDF ({@link PdfReport}) or an
 * HTML page ({@link HtmlReport}): nothing here is computed by the writers.
 *
 * @param title        the design's name
 * @param subtitle     the workload and hardware in one line
 * @param cards        the headline numbers with their "why" and the sources of their inputs
 * @param assumptions  label and value of each assumption the numbers rest on
 * @param notes        what to know beside the numbers (the engine's notes)
 * @param provenance   each input of the evaluation: label, value, kind and source
 * @param sources      each catalog entry the design uses, with the documents its figures come from
 * @param model        the model's version and its validated error against published measurements
 * @param rackPng      the rack elevations as a PNG
 * @param charts       the charts as PNGs
 * @param generated    when the report was made (UTC, ISO 8601)
 */
public record Report(
        String title,
        String subtitle,
        List<Headline.Card> cards,
        List<Line> assumptions,
        List<String> notes,
        List<Input> provenance,
        List<Source> sources,
        String model,
        byte[] rackPng,
        List<Figure> charts,
        String generated) {

    /** A label and its value. */
    public record Line(String label, String value) {}

    /** One input of the evaluation and where it came from. */
    public record Input(String label, String value, String kind, String source) {}

    /** A catalog entry (by name and id) and the documents its figures come from. */
    public record Source(String name, String id, List<String> documents) {
        public Source {
            documents = List.copyOf(documents);
        }
    }

    /** A chart: its title and the picture. */
    public record Figure(String title, byte[] png) {}

    public Report {
        cards = List.copyOf(cards);
        assumptions = List.copyOf(assumptions);
        notes = List.copyOf(notes);
        provenance = List.copyOf(provenance);
        sources = List.copyOf(sources);
        charts = List.copyOf(charts);
    }
}
