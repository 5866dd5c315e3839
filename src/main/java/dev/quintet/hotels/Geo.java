package dev.quintet.hotels;

import dev.quintet.platform.data.InvalidQuery;
import dev.quintet.platform.data.PageRequest;
import dev.quintet.platform.data.Sort;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.stereotype.Service;

/** The hotels service's geo data, for its controllers and the console: countries and cities. */
@Service
public class Geo {

    private final GeoRepository geo;

    Geo(GeoRepository geo) {
        this.geo = geo;
    }

    public List<Country> countries() {
        return geo.countries();
    }

    public Optional<City> city(int id) {
        return geo.city(id);
    }

    /**
     * A page of cities; {@code sort} is a column of {@link GeoRepository#SORTABLE}, "-" in front for
     * descending order. @throws InvalidQuery naming a bad sort or page
     */
    public PageOf<City> cities(String search, String country, String sort, int page, int size) {
        String country2 = country == null ? "" : country.trim().toUpperCase(Locale.ROOT);
        return geo.cities(search == null ? "" : search.trim(), country2, Sort.parse(sort, GeoRepository.SORTABLE),
                PageRequest.of(page, size, PageOf.MAX_PAGE_SIZE));
    }
}
