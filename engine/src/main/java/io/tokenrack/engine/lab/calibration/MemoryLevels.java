package io.tokenrack.engine.lab.calibration;

import io.tokenrack.engine.lab.host.HostProfile.MemoryLevel;
import io.tokenrack.engine.lab.host.HostProfile.StreamPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Bandwidth per memory level from a bandwidth-versus-working-set sweep. Where Linux reports the
 * cache sizes, each level takes the points that clearly fit it (at least twice the level below,
 * at most half its own size; DRAM from four times the last-level cache, STREAM's rule). Where it
 * does not (virtual machines often hide them), the levels are found as ERT finds them: a new
 * level starts where the one-thread bandwidth falls below {@link #DROP} of the current plateau's
 * best. The first level is "L1", the last "DRAM", those between "L2", "L3", ... Each level
 * reports the median bandwidth of its points and the largest working set among them.
 */
public final class MemoryLevels {
    /** A point more than 25% below the plateau's best starts the next level. */
    static final double DROP = 0.75;

    private MemoryLevels() {}

    /** Levels by the known cache sizes (smallest first), or by plateau detection when none are known. */
    public static List<MemoryLevel> detect(List<StreamPoint> sweep, List<Long> cacheBytes) {
        if (cacheBytes.isEmpty()) {
            return detect(sweep);
        }
        List<MemoryLevel> levels = new ArrayList<>();
        long below = 0;
        for (int i = 0; i <= cacheBytes.size(); i++) {
            boolean dram = i == cacheBytes.size();
            long lo = dram ? 4 * below : 2 * below;
            long hi = dram ? Long.MAX_VALUE : cacheBytes.get(i) / 2;
            List<StreamPoint> pts = new ArrayList<>();
            for (StreamPoint p : sweep) {
                if (p.workingSetBytes() >= lo && p.workingSetBytes() <= hi) {
                    pts.add(p);
                }
            }
            if (!pts.isEmpty()) {
                levels.add(level(dram ? "DRAM" : "L" + (i + 1), pts));
            }
            if (!dram) {
                below = cacheBytes.get(i);
            }
        }
        return levels;
    }

    /** Levels by plateau detection alone. */
    public static List<MemoryLevel> detect(List<StreamPoint> sweep) {
        List<List<StreamPoint>> plateaus = new ArrayList<>();
        List<StreamPoint> current = new ArrayList<>();
        double best = 0;
        for (StreamPoint p : sweep) {
            if (!current.isEmpty() && p.triadGBpsOneThread() < DROP * best) {
                plateaus.add(current);
                current = new ArrayList<>();
                best = 0;
            }
            current.add(p);
            best = Math.max(best, p.triadGBpsOneThread());
        }
        if (!current.isEmpty()) {
            plateaus.add(current);
        }
        List<MemoryLevel> levels = new ArrayList<>();
        for (int i = 0; i < plateaus.size(); i++) {
            List<StreamPoint> pts = plateaus.get(i);
            levels.add(level(i == 0 ? "L1" : i == plateaus.size() - 1 ? "DRAM" : "L" + (i + 1), pts));
        }
        return levels;
    }

    private static MemoryLevel level(String name, List<StreamPoint> pts) {
        double one = median(pts.stream().mapToDouble(StreamPoint::triadGBpsOneThread).toArray());
        double all = median(pts.stream().mapToDouble(StreamPoint::triadGBpsAllCores).toArray());
        return new MemoryLevel(name, pts.get(pts.size() - 1).workingSetBytes(), one, all);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
