package io.tokenrack.engine.kernels;

import io.tokenrack.engine.kernels.HostProfile.MemoryLevel;
import io.tokenrack.engine.kernels.HostProfile.StreamPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds the plateaus of a bandwidth-versus-working-set sweep, as ERT does: a new level starts
 * where the one-thread bandwidth falls below {@link #DROP} of the current plateau's best. The
 * first plateau is "L1", the last "DRAM", those between "L2", "L3", ... Each level reports the
 * median bandwidth of its points and the largest working set among them.
 */
public final class MemoryLevels {
    /** A point more than 25% below the plateau's best starts the next level. */
    static final double DROP = 0.75;

    private MemoryLevels() {}

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
            String name = i == 0 ? "L1" : i == plateaus.size() - 1 ? "DRAM" : "L" + (i + 1);
            double one = median(pts.stream().mapToDouble(StreamPoint::triadGBpsOneThread).toArray());
            double all = median(pts.stream().mapToDouble(StreamPoint::triadGBpsAllCores).toArray());
            levels.add(new MemoryLevel(name, pts.get(pts.size() - 1).workingSetBytes(), one, all));
        }
        return levels;
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        int n = s.length;
        return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
    }
}
