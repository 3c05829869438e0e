package io.tokenrack.app.lab;

import io.tokenrack.app.theme.Units;
import io.tokenrack.engine.lab.calibration.CalibrationReport;
import io.tokenrack.engine.lab.host.HostProfile;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/** The Lab's numbers and facts as sentences, always with units; no toolkit needed. */
public final class LabText {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm", Locale.ENGLISH);

    private LabText() {}

    /** "27 Nov 2026, 07:44 (2 hours ago), quick calibration" in the given zone. */
    public static String measuredAt(HostProfile p, Instant now, ZoneId zone) {
        String kind = p.quick() ? "quick calibration" : "full calibration";
        try {
            OffsetDateTime t = OffsetDateTime.parse(p.measuredAt());
            return WHEN.format(t.atZoneSameInstant(zone)) + " (" + ago(Duration.between(t.toInstant(), now)) + "), " + kind;
        } catch (DateTimeParseException e) {
            return p.measuredAt() + ", " + kind;
        }
    }

    static String ago(Duration d) {
        long s = Math.max(0, d.getSeconds());
        if (s < 60) {
            return "just now";
        }
        if (s < 90 * 60) {
            return plural(Math.round(s / 60.0), "minute") + " ago";
        }
        if (s < 36 * 3600) {
            return plural(Math.round(s / 3600.0), "hour") + " ago";
        }
        return plural(Math.round(s / 86400.0), "day") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }

    public static String tokensPerSecond(double v) {
        return Units.number(v) + " tok/s";
    }

    /** Signed, one decimal: "+4.2 %". */
    public static String errorPercent(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%+.1f %%", v) : Units.UNKNOWN;
    }

    public static String gflops(double v) {
        return Units.number(v) + " GFLOP/s";
    }

    public static String gbps(double v) {
        return Units.number(v) + " GB/s";
    }

    /** Decimal bytes: "126 MB", "1.5 GB". */
    public static String bytes(double b) {
        return b >= 1e9 ? Units.gb(b) : Units.number(b / 1e6) + " MB";
    }

    public static String cpu(HostProfile p) {
        return p.cpuModel() + (p.cpuVendor() == null || p.cpuVendor().isBlank() || p.cpuModel().contains(p.cpuVendor()) ? "" : " (" + p.cpuVendor() + ")");
    }

    public static String threads(HostProfile p) {
        return p.threads() + " worker thread" + (p.threads() == 1 ? "" : "s") + " on " + p.logicalCpus() + " logical CPU"
                + (p.logicalCpus() == 1 ? "" : "s") + (p.memoryBytes() > 0 ? ", " + Units.gb(p.memoryBytes()) + " memory" : "");
    }

    /** "Vector API, 512-bit: 16 fp32 lanes" or the scalar path and why. */
    public static String vector(HostProfile p) {
        if ("vector".equals(p.kernelPath())) {
            return p.floatLanes() * 32 + "-bit vectors, " + p.floatLanes() + " fp32 lanes (Vector API)";
        }
        return "scalar kernels: " + p.kernelPathReason();
    }

    public static String energy(CalibrationReport r) {
        if (r.energyAvailable() && r.measuredTokensPerJoule() != null) {
            return Units.number(r.measuredTokensPerJoule()) + " tokens per joule of CPU package energy, all-core decode ("
                    + r.energyNote() + ")";
        }
        return "Not measured on this computer: " + r.energyNote() + ".";
    }

    /** A warning when other work shared the cores, else empty. */
    public static String load(CalibrationReport r) {
        int threads = r.hostProfile().threads();
        if (r.loadAverageAtStart() > 0.5 * threads) {
            return String.format(Locale.ROOT, "The load average was %.1f on %d threads when it started: other work shared the cores, "
                    + "so the numbers are noisy.", r.loadAverageAtStart(), threads);
        }
        return "";
    }
}
