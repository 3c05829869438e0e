package io.tokenrack.engine.cli;

import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.InputException;
import io.tokenrack.engine.catalog.ItemKind;
import io.tokenrack.engine.evaluate.ServingMode;
import io.tokenrack.engine.evaluate.ServingOptions;
import picocli.CommandLine.Option;

/** {@code --serving}, {@code --prefill-count}, {@code --decode-count} and {@code --prefill-accelerator}. */
final class ServingCliOptions {
    @Option(names = "--serving",
            description = "aggregated (every replica prefills and decodes), disaggregated (a prefill and a decode pool), "
                    + "afd (attention–FFN disaggregation: a design with two kinds of accelerator, attention and the KV cache on one, "
                    + "the FFN on the other) or auto (whichever serves the operating point better); default: the design's workload, else auto")
    String serving;

    @Option(names = "--prefill-count", description = "accelerators in the prefill pool (disaggregated; default: searched)", paramLabel = "N")
    Integer prefillCount;

    @Option(names = "--decode-count", description = "accelerators in the decode pool (disaggregated; default: searched)", paramLabel = "M")
    Integer decodeCount;

    @Option(names = "--prefill-accelerator",
            description = "the prefill pool is --prefill-count of this accelerator beside the design's, which all decode; "
                    + "in a design with two kinds, the kind whose racks prefill", paramLabel = "ID")
    String prefillAccelerator;

    /** The options as the engine takes them; a bad combination is one line naming the options. */
    ServingOptions options(Catalog catalog, boolean staticBatching, boolean design) {
        return options(catalog, staticBatching, design, null);
    }

    /** As above; without {@code --serving}, the design workload's {@code serving} ({@code fallback}, null for auto). */
    ServingOptions options(Catalog catalog, boolean staticBatching, boolean design, String fallback) {
        String serving = this.serving != null ? this.serving : fallback != null ? fallback : "auto";
        ServingMode mode;
        try {
            mode = ServingMode.parse(serving);
        } catch (InputException e) {
            throw new InputException("--serving: expected aggregated, disaggregated, afd or auto, was '" + serving + "'");
        }
        boolean pools = prefillCount != null || decodeCount != null || prefillAccelerator != null;
        if (pools && mode == ServingMode.AGGREGATED) {
            throw new InputException("--prefill-count, --decode-count and --prefill-accelerator need --serving disaggregated or auto");
        }
        if (prefillCount != null && prefillCount < 1) {
            throw new InputException("--prefill-count: must be at least 1, was " + prefillCount);
        }
        if (decodeCount != null && decodeCount < 1) {
            throw new InputException("--decode-count: must be at least 1, was " + decodeCount);
        }
        if (prefillAccelerator != null && prefillCount == null && !design) {
            throw new InputException("--prefill-accelerator needs --prefill-count (how many of " + prefillAccelerator + " prefill)");
        }
        if (mode == ServingMode.AFD && !design) {
            throw new InputException("--serving afd: needs a --design with two kinds of accelerators (attention on one, the FFN on the other)");
        }
        if (pools && mode == ServingMode.AFD) {
            throw new InputException("--prefill-count, --decode-count and --prefill-accelerator need --serving disaggregated or auto");
        }
        if (staticBatching && (pools || mode == ServingMode.DISAGGREGATED || mode == ServingMode.AFD)) {
            throw new InputException("--batching static cannot be disaggregated: disaggregated serving is modelled with continuous batching");
        }
        String prefillId = prefillAccelerator == null ? null : CatalogIds.resolve(catalog, prefillAccelerator, ItemKind.ACCELERATOR);
        return new ServingOptions(mode, prefillCount, decodeCount, prefillId);
    }
}
