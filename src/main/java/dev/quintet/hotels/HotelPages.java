package dev.quintet.hotels;

import java.net.URI;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads hotels out of a travel site's HTML with jsoup. A listing page gives the links of its hotel
 * pages; a hotel page gives the hotel, from its schema.org JSON-LD block where there is one and from the
 * visible markup for what JSON-LD does not carry (the ranking) or when the block is missing.
 */
final class HotelPages {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern RANKING = Pattern.compile("#\\s*([\\d,.\\s]+?)\\s+of\\s+([\\d,.\\s]+?)\\s+hotels");
    private static final Pattern NUMBER = Pattern.compile("(\\d+(?:\\.\\d+)?)");

    private HotelPages() {
    }

    /** The hotel page links of a listing page, absolute, in the order listed, each once. */
    static List<URI> hotelLinks(URI page, String html) {
        Document doc = Jsoup.parse(html, page.toString());
        Set<URI> links = new LinkedHashSet<>();
        for (Element a : doc.select(".listing-card a.listing-title[href]")) {
            links.add(URI.create(a.absUrl("href")));
        }
        return List.copyOf(links);
    }

    /** @throws IllegalArgumentException when the page does not describe a hotel */
    static Hotel hotel(URI page, String html, int cityId) {
        Document doc = Jsoup.parse(html, page.toString());
        JsonNode ld = jsonLd(doc);
        Element main = doc.selectFirst("[data-location-id]");
        String uid = text(ld, "@id", main == null ? null : main.attr("data-location-id"));
        String name = text(ld, "name", textOf(doc.selectFirst("h1")));
        String description = text(ld, "description", textOf(doc.selectFirst(".about p")));
        double rating = ld != null && ld.path("aggregateRating").has("ratingValue")
                ? ld.path("aggregateRating").path("ratingValue").asDouble()
                : number(textOf(doc.selectFirst(".rating .bubble-rating")));
        int reviews = ld != null && ld.path("aggregateRating").has("reviewCount")
                ? ld.path("aggregateRating").path("reviewCount").asInt()
                : (int) digits(textOf(doc.selectFirst(".rating a")));
        int stars = ld != null && ld.path("starRating").has("ratingValue")
                ? ld.path("starRating").path("ratingValue").asInt()
                : textOf(doc.selectFirst(".stars")).length();
        Matcher ranking = RANKING.matcher(textOf(doc.selectFirst(".ranking")));
        if (uid == null || uid.isBlank() || name == null || name.isBlank() || !ranking.find()) {
            throw new IllegalArgumentException("not a hotel page: no id, name or ranking");
        }
        String canonical = doc.selectFirst("link[rel=canonical]") != null
                ? doc.selectFirst("link[rel=canonical]").absUrl("href") : page.toString();
        return new Hotel(uid, name, description == null ? "" : description, canonical.isBlank() ? page.toString() : canonical,
                rating, reviews, (int) digits(ranking.group(1)), (int) digits(ranking.group(2)), stars, cityId);
    }

    private static JsonNode jsonLd(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            try {
                JsonNode node = JSON.readTree(script.data());
                if ("Hotel".equals(node.path("@type").asString(""))) {
                    return node;
                }
            } catch (RuntimeException e) {
                // a broken block is skipped: the markup still has the data
            }
        }
        return null;
    }

    private static String text(JsonNode node, String field, String fallback) {
        return node != null && node.hasNonNull(field) ? node.get(field).asString() : fallback;
    }

    private static String textOf(Element element) {
        return element == null ? "" : element.text();
    }

    private static long digits(String text) {
        String only = text.replaceAll("[^0-9]", "");
        return only.isEmpty() ? 0 : Long.parseLong(only);
    }

    private static double number(String text) {
        Matcher m = NUMBER.matcher(text);
        return m.find() ? Double.parseDouble(m.group(1)) : 0;
    }
}
