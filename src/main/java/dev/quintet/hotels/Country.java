package dev.quintet.hotels;

/** An ISO 3166-1 country: its alpha-2 code and its short English name. */
public record Country(String code, String name) {
}
