package io.tokenrack.engine.lab.harness;

import java.util.Arrays;

/**
 * Summary of repeated timings (or any samples): median and spread. The median is what efficiency
 * factors use; STREAM's convention reports the best (minimum time).
 *
 * @param cv coefficient of variation, standard deviation / mean (0 for a single sample)
 */
public record Stats(int count, double median, double min, double max, double p10, double p90, double mean, double cv) {

    public Stats {
        if (count <= 0) {
            throw new IllegalArgumentException("count: must be positive, was " + count);
        }
    }

    public static Stats of(double... samples) {
        if (samples.length == 0) {
            throw new IllegalArgumentException("samples: at least one is required");
        }
        double[] s = samples.clone();
        Arrays.sort(s);
        int n = s.length;
        double median = n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        double mean = sum / n;
        double sq = 0;
        for (double v : s) {
            sq += (v - mean) * (v - mean);
        }
        double sd = n > 1 ? Math.sqrt(sq / (n - 1)) : 0;
        return new Stats(n, median, s[0], s[n - 1], percentile(s, 0.10), percentile(s, 0.90), mean, mean == 0 ? 0 : sd / mean);
    }

    /** Linear interpolation between closest ranks over sorted samples. */
    static double percentile(double[] sorted, double q) {
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = Math.min(lo + 1, sorted.length - 1);
        return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
    }

    /** Spread as (p90 - p10) / median. */
    public double relativeSpread() {
        return median == 0 ? 0 : (p90 - p10) / median;
    }
}
