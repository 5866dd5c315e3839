package dev.quintet.hotels;

import dev.quintet.hotels.sandbox.SandboxSite;
import dev.quintet.platform.data.InvalidQuery;
import dev.quintet.platform.data.PageRequest;
import dev.quintet.platform.data.Sort;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The hotels service's public face, used by its controllers and the console: geo data, searches with
 * a chosen strategy (run now, or started in the background and followed), the side-by-side analysis,
 * selections (published as {@link HotelsSelected}) and the selected hotels.
 */
@Service
public class Hotels {

    /** The largest page the list endpoints return. */
    public static final int MAX_PAGE_SIZE = 500;

    /** The characters {@code event_publication.serialized_event} holds (V1__hotels.sql widens it to this). */
    static final int MAX_EVENT_CHARS = 1_000_000;

    /** A search started in the background: its progress, and its result or error once finished. */
    public record Running(String id, int cityId, int page, Strategy strategy, SearchProgress progress,
                          HotelSearch result, String error) {
        public boolean finished() {
            return result != null || error != null;
        }
    }

    private final GeoRepository geo;
    private final Scraper scraper;
    private final SelectedRepository selected;
    private final ApplicationEventPublisher events;
    private final HotelsProperties properties;
    private final Validator validator;
    private final JsonMapper json;
    private final Map<String, Started> started = new ConcurrentHashMap<>();

    private record Started(int cityId, int page, Strategy strategy, SearchProgress progress,
                           CompletableFuture<HotelSearch> result, long at) {
    }

    Hotels(GeoRepository geo, Scraper scraper, SelectedRepository selected, ApplicationEventPublisher events,
           HotelsProperties properties, Validator validator, JsonMapper json) {
        this.geo = geo;
        this.scraper = scraper;
        this.selected = selected;
        this.events = events;
        this.properties = properties;
        this.validator = validator;
        this.json = json;
    }

