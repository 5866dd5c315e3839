package dev.quintet.hotels;

/** A city of the geo data: {@code country} is its ISO 3166-1 alpha-2 code; {@code capital} of that country. */
public record City(int id, String name, String country, double lat, double lon, long population, boolean capital) {
}
