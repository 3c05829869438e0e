package io.tokenrack.engine.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tokenrack.engine.perf.ModelConstants;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/model.md's table of constants against the shipped ones ({@link ModelConstants#DEFAULT}) and
 * the fit's ranges ({@link ConstantsFit#knobs()}), so the page cannot drift from the code.
 */
class ModelDocConstantsTest {
    private static final Path DOC = Path.of("..", "docs", "model.md");
    private static final Pattern CODE_NAME = Pattern.compile("`([A-Za-z0-9]+)`");

    /** One row: the components it names, its values, its ranges (empty when "not fitted") and its evidence text. */
    record Row(List<String> names, List<Double> values, List<double[]> ranges, String evidence) {}

    @Test
    void theDocumentedConstantsAreTheShippedOnesWithTheFitsRanges() throws Exception {
        Map<String, Row> rows = table();
        Map<String, ConstantsFit.Knob> knobs = new LinkedHashMap<>();
        ConstantsFit.knobs().forEach(k -> knobs.put(k.name(), k));

        List<String> components = Arrays.stream(ModelConstants.class.getRecordComponents()).map(RecordComponent::getName).toList();
        assertEquals(new TreeSet<>(components), new TreeSet<>(rows.keySet()), "every constant is in the table once, and nothing else");

        for (RecordComponent c : ModelConstants.class.getRecordComponents()) {
            String name = c.getName();
            Row row = rows.get(name);
            int at = row.names().indexOf(name);
            double shipped = ((Number) c.getAccessor().invoke(ModelConstants.DEFAULT)).doubleValue();
            double documented = row.values().get(at);
            assertEquals(shipped, documented, 1e-9 * Math.max(1, Math.abs(shipped)), name + ": docs/model.md says " + documented);
            ConstantsFit.Knob knob = knobs.get(name);
            if (knob == null) {
                assertTrue(row.ranges().isEmpty(), name + " is not fitted, but the table gives it a fit range");
                continue;
            }
            assertEquals(row.names().size(), row.ranges().size(), name + ": one range per constant in the row");
            double[] range = row.ranges().get(at);
            assertEquals(knob.lo(), range[0], 1e-9 * Math.max(1, Math.abs(knob.lo())), name + ": lower end of the fit range");
            assertEquals(knob.hi(), range[1], 1e-9 * Math.max(1, Math.abs(knob.hi())), name + ": upper end of the fit range");
            assertEquals(knob.atEdge(shipped), row.evidence().contains("**at the"),
                    name + ": the table marks a constant at the end of its range, and only such a constant");
        }
    }

    @Test
    void unitsAndListsAreRead() {
        List<Double> alphas = values("8 / 25 µs");
        assertEquals(2, alphas.size());
        assertEquals(8e-6, alphas.get(0), 1e-15);
        assertEquals(25e-6, alphas.get(1), 1e-15);
        assertEquals(1.0e-3, values("1.0 ms").getFirst(), 1e-15);
        assertEquals(List.of(1061.0), values("1061"));
        List<double[]> r = ranges("0.6–1 / 0.4–1");
        assertEquals(0.4, r.get(1)[0]);
        assertEquals(1e-4, ranges("0.1–3 ms").getFirst()[0], 1e-15);
    }

    private static Map<String, Row> table() throws IOException {
        List<String> lines = Files.readAllLines(DOC);
        int header = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).startsWith("| constant | value | fit range |")) {
                header = i;
                break;
            }
        }
        if (header < 0) {
            fail(DOC + ": no table starting \"| constant | value | fit range |\"");
        }
        Map<String, Row> rows = new LinkedHashMap<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            String[] cells = lines.get(i).split("\\|");
            // cells[0] is empty (the line starts with '|'): constant, value, fit range, evidence follow
            List<String> names = new ArrayList<>();
            Matcher m = CODE_NAME.matcher(cells[1]);
            while (m.find()) {
                names.add(m.group(1));
            }
            String line = lines.get(i);
            assertTrue(!names.isEmpty(), DOC + ": no `name` in the row " + line);
            List<Double> values = values(cells[2].strip());
            assertEquals(names.size(), values.size(), DOC + ": one value per name in " + line);
            String range = cells[3].strip();
            Row row = new Row(names, values, range.equals("not fitted") ? List.of() : ranges(range), cells[4]);
            for (String n : names) {
                assertTrue(rows.put(n, row) == null, DOC + ": " + n + " is in the table twice");
            }
        }
        return rows;
    }

    /** "8 / 25 µs" → [8e-6, 25e-6]: numbers separated by " / ", a unit at the end applying to all. */
    static List<Double> values(String cell) {
        double scale = scale(cell);
        String numbers = stripUnit(cell);
        List<Double> out = new ArrayList<>();
        for (String part : numbers.split("/")) {
            out.add(Double.parseDouble(part.strip()) * scale);
        }
        return out;
    }

    /** "0.6–1 / 0.4–1" → [[0.6, 1], [0.4, 1]], with a unit at the end applying to all. */
    static List<double[]> ranges(String cell) {
        double scale = scale(cell);
        List<double[]> out = new ArrayList<>();
        for (String part : stripUnit(cell).split("/")) {
            String[] ends = part.strip().split("–");
            assertEquals(2, ends.length, "a range is lo–hi: " + cell);
            out.add(new double[] {Double.parseDouble(ends[0].strip()) * scale, Double.parseDouble(ends[1].strip()) * scale});
        }
        return out;
    }

    private static double scale(String cell) {
        return cell.endsWith(" ms") ? 1e-3 : cell.endsWith(" µs") ? 1e-6 : 1;
    }

    private static String stripUnit(String cell) {
        return cell.endsWith(" ms") || cell.endsWith(" µs") ? cell.substring(0, cell.length() - 3) : cell;
    }
}
