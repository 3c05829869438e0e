package io.tokenrack.engine.lab.harness;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What Linux says about this computer: CPU model and vendor ({@code /proc/cpuinfo}), memory
 * ({@code /proc/meminfo}) and cache sizes ({@code /sys/devices/system/cpu/cpu0/cache}, often
 * missing in virtual machines). Fields default to "unknown" / 0 where a file is absent.
 *
 * @param cacheBytes data or unified cache sizes by level, smallest first; empty when not exposed
 */
public record CpuInfo(String model, String vendor, int logicalCpus, long memoryBytes, List<Long> cacheBytes) {

    public CpuInfo {
        cacheBytes = List.copyOf(cacheBytes);
    }

    public static CpuInfo read() {
        String cpuinfo = readOrEmpty(Path.of("/proc/cpuinfo"));
        String meminfo = readOrEmpty(Path.of("/proc/meminfo"));
        List<Long> caches = new ArrayList<>();
        Path dir = Path.of("/sys/devices/system/cpu/cpu0/cache");
        for (int i = 0; i < 8; i++) {
            Path idx = dir.resolve("index" + i);
            String type = readOrEmpty(idx.resolve("type")).trim();
            String size = readOrEmpty(idx.resolve("size")).trim();
            if (type.isEmpty()) {
                continue;
            }
            if (!type.equals("Instruction") && !size.isEmpty()) {
                caches.add(parseSize(size));
            }
        }
        caches.sort(null);
        return parse(cpuinfo, meminfo, Runtime.getRuntime().availableProcessors(), caches);
    }

    /** Parses the two files' text (testable without the files). */
    public static CpuInfo parse(String cpuinfo, String meminfo, int logicalCpus, List<Long> caches) {
        String model = field(cpuinfo, "model name");
        if (model == null) {
            model = field(cpuinfo, "Model");
        }
        String vendor = vendorName(field(cpuinfo, "vendor_id"), model);
        long mem = 0;
        String total = field(meminfo, "MemTotal");
        if (total != null) {
            mem = parseSize(total);
        }
        return new CpuInfo(model == null ? "unknown CPU" : model, vendor, logicalCpus, mem, caches);
    }

    static String field(String text, String key) {
        for (String line : text.split("\n")) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).trim().equals(key)) {
                String v = line.substring(colon + 1).trim();
                return v.isEmpty() ? null : v;
            }
        }
        return null;
    }

    static String vendorName(String vendorId, String model) {
        if (vendorId != null) {
            switch (vendorId) {
                case "GenuineIntel": return "Intel";
                case "AuthenticAMD": return "AMD";
                default: return vendorId;
            }
        }
        if (model != null) {
            String m = model.toLowerCase(Locale.ROOT);
            if (m.contains("intel")) {
                return "Intel";
            }
            if (m.contains("amd")) {
                return "AMD";
            }
        }
        return "unknown vendor";
    }

    /** "48K", "1024 KB", "24683620 kB", "32M" to bytes (binary units, as Linux writes them). */
    static long parseSize(String s) {
        String t = s.trim().toUpperCase(Locale.ROOT).replace("B", "").trim();
        long mult = 1;
        if (t.endsWith("K")) {
            mult = 1024;
        } else if (t.endsWith("M")) {
            mult = 1024 * 1024;
        } else if (t.endsWith("G")) {
            mult = 1024L * 1024 * 1024;
        }
        String digits = t.replaceAll("[^0-9]", "");
        return digits.isEmpty() ? 0 : Long.parseLong(digits) * mult;
    }

    /** The last-level cache in bytes, or 0 when unknown. */
    public long lastLevelCacheBytes() {
        return cacheBytes.isEmpty() ? 0 : cacheBytes.get(cacheBytes.size() - 1);
    }

    private static String readOrEmpty(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
