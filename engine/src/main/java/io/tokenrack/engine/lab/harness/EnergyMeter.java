package io.tokenrack.engine.lab.harness;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Package energy from Linux RAPL counters ({@code /sys/class/powercap/intel-rapl:N/energy_uj},
 * also used by AMD's driver), summed over packages, with counter wrap-around handled. Where the
 * counters are missing or unreadable, {@link #available()} is false and {@link #reason()} says why.
 */
public final class EnergyMeter {
    private final List<Path> counters;
    private final List<Long> ranges;
    private final String reason;

    private EnergyMeter(List<Path> counters, List<Long> ranges, String reason) {
        this.counters = counters;
        this.ranges = ranges;
        this.reason = reason;
    }

    public static EnergyMeter open() {
        return open(Path.of("/sys/class/powercap"));
    }

    static EnergyMeter open(Path powercap) {
        if (!Files.isDirectory(powercap)) {
            return new EnergyMeter(List.of(), List.of(),
                    "this Linux exposes no RAPL energy counters (no powercap interface; usual in virtual machines and containers)");
        }
        List<Path> found = new ArrayList<>();
        List<Long> ranges = new ArrayList<>();
        boolean unreadable = false;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(powercap, "intel-rapl:*")) {
            for (Path zone : ds) {
                if (zone.getFileName().toString().chars().filter(ch -> ch == ':').count() != 1) {
                    continue; // sub-zones (core, dram) are inside the package total
                }
                Path energy = zone.resolve("energy_uj");
                try {
                    Long.parseLong(Files.readString(energy).trim());
                    found.add(energy);
                    long range = Long.MAX_VALUE;
                    try {
                        range = Long.parseLong(Files.readString(zone.resolve("max_energy_range_uj")).trim());
                    } catch (IOException | NumberFormatException ignored) {
                        // no wrap-around information: assume none within a run
                    }
                    ranges.add(range);
                } catch (IOException | NumberFormatException e) {
                    unreadable = true;
                }
            }
        } catch (IOException e) {
            return new EnergyMeter(List.of(), List.of(), "the powercap directory cannot be listed: " + e.getMessage());
        }
        if (found.isEmpty()) {
            return new EnergyMeter(List.of(), List.of(), unreadable
                    ? "RAPL energy counters exist but are not readable by this user (Linux restricts energy_uj to root)"
                    : "no RAPL package zone (intel-rapl:N) under the powercap interface");
        }
        return new EnergyMeter(List.copyOf(found), List.copyOf(ranges), "RAPL package energy, " + found.size() + " package(s)");
    }

    public boolean available() {
        return !counters.isEmpty();
    }

    public String reason() {
        return reason;
    }

    /** Current counter values in microjoules, one per package. */
    public long[] read() {
        long[] v = new long[counters.size()];
        for (int i = 0; i < v.length; i++) {
            try {
                v[i] = Long.parseLong(Files.readString(counters.get(i)).trim());
            } catch (IOException | NumberFormatException e) {
                throw new IllegalStateException("RAPL counter became unreadable: " + counters.get(i), e);
            }
        }
        return v;
    }

    /** Joules between two {@link #read()}s, handling wrap-around of each counter. */
    public double joulesBetween(long[] before, long[] after) {
        return joules(before, after, ranges);
    }

    static double joules(long[] before, long[] after, List<Long> ranges) {
        double uj = 0;
        for (int i = 0; i < before.length; i++) {
            long d = after[i] - before[i];
            if (d < 0) {
                d += ranges.get(i);
            }
            uj += d;
        }
        return uj * 1e-6;
    }
}
