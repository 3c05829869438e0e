package io.tokenrack.app.palette;

import javafx.scene.input.DataFormat;

/** The drag-and-drop format that carries a catalog id from the palette to a rack. */
public final class CatalogDrag {
    private CatalogDrag() {}

    /** Created once per JVM: JavaFX refuses a second DataFormat with the same MIME type. */
    public static final DataFormat CATALOG_ID = lookupOrCreate("application/x-tokenrack-catalog-id");

    private static DataFormat lookupOrCreate(String mime) {
        DataFormat existing = DataFormat.lookupMimeType(mime);
        return existing != null ? existing : new DataFormat(mime);
    }
}
