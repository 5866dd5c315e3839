package dev.quintet.hotels.sandbox;

import dev.quintet.hotels.City;
import dev.quintet.hotels.Country;
import dev.quintet.hotels.Hotel;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The sandbox travel site's content: for each city a ranked list of hotels, listed 30 to a page, and one
 * page per hotel. Everything is derived from the city and the hotel's rank with a seeded generator, so a
 * page reads the same on every request and every instance. The HTML is shaped like a real travel site's:
 * the data sits in a {@code <script type="application/ld+json">} block (schema.org) as well as in the
 * visible markup, so a scraper may read either.
 */
public final class SandboxSite {

    public static final int PAGE_SIZE = 30;
    public static final String BASE = "/sandbox/travel";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final List<String> PREFIXES = List.of("Grand", "Royal", "Park", "City", "Central", "Old Town",
            "Riverside", "Harbour", "Garden", "Plaza", "Boutique", "Palace", "Sunset", "Imperial", "Golden",
            "Blue", "Green", "Silver", "Majestic", "Little");
    private static final List<String> KINDS = List.of("Hotel", "Inn", "Suites", "Residence", "Lodge",
            "Hostel", "Apartments", "Resort", "House", "Guesthouse");
    private static final List<String> FEATURES = List.of("free Wi-Fi", "a rooftop terrace", "a spa",
            "an indoor pool", "a 24-hour front desk", "airport shuttle", "a fitness centre", "a garden",
            "family rooms", "a restaurant serving local dishes", "a bar", "bicycle rental", "free parking",
            "air-conditioned rooms", "a shared lounge");

    private SandboxSite() {
    }

    /** How many hotels a city has: more for a larger city, at least one full page, at most 20 pages. */
    public static int hotelCount(City city) {
        long byPopulation = city.population() / 5_000;
        return (int) Math.max(PAGE_SIZE, Math.min(PAGE_SIZE * 20, byPopulation));
    }

    public static int pageCount(City city) {
        return (hotelCount(city) + PAGE_SIZE - 1) / PAGE_SIZE;
    }

    /** A hotel's site id: the city and its rank, so ranks of different cities never collide. */
    static long hotelId(int cityId, int rank) {
        return cityId * 1000L + rank;
    }

    public static String listingPath(int cityId, int page) {
        return BASE + "/cities/" + cityId + "/hotels?page=" + page;
    }

    static String hotelPath(long hotelId) {
        return BASE + "/hotels/" + hotelId;
    }

    /** The hotel as the site knows it; {@code url} is the path of its page. */
    public static Hotel hotel(City city, int rank) {
        long id = hotelId(city.id(), rank);
        SplittableRandom random = new SplittableRandom(id * 0x9E3779B97F4A7C15L);
        String name = PREFIXES.get(random.nextInt(PREFIXES.size())) + " " + KINDS.get(random.nextInt(KINDS.size()))
                + " " + city.name();
        int stars = 1 + random.nextInt(5);
        // better-ranked hotels tend to be better rated, as on a real site
        double top = 5.0 - 1.5 * (rank - 1) / Math.max(1, hotelCount(city) - 1);
        double rating = Math.round(Math.max(1.0, top - random.nextDouble() * 0.8) * 10) / 10.0;
        int reviews = 5 + random.nextInt(4000 / (1 + rank / 30) + 1);
        String a = FEATURES.get(random.nextInt(FEATURES.size()));
        // a second feature, never the first one again
        String b = FEATURES.get((FEATURES.indexOf(a) + 1 + random.nextInt(FEATURES.size() - 1)) % FEATURES.size());
        String description = "%s is a %d-star property in %s, %.1f km from the centre, with %s and %s."
                .formatted(name, stars, city.name(), 0.2 + random.nextDouble() * 8, a, b);
        return new Hotel("d" + id, name, description, hotelPath(id), rating, reviews, rank, hotelCount(city),
                stars, city.id());
    }

    /** The hotels listed on a page (1-based); empty past the last page. */
    public static List<Hotel> listing(City city, int page) {
        int first = (page - 1) * PAGE_SIZE + 1;
        int last = Math.min(hotelCount(city), page * PAGE_SIZE);
        return IntStream.rangeClosed(first, last).mapToObj(rank -> hotel(city, rank)).toList();
    }

