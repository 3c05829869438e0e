package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.evaluate.AcceleratorPools;
import java.util.Locale;

/** {@code --serving}: whether an evaluation runs attention–FFN disaggregation. */
final class AfdOption {
    private AfdOption() {}

    /**
     * True for {@code afd}, and for {@code auto} (or no option) on a design with two kinds of
     * accelerators; false for {@code aggregated}.
     */
    static boolean afd(String serving, WorkloadOptions o, Catalog catalog) {
        String mode = serving == null ? "auto" : serving.strip().toLowerCase(Locale.ROOT);
        boolean design = o.target.design != null;
        return switch (mode) {
            case "aggregated" -> false;
            case "afd" -> {
                if (!design) {
                    throw new InputException("--serving afd: needs a --design with two kinds of accelerators (attention on one, the FFN on the other)");
                }
                yield true;
            }
            case "auto" -> design && AcceleratorPools.mixed(catalog, o.design());
            default -> throw new InputException("--serving: expected aggregated, afd or auto, was '" + serving + "'");
        };
    }
}
