package io.tokenrack.engine.workload;

import com.fasterxml.jackson.annotation.JsonValue;
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
    FP4("fp4", 0.5625);

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
        throw new IllegalArgumentException("unknown precision '" + text + "' (expected bf16, fp8 or fp4)");
    }
}
