package io.tokenrack.engine.workload;

import com.fasterxml.jackson.annotation.JsonValue;
import io.tokenrack.engine.catalog.InputException;
import java.util.Locale;

/**
 * Number formats for weights, activations and the KV cache. Compute runs at the accelerator's
 * dense peak for the format; bytes move at its width.
 */
public enum Precision {
    BF16("bf16", 2.0),
    FP8("fp8", 1.0),
    /**
     * 4-bit floats with block scales: NVFP4 stores one FP8 scale per 16 values (4 + 8/16 = 4.5 bits)
     * and MXFP4 one 8-bit scale per 32 (4.25 bits); we count the larger, 4.5 bits = 0.5625 bytes.
     */
    FP4("fp4", 0.5625),
    /**
     * 32-bit floats, for the measured host CPU ({@code lab.host.HostProfile}): its device record
     * carries the measured fp32 peak in the bf16 field, so fp32 math runs at that figure. Catalog
     * accelerators have no fp32 figure; for them this reads as their bf16 tensor peak.
     */
    FP32("fp32", 4.0);

    private final String label;
    private final double bytesPerElement;

    Precision(String label, double bytesPerElement) {
        this.label = label;
        this.bytesPerElement = bytesPerElement;
    }

    @JsonValue
    public String label() {
        return label;
    }

    public double bytesPerElement() {
        return bytesPerElement;
    }

    public static Precision parse(String text) {
        for (Precision p : values()) {
            if (p.label.equals(text.toLowerCase(Locale.ROOT))) {
                return p;
            }
        }
        throw new InputException("unknown precision '" + text + "' (expected bf16, fp8 or fp4; fp32 for the measured host)");
    }
}
