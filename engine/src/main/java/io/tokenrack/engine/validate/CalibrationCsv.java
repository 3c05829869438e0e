package io.tokenrack.engine.validate;

import io.tokenrack.engine.catalog.PresetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Reads the calibration CSV (RFC 4180 quoting); errors name the file, line and column. */
public final class CalibrationCsv {
    public static final List<String> HEADER = List.of("id", "source_url", "model", "precision", "accelerator", "count", "tp", "dp",
            "ep", "isl", "osl", "mode", "limit", "metric", "value", "unit", "notes");

    private CalibrationCsv() {}

    public static List<CalibrationRow> read(Path file) {
        String name = file.toString();
        byte[] bytes = io.tokenrack.engine.catalog.StrictJson.readBytes(file, name);
        io.tokenrack.engine.catalog.StrictJson.requireUtf8(bytes, name);
        List<String> lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty()) {
            throw new PresetException(name, "", "the file is empty");
        }
        List<String> header = split(lines.get(0), name, 1);
        if (!header.equals(HEADER)) {
            throw new PresetException(name, 1, 1, "header", "expected columns " + String.join(",", HEADER));
        }
        List<CalibrationRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int n = i + 1;
            List<String> f = split(line, name, n);
            if (f.size() != HEADER.size()) {
                throw new PresetException(name, n, 1, "", "expected " + HEADER.size() + " columns, found " + f.size());
            }
            rows.add(new CalibrationRow(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4),
                    integer(f, 5, name, n), integer(f, 6, name, n), integer(f, 7, name, n), integer(f, 8, name, n),
                    integer(f, 9, name, n), integer(f, 10, name, n), f.get(11),
                    f.get(12).isBlank() ? null : number(f, 12, name, n), f.get(13), number(f, 14, name, n)));
        }
        return rows;
    }

    private static int integer(List<String> f, int col, String file, int line) {
        try {
            int v = Integer.parseInt(f.get(col).trim());
            if (v <= 0) {
                throw new PresetException(file, line, col + 1, HEADER.get(col), "must be positive, was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new PresetException(file, line, col + 1, HEADER.get(col), "expected a whole number, found \"" + f.get(col) + "\"");
        }
    }

    private static double number(List<String> f, int col, String file, int line) {
        try {
            double v = Double.parseDouble(f.get(col).trim());
            if (!(v > 0)) {
                throw new PresetException(file, line, col + 1, HEADER.get(col), "must be positive, was " + v);
            }
            return v;
        } catch (NumberFormatException e) {
            throw new PresetException(file, line, col + 1, HEADER.get(col), "expected a number, found \"" + f.get(col) + "\"");
        }
    }

    static List<String> split(String line, String file, int lineNo) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        cur.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cur.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                out.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (quoted) {
            throw new PresetException(file, lineNo, line.length(), "", "unterminated quoted field");
        }
        out.add(cur.toString());
        return out;
    }
}
