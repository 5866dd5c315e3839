package dev.quintet.citizens;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Ages at their edges and percentiles against values numpy gives (np.percentile(a, p), default method). */
class AgeStatisticsTest {

    @ParameterizedTest(name = "born {0}, on {1}: {2}")
    @CsvSource({
            "2000-05-10, 2020-05-10, 20",   // birthday today counts
            "2000-05-10, 2020-05-09, 19",
            "2000-02-29, 2021-02-28, 20",   // 29 Feb in a year without it: not older on 28 Feb
            "2000-02-29, 2021-03-01, 21",
            "2000-02-29, 2024-02-29, 24",
            "2000-02-29, 2024-02-28, 23",
            "1999-12-31, 2000-01-01, 0",
            "1900-01-01, 2026-11-23, 126"})
    void agesAreFullYears(LocalDate birth, LocalDate today, int age) {
        assertThat(AgeStatistics.age(birth, today)).isEqualTo(age);
    }

    @ParameterizedTest(name = "{0} p{1} = {2}")
    @CsvSource(delimiter = ';', value = {
            "1,2,3,4; 50; 2.50",     // np.percentile([1,2,3,4], 50) == 2.5
            "1,2,3,4; 75; 3.25",
            "1,2,3,4; 99; 3.97",
            "5; 99; 5.00",
            "21,26,30,31,33,47,60; 99; 59.22", // 47 + 0.94 * 13 = 59.22
            "10,20,30; 75; 25.00",
            "0,1; 99; 0.99",
            "0,100; 33; 33.00",
            "0,1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37,38,39,40,41,42,43,44,45,46,47,48,49,50,51,52,53,54,55,56,57,58,59,60,61,62,63,64,65,66,67,68,69,70,71,72,73,74,75,76,77,78,79,80,81,82,83,84,85,86,87,88,89,90,91,92,93,94,95,96,97,98,99,1000; 99; 99.00"})
    void percentilesInterpolateLinearlyLikeNumpy(String values, int p, String expected) {
        int[] sorted = Arrays.stream(values.split(",")).mapToInt(Integer::parseInt).sorted().toArray();
        assertThat(AgeStatistics.percentile(sorted, p)).isEqualByComparingTo(expected);
        assertThat(AgeStatistics.percentile(sorted, p).scale()).isEqualTo(2);
    }
}
