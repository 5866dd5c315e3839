package dev.quintet.hotels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quintet.hotels.sandbox.SandboxSite;
import java.net.URI;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The parser against the sandbox's pages: whatever hotel the site generates, reading its page gives it
 * back, from the JSON-LD block and, with the block removed, from the markup alone.
 */
class HotelPagesTest {

    private static final URI BASE = URI.create("http://sandbox.test" + SandboxSite.BASE + "/");

    static Stream<Long> seeds() {
        return LongStream.range(0, 50).boxed();
    }

    /** A random city: names with quotes, accents and markup characters, any population. */
    private static City city(Random random) {
        String[] names = {"Paris", "Xi'an", "Bogotá", "Nuku'alofa", "A & B <City>", "São Paulo", "Tórshavn"};
        return new City(1 + random.nextInt(999), names[random.nextInt(names.length)], "FR", 0, 0,
                random.nextLong(10_000_000), random.nextBoolean());
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aHotelPageReadsBackAsTheHotelTheSiteMade(long seed) {
        Random random = new Random(seed);
        City city = city(random);
        int rank = 1 + random.nextInt(SandboxSite.hotelCount(city));
        Hotel made = SandboxSite.hotel(city, rank);
        URI url = BASE.resolve(made.url());
        String html = SandboxSite.hotelHtml(city, new Country("FR", "France"), made);
        Hotel expected = new Hotel(made.uid(), made.name(), made.description(), url.toString(), made.rating(),
                made.reviews(), made.rank(), made.rankTotal(), made.stars(), made.cityId());

        assertThat(HotelPages.hotel(url, html, city.id())).as("seed %d", seed).isEqualTo(expected);

        String markupOnly = html.replaceAll("(?s)<script type=\"application/ld\\+json\">.*?</script>", "");
        assertThat(markupOnly).doesNotContain("ld+json");
        assertThat(HotelPages.hotel(url, markupOnly, city.id())).as("seed %d, markup only", seed).isEqualTo(expected);
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aListingPageLinksItsHotelsInRankOrder(long seed) {
        Random random = new Random(seed);
        City city = city(random);
        int page = 1 + random.nextInt(SandboxSite.pageCount(city));
        URI url = BASE.resolve(SandboxSite.listingPath(city.id(), page).substring(1));
        List<URI> links = HotelPages.hotelLinks(url, SandboxSite.listingHtml(city, new Country("FR", "France"), page));

        List<URI> expected = SandboxSite.listing(city, page).stream().map(h -> url.resolve(h.url())).toList();
        assertThat(links).as("seed %d", seed).isEqualTo(expected);
        assertThat(links).hasSizeBetween(1, SandboxSite.PAGE_SIZE);
        if (page < SandboxSite.pageCount(city)) {
            assertThat(links).hasSize(SandboxSite.PAGE_SIZE);
        }
    }

    @Test
    void theSiteIsDeterministicAndUidsAreUnique() {
        City paris = new City(169, "Paris", "FR", 48.8566, 2.3522, 2_100_000, true);
        assertThat(SandboxSite.listing(paris, 2)).isEqualTo(SandboxSite.listing(paris, 2));
        List<String> uids = Stream.iterate(1, p -> p + 1).limit(SandboxSite.pageCount(paris))
                .flatMap(p -> SandboxSite.listing(paris, p).stream()).map(Hotel::uid).toList();
        assertThat(uids).doesNotHaveDuplicates().hasSize(SandboxSite.hotelCount(paris));
    }

    @Test
    void aPageThatIsNoHotelIsRefused() {
        assertThatThrownBy(() -> HotelPages.hotel(BASE, "<html><body><h1>Sorry</h1></body></html>", 1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