    // --- geo

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
                PageRequest.of(page, size, MAX_PAGE_SIZE));
    }

    // --- searches

    /** Scrapes a listing page of the city and its hotels' pages. @throws InvalidHotel naming city_id or page for an unknown city or page */
    public HotelSearch search(int cityId, int page, Strategy strategy) {
        return search(cityId, page, strategy, new SearchProgress());
    }

    /** Starts a search in the background; follow it with {@link #running(String)}. */
    public String start(int cityId, int page, Strategy strategy) {
        checkSearch(cityId, page);
        forgetOld();
        String id = UUID.randomUUID().toString();
        SearchProgress progress = new SearchProgress();
        CompletableFuture<HotelSearch> result = new CompletableFuture<>();
        started.put(id, new Started(cityId, page, strategy, progress, result, System.nanoTime()));
        Thread.ofVirtual().name("hotels-search-" + id).start(() -> {
            try {
                result.complete(search(cityId, page, strategy, progress));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return id;
    }

    public Optional<Running> running(String id) {
        Started s = started.get(id);
        if (s == null) {
            return Optional.empty();
        }
        HotelSearch result = s.result().isDone() && !s.result().isCompletedExceptionally() ? s.result().join() : null;
        String error = s.result().isCompletedExceptionally()
                ? s.result().handle((r, e) -> String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage())).join()
                : null;
        return Optional.of(new Running(id, s.cityId(), s.page(), s.strategy(), s.progress(), result, error));
    }

    /** Every strategy in turn against the same city and page, measured in this call. */
    public List<HotelSearch> analyze(int cityId, int page) {
        checkSearch(cityId, page);
        List<HotelSearch> results = new ArrayList<>();
        for (Strategy strategy : Strategy.values()) {
            results.add(search(cityId, page, strategy, new SearchProgress()));
        }
        return results;
    }

    private HotelSearch search(int cityId, int page, Strategy strategy, SearchProgress progress) {
        checkSearch(cityId, page);
        try {
            return scraper.search(cityId, page, strategy, progress);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("search interrupted", e);
        }
    }

    private void checkSearch(int cityId, int page) {
        City city = geo.city(cityId).orElseThrow(() -> new InvalidHotel("city_id", "no city with id " + cityId));
        // the sandbox knows how many pages a city has; another site answers 404 past its last page
        int pages = properties.source().isBlank() ? SandboxSite.pageCount(city) : Integer.MAX_VALUE;
        if (page < 1 || page > pages) {
            throw new InvalidHotel("page", "must be between 1 and " + pages + " for " + city.name() + ", got " + page);
        }
    }

    private void forgetOld() {
        long hour = 3_600_000_000_000L;
        started.values().removeIf(s -> s.result().isDone() && System.nanoTime() - s.at() > hour);
    }

    // --- selections

    /**
     * Publishes the selection; its hotels are stored by the listener once this transaction commits,
     * and the publication is kept until they are. @throws InvalidHotel when a hotel is of another city
     */
    @Transactional
    public void select(int cityId, List<Hotel> hotels) {
        check(new Selection(cityId, hotels));
        if (geo.city(cityId).isEmpty()) {
            throw new InvalidHotel("city_id", "no city with id " + cityId);
        }
        for (int i = 0; i < hotels.size(); i++) {
            if (hotels.get(i).cityId() != cityId) {
                throw new InvalidHotel("hotels[" + i + "].city_id", hotels.get(i).cityId()
                        + " is not the selection's city_id " + cityId);
            }
        }
        HotelsSelected event = new HotelsSelected(cityId, hotels);
        // the outbox keeps the event as JSON text (Modulith's serializer writes it with this same mapper) in a
        // column of bounded size: one that does not fit would fail the request's transaction with a 500
        int size = json.writeValueAsString(event).length();
        if (size > MAX_EVENT_CHARS) {
            throw new InvalidHotel("hotels", "the selection takes " + size + " characters as an event, more than the "
                    + MAX_EVENT_CHARS + " the outbox holds; send fewer hotels at a time");
        }
        events.publishEvent(event);
    }

    /** The first broken rule of the value's declared constraints, as a refusal naming its JSON path. */
    private void check(Object value) {
        validator.validate(value).stream()
                .map(v -> new InvalidHotel(jsonPath(v.getPropertyPath().toString()), v.getMessage()))
                .min(Comparator.comparing(InvalidHotel::field))
                .ifPresent(e -> {
                    throw e;
                });
    }

    /** {@code hotels[2].rankTotal} as the client wrote it: {@code hotels[2].rank_total}. */
    private static String jsonPath(String path) {
        return path.replace("cityId", "city_id").replace("rankTotal", "rank_total");
    }

    /** @throws InvalidQuery naming a bad sort or page */
    public PageOf<SelectedHotel> selected(Integer cityId, String search, Integer minStars, Double minRating,
                                          String sort, int page, int size) {
        return selected.list(new SelectedRepository.Filter(cityId, search == null || search.isBlank() ? null : search.trim(),
                minStars, minRating), Sort.parse(sort, SelectedRepository.SORTABLE), PageRequest.of(page, size, MAX_PAGE_SIZE));
    }

    /** Whether every one of these uids is stored (a published selection has been delivered). */
    public boolean allStored(List<String> uids) {
        return selected.countUids(List.copyOf(new LinkedHashSet<>(uids))) == new HashSet<>(uids).size();
    }

    public Optional<SelectedHotel> selectedHotel(long id) {
        return selected.find(id);
    }

    /** Replaces a selected hotel's fields. @throws UnknownSelectedHotel unknown id, TakenUid uid of another row */
    @Transactional
    public SelectedHotel update(long id, Hotel hotel) {
        check(hotel);
        if (geo.city(hotel.cityId()).isEmpty()) {
            throw new InvalidHotel("city_id", "no city with id " + hotel.cityId());
        }
        SelectedHotel current = selected.find(id).orElseThrow(() -> new UnknownSelectedHotel(id));
        selected.findByUid(hotel.uid()).filter(other -> other.id() != id).ifPresent(other -> {
            throw new TakenUid("uid " + hotel.uid() + " is the selected hotel " + other.id());
        });
        try {
            selected.update(current.id(), hotel);
        } catch (DuplicateKeyException e) {
            throw new TakenUid("uid " + hotel.uid() + " is another selected hotel's");
        }
        return selected.find(id).orElseThrow();
    }

    public boolean delete(long id) {
        return selected.delete(id);
    }

    /** Selected hotels per number of stars, 0..5, every bucket present. */
    public Map<Integer, Long> selectedByStars() {
        Map<Integer, Long> counts = new LinkedHashMap<>();
        for (int s = 0; s <= 5; s++) {
            counts.put(s, 0L);
        }
        counts.putAll(selected.countByStars());
        return counts;
    }

    /** Selected hotels per rating bucket of half a point ("4.5" holds 4.5 ≤ rating < 5, "5.0" holds 5.0). */
    public Map<String, Long> selectedByRating() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (int half = 0; half <= 10; half++) {
            counts.put(String.format(Locale.ROOT, "%.1f", half / 2.0), 0L);
        }
        for (double rating : selected.ratings()) {
            int half = (int) Math.floor(Math.max(0, Math.min(5, rating)) * 2);
            counts.merge(String.format(Locale.ROOT, "%.1f", half / 2.0), 1L, Long::sum);
        }
        return counts;
    }
}
