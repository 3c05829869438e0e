package io.tokenrack.app.inspector;

import io.tokenrack.app.document.DesignCommand;
import io.tokenrack.app.document.DocState;
import io.tokenrack.engine.catalog.InputException;
import java.util.List;
import java.util.function.Function;

/**
 * One property a kind of subject shows in the inspector, declared once: its name, unit, group,
 * allowed range, help text, how to read it and (when editable) how an edit becomes a command.
 *
 * @param type    the value's type: String, Integer, Double (what the editor parses)
 * @param min     smallest allowed number, null for none
 * @param max     largest allowed number, null for none
 * @param choices allowed values for a choice editor (ids), null for free input
 * @param editor  turns a new value into a command; null for a read-only property
 */
public record PropertyMeta<T>(
        String key,
        String name,
        String category,
        String unit,
        Class<?> type,
        Double min,
        Double max,
        String help,
        Function<T, Object> getter,
        Editor<T> editor,
        List<Choice> choices) {

    /** Makes the command for an edit (or throws InputException with a message for the user). */
    @FunctionalInterface
    public interface Editor<T> {
        DesignCommand edit(T subject, Object value, DocState state);
    }

    /** A value a choice editor offers: the stored id and the text shown. */
    public record Choice(String id, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    public boolean editable() {
        return editor != null;
    }

    /** "Position (U)" — the name with its unit. */
    public String label() {
        return unit == null || unit.isEmpty() ? name : name + " (" + unit + ")";
    }

    public static <T> PropertyMeta<T> readOnly(String key, String name, String category, String unit, String help, Function<T, Object> getter) {
        return new PropertyMeta<>(key, name, category, unit, String.class, null, null, help, getter, null, null);
    }

    public static <T> PropertyMeta<T> text(String key, String name, String category, String help, Function<T, Object> getter, Editor<T> editor) {
        return new PropertyMeta<>(key, name, category, "", String.class, null, null, help, getter, editor, null);
    }

    public static <T> PropertyMeta<T> integer(String key, String name, String category, String unit, double min, double max, String help,
                                              Function<T, Object> getter, Editor<T> editor) {
        return new PropertyMeta<>(key, name, category, unit, Integer.class, min, max, help, getter, editor, null);
    }

    public static <T> PropertyMeta<T> decimal(String key, String name, String category, String unit, double min, double max, String help,
                                              Function<T, Object> getter, Editor<T> editor) {
        return new PropertyMeta<>(key, name, category, unit, Double.class, min, max, help, getter, editor, null);
    }

    public static <T> PropertyMeta<T> choice(String key, String name, String category, String help, List<Choice> choices,
                                             Function<T, Object> getter, Editor<T> editor) {
        return new PropertyMeta<>(key, name, category, "", Choice.class, null, null, help, getter, editor, List.copyOf(choices));
    }
}
