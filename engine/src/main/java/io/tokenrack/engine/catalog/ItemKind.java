package io.tokenrack.engine.catalog;

import java.util.Locale;

/** The kinds of catalog entries, as named on the command line and in JSON. */
public enum ItemKind {
    ACCELERATOR, SERVER, NETWORK, COOLING, RACK, POWER, MODEL;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ItemKind parse(String text) {
        for (ItemKind k : values()) {
            if (k.label().equalsIgnoreCase(text)) {
                return k;
            }
        }
        throw new InputException("unknown kind '" + text + "' (expected one of accelerator, server, network, cooling, rack, power, model)");
    }
}
