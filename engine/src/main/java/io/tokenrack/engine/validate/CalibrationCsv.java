package io.tokenrack.engine.validate;

import io.tokenrack.engine.catalog.PresetException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the calibration CSV (RFC 4180 quoting); errors name the file, line and column. An optional
 * last column, {@value #SPECULATIVE}, says the speculative decoding a measurement ran (off, mtp:K,
 * eagle:K, draft:MODEL_ID:K or auto); files without it stay valid, and with it a row may leave the
 * cell out (the mode's default).
 */
public final class CalibrationCsv {
    public static final List<String> HEADER = List.of("id", "source_url", "model", "precision", "accelerator", "count", "tp", "dp",
            "ep", "isl", "osl", "mode", "limit", "metric", "value", "unit", "notes");

    /** The optional last column: the speculative decoding the measurement ran. */
    public static final String SPECULATIVE = "speculative";

    private CalibrationCsv() {}

    public static List<CalibrationRow> read(Path file) {
        return read(file, null);
    }

    /**
     * As {@link #read(Path)}, but a data line with a bad cell is reported to {@code malformed} (one line
     * naming the row id, the file, line, column and what is wrong) and skipped, so the other rows
     * still come back; null {@code malformed}: the first bad line throws. A bad header still throws.
     */
    public static List<CalibrationRow> read(Path file, List<String> malformed) {
        String name = file.toString();
        byte[] bytes = io.tokenrack.engine.catalog.StrictJson.readBytes(file, name);
        io.tokenrack.engine.catalog.StrictJson.requireUtf8(bytes, name);
        List<String> lines = new String(bytes, java.nio.charset.StandardCharsets.UTF_8).lines().toList();
        if (lines.isEmpty()) {
            throw new PresetException(name, "", "the file is empty");
        }
        List<String> header = split(lines.get(0), name, 1);
        boolean speculative = header.size() == HEADER.size() + 1 && header.getLast().equals(SPECULATIVE);
        if (!header.equals(HEADER) && !(speculative && header.subList(0, HEADER.size()).equals(HEADER))) {
            throw new PresetException(name, 1, 1, "header", "expected columns " + String.join(",", HEADER) + " (and optionally " + SPECULATIVE
                    + " last)");
        }
        List<CalibrationRow> rows = new ArrayList<>();
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) {
                continue;
            }
            int n = i + 1;
            List<String> f = List.of();
            try {
                f = split(line, name, n);
                if (f.size() != HEADER.size() && !(speculative && f.size() == HEADER.size() + 1)) {
                    throw new PresetException(name, n, 1, "", "expected " + HEADER.size() + (speculative ? " or " + (HEADER.size() + 1) : "")
                            + " columns, found " + f.size());
                }
                rows.add(row(f, name, n));
            } catch (PresetException e) {
                if (malformed == null) {
                    throw e;
                }
                malformed.add("row " + (f.isEmpty() || f.getFirst().isBlank() ? "(no id)" : f.getFirst().strip()) + ": " + e.getMessage());
            }
        }
        return rows;
    }

    /** One data line: each field checked, errors naming the file, line, column and field. */
    private static CalibrationRow row(List<String> f, String name, int n) {
        String modeText = f.get(11).trim();
        ValidationMode mode = ValidationMode.parse(modeText).orElseThrow(() -> new PresetException(name, n, 12, "mode",
                "expected one of " + ValidationMode.labels() + ", found \"" + modeText + "\""));
        Double limit = null;
        Double ttft = null;
        Double tpot = null;
        String limitText = f.get(12).trim();
        switch (mode) {
            case MAX_THROUGHPUT -> {
                if (!limitText.isEmpty()) {
                    throw new PresetException(name, n, 13, "limit", "max-throughput takes no limit, found \"" + limitText + "\"");
                }
            }
            case DISAGGREGATED -> limit = limitText.isEmpty() ? null : (double) integer(f, 12, name, n); // empty: as many as fit
            case CONCURRENCY -> {
                if (limitText.isEmpty()) {
                    throw new PresetException(name, n, 13, "limit", mode.label() + " needs the requests in flight, found an empty cell");
                }
                limit = (double) integer(f, 12, name, n);
            }
            case MIN_TOKENS_PER_SECOND_PER_USER -> {
                if (limitText.isEmpty()) {
                    throw new PresetException(name, n, 13, "limit", mode.label() + " needs the tokens/s per user floor, found an empty cell");
                }
                limit = number(f, 12, name, n);
            }
            case LATENCY_LIMITS -> {
                String[] parts = limitText.split("/", -1);
                if (parts.length != 2) {
                    throw new PresetException(name, n, 13, "limit", "latency-limits needs TTFT_ms/TPOT_ms (e.g. 2000/200), found \""
                            + limitText + "\"");
                }
                ttft = limitPart(parts[0], "TTFT_ms", limitText, name, n);
                tpot = limitPart(parts[1], "TPOT_ms", limitText, name, n);
            }
        }
        return new CalibrationRow(f.get(0), f.get(1), f.get(2), f.get(3), f.get(4),
                integer(f, 5, name, n), optionalInteger(f, 6, name, n), optionalInteger(f, 7, name, n), optionalInteger(f, 8, name, n),
                integer(f, 9, name, n), integer(f, 10, name, n), modeText, limit, f.get(13).trim(), number(f, 14, name, n), ttft, tpot,
                speculative(f, name, n));
    }

    /** The optional last cell: null when absent or empty, else checked as {@code --speculative} takes it. */
    private static String speculative(List<String> f, String file, int line) {
        if (f.size() <= HEADER.size() || f.get(HEADER.size()).isBlank()) {
            return null;
        }
        String text = f.get(HEADER.size()).strip();
        try {
            io.tokenrack.engine.evaluate.SpeculationRequest.parse(text);
        } catch (io.tokenrack.engine.catalog.InputException e) {
            throw new PresetException(file, line, HEADER.size() + 1, SPECULATIVE, e.getMessage());
        }
        return text;
    }

    private static double limitPart(String part, String what, String limitText, String file, int line) {
        try {
            double v = Double.parseDouble(part.trim());
            if (v > 0 && Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new PresetException(file, line, 13, "limit", what + " must be a positive number of milliseconds in \"" + limitText + "\"");
    }

    /** An empty cell is null (automatic), else a positive whole number. */
    private static Integer optionalInteger(List<String> f, int col, String file, int line) {
        return f.get(col).isBlank() ? null : integer(f, col, file, line);
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
            if (!(v > 0) || !Double.isFinite(v)) {
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
