package dev.quintet.citizens;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Ages in full years and their percentiles per town, as the task (and numpy) defines them. */
final class AgeStatistics {

    private AgeStatistics() {
    }

    /**
     * Full years at {@code today}; a birthday today counts. Born 29 February: a year older on 1 March in a
     * year without 29 February, since on 28 February the day has not come yet.
     */
    static int age(LocalDate birth, LocalDate today) {
        return Period.between(birth, today).getYears();
    }

    /**
     * The percentile {@code p} (0..100) of sorted values by linear interpolation between the closest ranks
     * (numpy's default, method "linear"), rounded half-up to 2 decimals. Exact: the rank's fraction is
     * (n-1)·p/100 with integer numerator, so BigDecimal carries it without a binary rounding step.
     */
    static BigDecimal percentile(int[] sorted, int p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        long scaledRank = (long) (sorted.length - 1) * p; // rank × 100
        int lower = (int) (scaledRank / 100);
        BigDecimal fraction = BigDecimal.valueOf(scaledRank % 100, 2);
        BigDecimal value = BigDecimal.valueOf(sorted[lower]);
        if (lower + 1 < sorted.length) {
            value = value.add(fraction.multiply(BigDecimal.valueOf((long) sorted[lower + 1] - sorted[lower])));
        }
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    /** p50, p75, p99 of the ages per town, towns in alphabetical order. */
    static List<TownPercentiles> byTown(List<CitizenRepository.TownBirth> births, LocalDate today) {
        Map<String, List<Integer>> ages = new TreeMap<>();
        for (var b : births) {
            ages.computeIfAbsent(b.town(), t -> new ArrayList<>()).add(age(b.birthDate(), today));
        }
        List<TownPercentiles> result = new ArrayList<>(ages.size());
        ages.forEach((town, list) -> {
            int[] sorted = list.stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(sorted);
            result.add(new TownPercentiles(town, percentile(sorted, 50).doubleValue(),
                    percentile(sorted, 75).doubleValue(), percentile(sorted, 99).doubleValue()));
        });
        return result;
    }
}
