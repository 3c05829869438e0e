package io.tokenrack.engine.lab.host;

import io.tokenrack.engine.catalog.AcceleratorSpec;
import io.tokenrack.engine.catalog.Catalog;
import io.tokenrack.engine.catalog.CoolingType;
import io.tokenrack.engine.catalog.ServerSpec;
import io.tokenrack.engine.evaluate.Evaluator;
import io.tokenrack.engine.perf.ModelConstants;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * "This computer (measured)" as catalog entries the engine evaluates like any other: the
 * accelerator from {@link HostProfile#toAcceleratorSpec()}, a host "server" holding one of it (so
 * it can be placed in a rack), and the model constants measured by the kernel lab, which the
 * {@link Evaluator} uses for it instead of the GPU-fitted defaults.
 *
 * @param accelerator the measured CPU as an accelerator ({@value #ACCELERATOR_ID})
 * @param server      the computer as a placeable unit ({@value #SERVER_ID})
 * @param constants   efficiencies and overheads measured on this computer
 */
public record MeasuredHost(AcceleratorSpec accelerator, ServerSpec server, ModelConstants constants) {
    public static final String ACCELERATOR_ID = "this-computer";
    public static final String SERVER_ID = "this-computer-host";
    /** Rack units the computer is drawn with; no source gives a desktop's rack height. */
    static final int HEIGHT_U = 1;

    public static MeasuredHost of(HostProfile p) {
        AcceleratorSpec a = p.toAcceleratorSpec();
        ServerSpec s = new ServerSpec(SERVER_ID, "This computer (measured host)", a.vendor(), ServerSpec.Role.SERVER,
                ACCELERATOR_ID, 1, HEIGHT_U, null, null, CoolingType.AIR, null, null, null, null, null, null, null, null,
                "The computer the kernel lab measured (" + p.cpuModel() + "), as a unit that holds its CPU. Its power is "
                        + "not known: no RAPL reading is stored with the profile and no datasheet figure applies, so power, "
                        + "tokens per joule and energy cost are shown as unknown.",
                List.of(a.sources().getFirst(),
                        "TokenRack assumption: drawn as " + HEIGHT_U + "U so that it can be placed; a desktop has no rack height"));
        double peak = p.peakGflopsAllCores() * 1e9;
        double device = a.memBandwidthBytesPerSecond();
        double streaming = p.gemvGBpsAt(Long.MAX_VALUE, true) * 1e9;
        ModelConstants k = HostConstants.of(p, true, peak, device, streaming, 0, 0, ModelConstants.DEFAULT.maxSequencesPerRank());
        return new MeasuredHost(a, s, k);
    }

    /** The catalog with this computer's accelerator and host added. */
    public Catalog addTo(Catalog catalog) {
        return catalog.with(accelerator).with(server);
    }

    /** The catalog with this computer as measured now, in place of an earlier measurement if it had one. */
    public Catalog replaceIn(Catalog catalog) {
        return addTo(catalog.without(SERVER_ID).without(ACCELERATOR_ID));
    }

    /** An evaluator over {@code catalog} that uses the measured constants for this computer. */
    public Evaluator evaluator(Catalog catalog) {
        return new Evaluator(catalog, Map.of(ACCELERATOR_ID, constants));
    }

    /** The catalog plus the measured host when there is one. */
    public static Catalog addTo(Catalog catalog, Optional<MeasuredHost> host) {
        return host.map(h -> h.addTo(catalog)).orElse(catalog);
    }

    /** An evaluator over {@code catalog}, with the measured host's constants when there is one. */
    public static Evaluator evaluator(Catalog catalog, Optional<MeasuredHost> host) {
        return host.map(h -> h.evaluator(catalog)).orElseGet(() -> new Evaluator(catalog));
    }
}
