package io.tokenrack.app.document;

import io.tokenrack.engine.catalog.InputException;

/**
 * One user edit. {@link #apply} computes the state after the edit from the state before it and
 * throws {@link InputException} (with a message fit for the user) when the edit cannot be
 * made. Undo restores the state before, so commands need no inverse.
 */
public interface DesignCommand {
    /** Short text for the Edit menu: "Undo <description>". */
    String description();

    DocState apply(DocState before);
}
