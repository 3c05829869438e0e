package io.tokenrack.engine.catalog;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Ranges a catalog figure must lie in to be believed: far around anything built, so a typo or a
 * hostile value (5e-324 TB/s, a 1.8e308 W TDP) is refused when the presets load instead of
 * evaluating "OK" at 0 tokens/s. The records check only that values are positive; this is the
 * loader's second look. The kernel lab's measured computer is not loaded through here.
 */
final class Plausibility {
    private Plausibility() {}

    /** One figure out of its range: the field, its value and the range with its unit. */
    record Violation(String field, double value, double min, double max, String unit) {
        String reason(String id) {
            return plain(value) + " is not plausible for " + id + ": expected " + plain(min) + " to " + plain(max)
                    + (unit.isEmpty() ? "" : " " + unit);
        }
    }

    /** The first figure of {@code item} outside its range, if any. */
    static Optional<Violation> check(CatalogItem item) {
        List<Violation> out = new ArrayList<>();
        switch (item) {
            case AcceleratorSpec a -> {
                range(out, "bf16DenseTflops", a.bf16DenseTflops(), 0.1, 100_000, "TFLOP/s");
                range(out, "fp8DenseTflops", a.fp8DenseTflops(), 0.1, 100_000, "TFLOP/s");
                range(out, "fp4DenseTflops", a.fp4DenseTflops(), 0.1, 100_000, "TFLOP/s");
                range(out, "int8DenseTops", a.int8DenseTops(), 0.1, 100_000, "TOP/s");
                range(out, "memoryGB", a.memoryGB(), 0.01, 100_000, "GB");
                range(out, "memBandwidthTBps", a.memBandwidthTBps(), 0.01, 50_000, "TB/s"); // on-chip SRAM: LP30 150 TB/s, a wafer 21 PB/s
                range(out, "onChipSramMB", a.onChipSramMB(), 0.01, 1_000_000, "MB");
                range(out, "tdpWatts", a.tdpWatts(), 1, 100_000, "W");
                range(out, "scaleUpGBpsPerDirection", a.scaleUpGBpsPerDirection(), 0.1, 100_000, "GB/s");
                range(out, "scaleUpDomainSize", a.scaleUpDomainSize(), 1, 100_000, "accelerators");
                range(out, "priceUsdEstimate", a.priceUsdEstimate(), 1, 100_000_000, "USD");
            }
            case ServerSpec s -> {
                range(out, "acceleratorCount", s.acceleratorCount(), 0, 10_000, "accelerators");
                range(out, "heightU", s.heightU(), 0, 100, "U");
                range(out, "maxPowerWatts", s.maxPowerWatts(), 1, 1_000_000, "W");
                range(out, "weightKg", s.weightKg(), 0.01, 10_000, "kg");
                range(out, "nicCount", s.nicCount(), 0, 1_000, "NICs");
                range(out, "traysPerDomain", s.traysPerDomain(), 1, 10_000, "trays");
                range(out, "switchTraysPerDomain", s.switchTraysPerDomain(), 0, 10_000, "trays");
                range(out, "priceUsdEstimate", s.priceUsdEstimate(), 1, 1_000_000_000, "USD");
            }
            case NetworkSpec n -> {
                range(out, "portSpeedGbps", n.portSpeedGbps(), 0.1, 100_000, "Gb/s");
                range(out, "ports", n.ports(), 1, 100_000, "ports");
                range(out, "heightU", n.heightU(), 0, 100, "U");
                range(out, "maxPowerWatts", n.maxPowerWatts(), 0.01, 1_000_000, "W");
                range(out, "latencyNs", n.latencyNs(), 0, 1e9, "ns");
                range(out, "weightKg", n.weightKg(), 0.001, 10_000, "kg");
            }
            case CoolingSpec c -> {
                range(out, "capacityKw", c.capacityKw(), 0.01, 100_000, "kW");
                range(out, "heightU", c.heightU(), 0, 100, "U");
                range(out, "powerWatts", c.powerWatts(), 0.1, 10_000_000, "W");
            }
            case RackSpec r -> {
                range(out, "heightU", r.heightU(), 1, 100, "U");
                range(out, "powerBudgetKw", r.powerBudgetKw(), 0.1, 10_000, "kW");
                range(out, "maxWeightKg", r.maxWeightKg(), 1, 100_000, "kg");
            }
            case PowerSpec p -> {
                range(out, "capacityKw", p.capacityKw(), 0.01, 100_000, "kW");
                range(out, "heightU", p.heightU(), 0, 100, "U");
            }
            case ModelSpec m -> {
                range(out, "layers", m.layers(), 1, 10_000, "layers");
                range(out, "hiddenSize", m.hiddenSize(), 1, 1_000_000, "");
                range(out, "attentionHeads", m.attentionHeads(), 1, 100_000, "heads");
                range(out, "vocabSize", m.vocabSize(), 1, 100_000_000, "tokens");
                range(out, "maxContextTokens", m.maxContextTokens(), 1, 100_000_000, "tokens");
                range(out, "totalParamsB", m.totalParamsB(), 0.001, 1_000_000, "billion parameters");
                range(out, "activeParamsB", m.activeParamsB(), 0.001, 1_000_000, "billion parameters");
            }
            default -> { }
        }
        return out.stream().findFirst();
    }

    private static void range(List<Violation> out, String field, Number value, double min, double max, String unit) {
        if (value != null && !(value.doubleValue() >= min && value.doubleValue() <= max)) {
            out.add(new Violation(field, value.doubleValue(), min, max, unit));
        }
    }

    /** 0.01, 100000, 5.0E-324 as written by a person: no trailing zeros, exponent only for the extreme. */
    private static String plain(double v) {
        if (v != 0 && (Math.abs(v) < 1e-6 || Math.abs(v) >= 1e15)) {
            return Double.toString(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
