package dev.quintet.citizens;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Age percentiles of one town's citizens, in full years, rounded half-up to 2 decimals. Doubles on the
 * wire (30.25, not "30.25" nor 30.250): a decimal with 2 places round-trips through a double's shortest form.
 */
@JsonPropertyOrder({"town", "p50", "p75", "p99"})
record TownPercentiles(String town, double p50, double p75, double p99) {
}