    public static String listingHtml(City city, Country country, int page) {
        List<Hotel> hotels = listing(city, page);
        int pages = pageCount(city);
        ObjectNode ld = JSON.createObjectNode().put("@context", "https://schema.org").put("@type", "ItemList")
                .put("name", "Hotels in " + city.name()).put("numberOfItems", hotelCount(city));
        ArrayNode items = ld.putArray("itemListElement");
        hotels.forEach(h -> items.addObject().put("@type", "ListItem").put("position", h.rank())
                .put("name", h.name()).put("url", h.url()));
        StringBuilder html = new StringBuilder();
        html.append("""
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>THE %d BEST Hotels in %s, %s — page %d of %d | Quintet Travel</title>
                <link rel="canonical" href="%s">
                <script type="application/ld+json">%s</script>
                </head>
                <body>
                <header class="site-header"><a href="%s/">Quintet Travel</a> › %s › %s › Hotels</header>
                <main>
                <h1 id="HEADING">Hotels in %s</h1>
                <p class="results-count"><b>%d</b> properties in %s</p>
                <div class="listing" data-geo-id="%d" data-page="%d">
                """.formatted(hotelCount(city), esc(city.name()), esc(country.name()), page, pages,
                listingPath(city.id(), page), script(ld), BASE, esc(country.name()), esc(city.name()),
                esc(city.name()), hotelCount(city), esc(city.name()), city.id(), page));
        for (Hotel h : hotels) {
            html.append("""
                    <div class="listing-card" data-hotel-id="%s">
                      <a class="listing-title" href="%s">%d. %s</a>
                      <span class="bubble-rating" aria-label="%s of 5 bubbles"></span>
                      <a class="review-count" href="%s#REVIEWS">%,d reviews</a>
                    </div>
                    """.formatted(h.uid(), h.url(), h.rank(), esc(h.name()),
                    String.format(Locale.ROOT, "%.1f", h.rating()), h.url(), h.reviews()));
        }
        html.append("</div>\n<nav class=\"pagination\">");
        if (page > 1) {
            html.append("<a class=\"prev\" href=\"").append(listingPath(city.id(), page - 1)).append("\">Previous</a>");
        }
        if (page < pages) {
            html.append("<a class=\"next\" href=\"").append(listingPath(city.id(), page + 1)).append("\">Next</a>");
        }
        html.append("</nav>\n</main>\n<footer>© Quintet Travel sandbox</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    public static String hotelHtml(City city, Country country, Hotel h) {
        ObjectNode ld = JSON.createObjectNode().put("@context", "https://schema.org").put("@type", "Hotel")
                .put("@id", h.uid()).put("name", h.name()).put("description", h.description()).put("url", h.url());
        ld.putObject("starRating").put("@type", "Rating").put("ratingValue", h.stars());
        ld.putObject("aggregateRating").put("@type", "AggregateRating").put("ratingValue", h.rating())
                .put("bestRating", 5).put("reviewCount", h.reviews());
        ld.putObject("address").put("@type", "PostalAddress").put("addressLocality", city.name())
                .put("addressCountry", country.code());
        return """
                <!doctype html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%s - UPDATED Prices, Reviews &amp; Photos (%s) | Quintet Travel</title>
                <link rel="canonical" href="%s">
                <script type="application/ld+json">%s</script>
                </head>
                <body>
                <header class="site-header"><a href="%s/">Quintet Travel</a> › %s › %s › %s</header>
                <main id="hotel" data-location-id="%s">
                <h1 id="HEADING">%s</h1>
                <div class="stars" title="%d of 5 stars">%s</div>
                <div class="rating"><span class="bubble-rating">%s</span> <a href="#REVIEWS">%,d reviews</a></div>
                <div class="ranking">#%d of %,d hotels in %s</div>
                <section class="about"><h2>About</h2><p>%s</p></section>
                <section id="REVIEWS"><h2>Reviews</h2><p>Reviews are not shown in the sandbox.</p></section>
                </main>
                <footer>© Quintet Travel sandbox</footer>
                </body>
                </html>
                """.formatted(esc(h.name()), esc(city.name()), h.url(), script(ld), BASE, esc(country.name()),
                esc(city.name()), esc(h.name()), h.uid(), esc(h.name()), h.stars(), "★".repeat(h.stars()),
                String.format(Locale.ROOT, "%.1f", h.rating()), h.reviews(), h.rank(), h.rankTotal(),
                esc(city.name()), esc(h.description()));
    }

    private static String esc(String text) {
        return HtmlUtils.htmlEscape(text);
    }

    /** JSON inside a script element: "</" would end the element early, so it is escaped as JSON allows. */
    private static String script(ObjectNode node) {
        return node.toString().replace("</", "<\\/");
    }
}
