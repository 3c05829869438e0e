package io.tokenrack.app.inspector;

import io.tokenrack.app.canvas.CanvasModel;
import io.tokenrack.app.document.DesignCommand;
import io.tokenrack.app.document.DesignDocument;
import io.tokenrack.engine.catalog.InputException;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The inspector's model: which subject is shown (the selected item, several items, the current
 * rack, or the design and its workload), its property items, and edits: each checked for type and
 * range, then made into one undoable command; a refusal becomes {@link #errorProperty()}.
 */
public final class InspectorModel {
    private final DesignDocument document;
    private final CanvasModel canvas;
    private InspectorMetadata metadata;
    private final ReadOnlyObjectWrapper<Subject> subject = new ReadOnlyObjectWrapper<>(this, "subject");
    private final ReadOnlyObjectWrapper<List<MetaItem<?>>> items = new ReadOnlyObjectWrapper<>(this, "items", List.of());
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper(this, "error", "");

    public InspectorModel(DesignDocument document, CanvasModel canvas, InspectorMetadata metadata) {
        this.document = document;
        this.canvas = canvas;
        this.metadata = metadata;
        initListeners();
        refresh();
    }

    private void initListeners() {
        document.stateProperty().addListener((obs, a, b) -> refresh());
        canvas.selectionProperty().addListener((obs, a, b) -> {
            error.set("");
            refresh();
        });
        canvas.currentRackProperty().addListener((obs, a, b) -> refresh());
    }

    public ReadOnlyObjectProperty<Subject> subjectProperty() {
        return subject.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<MetaItem<?>>> itemsProperty() {
        return items.getReadOnlyProperty();
    }

    public List<MetaItem<?>> items() {
        return items.get();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The item with this metadata key, for tests and keyboard navigation. */
    public MetaItem<?> item(String key) {
        return items.get().stream().filter(i -> i.meta().key().equals(key)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no property '" + key + "' for " + title.get()));
    }

    /** The catalog changed (this computer measured again): what is shown is described with {@code next} from now on. */
    public void useMetadata(InspectorMetadata next) {
        this.metadata = next;
        refresh();
    }

    /** Shows the design and workload (clears the canvas selection and current rack). */
    public void showDesign() {
        canvas.focusRack(null);
    }

    private void refresh() {
        Subject s = metadata.subjectFor(document.design(), document.assumptions(), canvas.selection(), canvas.currentRack());
        List<PropertyMeta<?>> metas = metadata.of(s);
        Subject before = subject.get();
        subject.set(s);
        title.set(s.title());
        if (before != null && before.getClass() == s.getClass() && sameIdentity(before, s)
                && items.get().stream().map(MetaItem::meta).toList().equals(metas)) {
            // the same properties of an edited subject: update the values, keep the editors
            for (MetaItem<?> i : items.get()) {
                rebind(i, s);
            }
            return;
        }
        List<MetaItem<?>> out = new ArrayList<>();
        for (PropertyMeta<?> m : metas) {
            out.add(item(m, s));
        }
        items.set(List.copyOf(out));
    }

    /** Whether two subjects are the same thing (item, rack) in two states of the document. */
    private static boolean sameIdentity(Subject a, Subject b) {
        return switch (a) {
            case Subject.Item x -> x.placement().id().equals(((Subject.Item) b).placement().id());
            case Subject.Rack x -> x.rack().id().equals(((Subject.Rack) b).rack().id());
            case Subject.Selection x -> false;
            case Subject.Design x -> true;
        };
    }

    @SuppressWarnings("unchecked")
    private static <T> void rebind(MetaItem<T> item, Subject s) {
        item.rebind((T) s);
    }

    @SuppressWarnings("unchecked")
    private <T> MetaItem<T> item(PropertyMeta<T> m, Subject s) {
        return new MetaItem<>(m, (T) s, this);
    }

    /** Text typed into an editor: parsed by the property's type, then {@link #edit}. */
    boolean editText(MetaItem<?> item, String text) {
        PropertyMeta<?> m = item.meta();
        Object value;
        String t = text == null ? "" : text.strip().replace(",", "");
        try {
            if (m.type() == Integer.class) {
                value = Integer.parseInt(t);
            } else if (m.type() == Double.class) {
                value = Double.parseDouble(t);
            } else {
                value = text;
            }
        } catch (NumberFormatException e) {
            error.set(m.name() + ": enter " + (m.type() == Integer.class ? "a whole number" : "a number")
                    + (m.unit().isEmpty() ? "" : " in " + m.unit()) + " (was \"" + t + "\").");
            return false;
        }
        return edit(item, value);
    }

    /** A new value for a property: range-checked, then one command; false (and a message) if refused. */
    public boolean edit(MetaItem<?> item, Object value) {
        return apply(item, value);
    }

    private <T> boolean apply(MetaItem<T> item, Object value) {
        PropertyMeta<T> m = item.meta();
        if (!m.editable()) {
            error.set(m.name() + " is read-only: it comes from the catalog.");
            return false;
        }
        if (value instanceof Number n && (m.min() != null || m.max() != null)) {
            double v = n.doubleValue();
            if ((m.min() != null && v < m.min()) || (m.max() != null && v > m.max()) || Double.isNaN(v)) {
                error.set(m.name() + ": must be between " + MetaItem.fmt(m.min()) + " and " + MetaItem.fmt(m.max())
                        + (m.unit().isEmpty() ? "" : " " + m.unit()) + " (was " + MetaItem.fmt(v) + ").");
                return false;
            }
        }
        if (java.util.Objects.equals(value, item.getValue())) {
            return true;
        }
        try {
            DesignCommand c = m.editor().edit(item.subject(), value, document.state());
            document.execute(c);
        } catch (InputException | ClassCastException e) {
            error.set(e.getMessage() == null ? m.name() + ": not a valid value" : e.getMessage());
            return false;
        }
        error.set("");
        return true;
    }
}
