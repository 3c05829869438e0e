package io.tokenrack.engine.catalog;

/**
 * A preset or design file that cannot be used. The message names the file, the line and column
 * where the parser knows them, the field and the reason, e.g.
 * {@code presets/hardware/accelerators.json:12:5: accelerators[3].tdpWatts: must be a positive number, was -700.0}.
 */
public final class PresetException extends RuntimeException {
    private final String file;
    private final int line;
    private final int column;
    private final String field;
    private final String reason;

    public PresetException(String file, int line, int column, String field, String reason) {
        super(format(file, line, column, field, reason));
        this.file = file;
        this.line = line;
        this.column = column;
        this.field = field;
        this.reason = reason;
    }

    public PresetException(String file, String field, String reason) {
        this(file, -1, -1, field, reason);
    }

    private static String format(String file, int line, int column, String field, String reason) {
        StringBuilder sb = new StringBuilder(file);
        if (line > 0) {
            sb.append(':').append(line);
            if (column > 0) {
                sb.append(':').append(column);
            }
        }
        sb.append(": ");
        if (field != null && !field.isEmpty()) {
            sb.append(field).append(": ");
        }
        return sb.append(reason).toString();
    }

    public String file() {
        return file;
    }

    /** 1-based line, or -1 when unknown. */
    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
