package io.tokenrack.app.inspector;

import atlantafx.base.theme.Styles;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.util.Callback;
import org.controlsfx.control.PropertySheet;
import org.controlsfx.property.editor.PropertyEditor;

/**
 * Editors for {@link MetaItem}s: text fields that commit on Enter or focus loss (one command per
 * edit, not per keystroke), combo boxes for choices, labels for read-only values. Each editor's id
 * is "inspector-" + the property key with dots as dashes.
 */
final class MetaEditors implements Callback<PropertySheet.Item, PropertyEditor<?>> {

    static String id(MetaItem<?> item) {
        return "inspector-" + item.meta().key().replace('.', '-');
    }

    @Override
    public PropertyEditor<?> call(PropertySheet.Item item) {
        MetaItem<?> m = (MetaItem<?>) item;
        PropertyEditor<Object> editor;
        if (!m.isEditable()) {
            editor = new ReadOnly(m);
        } else if (m.meta().choices() != null) {
            editor = new Choice(m);
        } else {
            editor = new Commit(m);
        }
        // after an edit the item's value changes in place; the editor shows the new one
        m.getObservableValue().ifPresent(v -> v.addListener((obs, a, b) -> editor.setValue(m.getValue())));
        return editor;
    }

    private static final class ReadOnly implements PropertyEditor<Object> {
        private final Label label = new Label();

        ReadOnly(MetaItem<?> item) {
            label.setId(id(item));
            label.setAccessibleText(item.meta().label());
            label.setMinWidth(0);
            label.setPrefWidth(140);
            label.setWrapText(true);
            label.getStyleClass().add("tr-readonly-value");
        }

        @Override
        public Node getEditor() {
            return label;
        }

        @Override
        public Object getValue() {
            return label.getText();
        }

        @Override
        public void setValue(Object value) {
            String s = value == null ? "" : value instanceof Double d ? MetaItem.fmt(d) : value.toString();
            label.setText(s);
            label.setTooltip(s.length() > 30 ? wrap(s) : null);
        }
    }

    private static final class Commit implements PropertyEditor<Object> {
        private final TextField field = new TextField();
        private final MetaItem<?> item;
        private String shown = "";

        Commit(MetaItem<?> item) {
            this.item = item;
            field.setId(id(item));
            field.setAccessibleText(item.meta().label());
            field.setTooltip(wrap(item.getDescription()));
            field.setPrefColumnCount(7);
            field.setOnAction(e -> commit());
            field.focusedProperty().addListener((obs, was, is) -> {
                if (!is && !field.getText().equals(shown)) {
                    commit();
                }
            });
        }

        private void commit() {
            boolean ok = item.commitText(field.getText());
            field.pseudoClassStateChanged(Styles.STATE_DANGER, !ok);
        }

        @Override
        public Node getEditor() {
            return field;
        }

        @Override
        public Object getValue() {
            return field.getText();
        }

        @Override
        public void setValue(Object value) {
            shown = value == null ? "" : value instanceof Double d ? MetaItem.fmt(d) : value.toString();
            field.setText(shown);
        }
    }

    private static final class Choice implements PropertyEditor<Object> {
        private final ComboBox<PropertyMeta.Choice> box = new ComboBox<>();
        private boolean setting;

        Choice(MetaItem<?> item) {
            box.setId(id(item));
            box.setAccessibleText(item.meta().label());
            box.getItems().setAll(item.meta().choices());
            box.setPrefWidth(140);
            box.setMaxWidth(Double.MAX_VALUE);
            box.setTooltip(wrap(item.getDescription()));
            box.valueProperty().addListener((obs, a, b) -> {
                if (!setting && b != null) {
                    item.setValue(b);
                }
            });
        }

        @Override
        public Node getEditor() {
            return box;
        }

        @Override
        public Object getValue() {
            return box.getValue();
        }

        @Override
        public void setValue(Object value) {
            setting = true;
            try {
                box.setValue(value instanceof PropertyMeta.Choice c ? c : null);
            } finally {
                setting = false;
            }
        }
    }

    private static Tooltip wrap(String text) {
        Tooltip t = new Tooltip(text);
        t.setWrapText(true);
        t.setMaxWidth(420);
        return t;
    }
}
