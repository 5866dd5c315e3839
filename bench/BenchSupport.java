// bench/BenchSupport.java: the statistics every Java bench prints, in one place, so that a median or
// a p99 means the same in every report. bench/lib.sh's bench_java compiles it with each bench. It sits
// in a named package because LedgerBench (package dev.quintet.ledger) cannot import the unnamed one.
// Processes (servers, clean-up) stay with the shell scripts and bench/lib.sh; bench/ledger's Redis
// nodes and server come from the test support classes, as its fault tests use them.
package dev.quintet.bench;

import java.util.Arrays;
import java.util.Collection;

public final class BenchSupport {

    private BenchSupport() {
    }

    /** The median: the middle value, or the mean of the two middle ones. */
    public static double median(double[] values) {
        double[] v = sorted(values);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }

    public static double median(Collection<Double> values) {
        return median(array(values));
    }

    /** Nearest rank: the smallest value with at least q of them at or below it; NaN when there is none. */
    public static double nearestRank(double[] values, double q) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] v = sorted(values);
        return v[(int) Math.min(v.length - 1, Math.ceil(q * v.length) - 1)];
    }

    public static double nearestRank(Collection<Double> values, double q) {
        return nearestRank(array(values), q);
    }

    /** Linear interpolation between closest ranks (numpy's default). */
    public static double interpolated(double[] values, double q) {
        double[] v = sorted(values);
        double h = (v.length - 1) * q;
        int lo = (int) Math.floor(h), hi = (int) Math.ceil(h);
        return v[lo] + (h - lo) * (v[hi] - v[lo]);
    }

    public static double interpolated(Collection<Double> values, double q) {
        return interpolated(array(values), q);
    }

    private static double[] sorted(double[] values) {
        double[] v = values.clone();
        Arrays.sort(v);
        return v;
    }

    private static double[] array(Collection<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).toArray();
    }
}
