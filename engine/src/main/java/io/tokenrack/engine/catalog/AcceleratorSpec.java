package io.tokenrack.engine.catalog;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * One accelerator chip as its vendor specifies it. Compute figures are <b>dense</b> (no 2:4
 * sparsity); the scale-up bandwidth is <b>per direction</b>. A figure no source gives is null; a chip
 * with no BF16 math (an FP8-only LPU) leaves {@code bf16DenseTflops} out and gives {@code fp8DenseTflops}.
 *
 * @param memoryGB            accelerator memory capacity in GB (10^9 bytes); SRAM-only chips give their SRAM here
 * @param memBandwidthTBps    memory bandwidth in TB/s (10^12 bytes/s)
 * @param scaleUpGBpsPerDirection scale-up link bandwidth per accelerator, one direction, GB/s
 * @param scaleUpDomainSize   accelerators one scale-up fabric can join without scale-out NICs
 * @param kvDramGB            DRAM beside an SRAM-only chip that holds the KV cache its SRAM cannot (the LPX rack's
 *                            DDR5, shared per chip), GB; null when the chip has none or none is published
 * @param kvDramBandwidthGBps that DRAM's bandwidth per chip, GB/s (given with {@code kvDramGB})
 */
@com.fasterxml.jackson.annotation.JsonIgnoreProperties({"provenance", "ranges"}) // read by FigureReader into ItemFigures
public record AcceleratorSpec(
        @JsonProperty(required = true) String id,
        @JsonProperty(required = true) String name,
        @JsonProperty(required = true) String vendor,
        Integer year,
        @JsonProperty(required = true) Availability availability,
        @JsonProperty(required = true) String formFactor,
        Double bf16DenseTflops,
        Double fp8DenseTflops,
        Double fp4DenseTflops,
        Double int8DenseTops,
        @JsonProperty(required = true) double memoryGB,
        @JsonProperty(required = true) double memBandwidthTBps,
        Double onChipSramMB,
        Double tdpWatts,
        String scaleUpLink,
        Double scaleUpGBpsPerDirection,
        Integer scaleUpDomainSize,
        @JsonProperty(required = true) CoolingType cooling,
        Double priceUsdEstimate,
        String priceNote,
        String notes,
        @JsonProperty(required = true) List<String> sources,
        Double computeEfficiencyScale,
        Double kvDramGB,
        Double kvDramBandwidthGBps) implements CatalogItem {

    /**
     * An accelerator whose software reaches its dense peaks as well as the stacks the model's
     * constants were fitted on ({@link #computeEfficiencyScale()} absent).
     */
    public AcceleratorSpec(String id, String name, String vendor, Integer year, Availability availability, String formFactor,
                           Double bf16DenseTflops, Double fp8DenseTflops, Double fp4DenseTflops, Double int8DenseTops,
                           double memoryGB, double memBandwidthTBps, Double onChipSramMB, Double tdpWatts, String scaleUpLink,
                           Double scaleUpGBpsPerDirection, Integer scaleUpDomainSize, CoolingType cooling, Double priceUsdEstimate,
                           String priceNote, String notes, List<String> sources) {
        this(id, name, vendor, year, availability, formFactor, bf16DenseTflops, fp8DenseTflops, fp4DenseTflops, int8DenseTops,
                memoryGB, memBandwidthTBps, onChipSramMB, tdpWatts, scaleUpLink, scaleUpGBpsPerDirection, scaleUpDomainSize, cooling,
                priceUsdEstimate, priceNote, notes, sources, null);
    }

    /** An accelerator with no KV DRAM beside it ({@link #kvDramGB()} absent). */
    public AcceleratorSpec(String id, String name, String vendor, Integer year, Availability availability, String formFactor,
                           Double bf16DenseTflops, Double fp8DenseTflops, Double fp4DenseTflops, Double int8DenseTops,
                           double memoryGB, double memBandwidthTBps, Double onChipSramMB, Double tdpWatts, String scaleUpLink,
                           Double scaleUpGBpsPerDirection, Integer scaleUpDomainSize, CoolingType cooling, Double priceUsdEstimate,
                           String priceNote, String notes, List<String> sources, Double computeEfficiencyScale) {
        this(id, name, vendor, year, availability, formFactor, bf16DenseTflops, fp8DenseTflops, fp4DenseTflops, int8DenseTops,
                memoryGB, memBandwidthTBps, onChipSramMB, tdpWatts, scaleUpLink, scaleUpGBpsPerDirection, scaleUpDomainSize, cooling,
                priceUsdEstimate, priceNote, notes, sources, computeEfficiencyScale, null, null);
    }

    public AcceleratorSpec {
        Checks.text("id", id);
        Checks.text("name", name);
        Checks.text("vendor", vendor);
        Checks.present("availability", availability);
        Checks.positiveOrAbsent("year", year);
        Checks.text("formFactor", formFactor);
        Checks.positiveOrAbsent("bf16DenseTflops", bf16DenseTflops);
        if (bf16DenseTflops == null && fp8DenseTflops == null && fp4DenseTflops == null) {
            throw new InputException("bf16DenseTflops: missing (a chip without a BF16 rate, such as an FP8-only LPU, gives fp8DenseTflops or fp4DenseTflops)");
        }
        Checks.positiveOrAbsent("fp8DenseTflops", fp8DenseTflops);
        Checks.positiveOrAbsent("fp4DenseTflops", fp4DenseTflops);
        Checks.positiveOrAbsent("int8DenseTops", int8DenseTops);
        Checks.positive("memoryGB", memoryGB);
        Checks.positive("memBandwidthTBps", memBandwidthTBps);
        Checks.positiveOrAbsent("onChipSramMB", onChipSramMB);
        Checks.positiveOrAbsent("kvDramGB", kvDramGB);
        Checks.positiveOrAbsent("kvDramBandwidthGBps", kvDramBandwidthGBps);
        if ((kvDramGB == null) != (kvDramBandwidthGBps == null)) {
            throw new InputException(kvDramGB == null ? "kvDramGB: missing (kvDramBandwidthGBps is given; a KV DRAM needs both its size and its bandwidth)"
                    : "kvDramBandwidthGBps: missing (kvDramGB is given; a KV DRAM without a bandwidth cannot be timed)");
        }
        Checks.positiveOrAbsent("tdpWatts", tdpWatts);
        Checks.positiveOrAbsent("scaleUpGBpsPerDirection", scaleUpGBpsPerDirection);
        Checks.positiveOrAbsent("scaleUpDomainSize", scaleUpDomainSize);
        Checks.positiveOrAbsent("priceUsdEstimate", priceUsdEstimate);
        Checks.present("cooling", cooling);
        sources = Checks.sources(sources);
        if (computeEfficiencyScale != null && !(computeEfficiencyScale > 0 && computeEfficiencyScale <= 1)) {
            throw new InputException("computeEfficiencyScale: must be in (0, 1], was " + computeEfficiencyScale);
        }
    }

    /**
     * The share of its dense peaks this accelerator's software stack reaches relative to the stacks
     * the model's efficiency constants were fitted on (NVIDIA's TensorRT-LLM); 1 when the catalog
     * gives none. Its evidence is in the entry's sources and in docs/model.md.
     */
    public double computeEfficiency() {
        return computeEfficiencyScale == null ? 1 : computeEfficiencyScale;
    }

    @Override
    public ItemKind kind() {
        return ItemKind.ACCELERATOR;
    }

    // SI views for the engine.

    public double memoryBytes() {
        return memoryGB * 1e9;
    }

    public double memBandwidthBytesPerSecond() {
        return memBandwidthTBps * 1e12;
    }

    /** KV DRAM beside an SRAM-only chip in bytes, 0 when none. */
    public double kvDramBytes() {
        return kvDramGB == null ? 0 : kvDramGB * 1e9;
    }

    /** That DRAM's bandwidth in bytes/s, 0 when none. */
    public double kvDramBytesPerSecond() {
        return kvDramBandwidthGBps == null ? 0 : kvDramBandwidthGBps * 1e9;
    }

    /** Scale-up bandwidth per direction in bytes/s, or 0 when the chip has no scale-up link. */
    public double scaleUpBytesPerSecond() {
        return scaleUpGBpsPerDirection == null ? 0 : scaleUpGBpsPerDirection * 1e9;
    }

    /** Form factor of a general-purpose CPU used as the accelerator (the kernel lab's measured computer). */
    public static final String CPU_FORM_FACTOR = "CPU";

    /**
     * Whether this "accelerator" is a CPU, its own host: it computes in fp32, and no separate host
     * power is added for it. (Not named as a getter, so that JSON output keeps to the record's fields.)
     */
    public boolean cpuAsAccelerator() {
        return CPU_FORM_FACTOR.equals(formFactor);
    }

    public int scaleUpDomain() {
        return scaleUpDomainSize == null ? 1 : scaleUpDomainSize;
    }
}
