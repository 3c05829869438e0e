package io.tokenrack.app.inspector;

import java.util.Locale;
import java.util.Optional;
import javafx.beans.value.ObservableValue;
import org.controlsfx.control.PropertySheet;

/**
 * The one PropertySheet item type: shows any {@link PropertyMeta} of a subject and sends edits to
 * the inspector model, which validates them (type, range) and turns them into commands.
 */
public final class MetaItem<T> implements PropertySheet.Item {
    private final PropertyMeta<T> meta;
    private final InspectorModel model;
    private final javafx.beans.property.SimpleObjectProperty<Object> observed = new javafx.beans.property.SimpleObjectProperty<>(this, "value");
    private T subject;

    MetaItem(PropertyMeta<T> meta, T subject, InspectorModel model) {
        this.meta = meta;
        this.subject = subject;
        this.model = model;
        observed.set(getValue());
    }

    /** The same property of a newer subject (after an edit): editors follow through the observable value. */
    void rebind(T newSubject) {
        subject = newSubject;
        observed.set(getValue());
    }

    public PropertyMeta<T> meta() {
        return meta;
    }

    public T subject() {
        return subject;
    }

    @Override
    public Class<?> getType() {
        return meta.type();
    }

    @Override
    public String getCategory() {
        return meta.category();
    }

    @Override
    public String getName() {
        return meta.label();
    }

    @Override
    public String getDescription() {
        StringBuilder sb = new StringBuilder(meta.help());
        if (meta.min() != null && meta.max() != null) {
            sb.append(" Range ").append(fmt(meta.min())).append("–").append(fmt(meta.max()))
                    .append(meta.unit().isEmpty() ? "" : " " + meta.unit()).append('.');
        }
        return sb.toString();
    }

    @Override
    public Object getValue() {
        Object v = meta.getter().apply(subject);
        if (meta.choices() != null) {
            return meta.choices().stream().filter(c -> c.id().equals(v)).findFirst().orElse(null);
        }
        return v;
    }

    /** The value as text for display: numbers without trailing zeros, blank for none. */
    public String displayValue() {
        Object v = getValue();
        if (v == null) {
            return "";
        }
        if (v instanceof Double d) {
            return fmt(d);
        }
        return v.toString();
    }

    @Override
    public void setValue(Object value) {
        model.edit(this, value);
    }

    /** Parses and applies text typed into an editor; false (and a message) if refused. */
    public boolean commitText(String text) {
        return model.editText(this, text);
    }

    @Override
    public Optional<ObservableValue<? extends Object>> getObservableValue() {
        return Optional.of(observed);
    }

    @Override
    public boolean isEditable() {
        return meta.editable();
    }

    static String fmt(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return String.valueOf((long) v);
        }
        return String.format(Locale.ROOT, "%.6g", v).replaceAll("\\.?0+$", "");
    }

    @Override
    public String toString() {
        return meta.key() + "=" + displayValue();
    }
}
