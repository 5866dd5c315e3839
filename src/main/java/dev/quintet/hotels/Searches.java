package dev.quintet.hotels;

import dev.quintet.hotels.sandbox.SandboxSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Service;

/**
 * Hotel searches with a chosen strategy, for the controllers and the console: run now, or started in the
 * background and followed, and the side-by-side analysis of every strategy.
 */
@Service
public class Searches {

    /** A search started in the background: its progress, and its result or error once finished. */
    public record Running(String id, int cityId, int page, Strategy strategy, SearchProgress progress,
                          HotelSearch result, String error) {
        public boolean finished() {
            return result != null || error != null;
        }
    }

    private final GeoRepository geo;
    private final Scraper scraper;
    private final HotelsProperties properties;
    private final Map<String, Started> started = new ConcurrentHashMap<>();

    private record Started(int cityId, int page, Strategy strategy, SearchProgress progress,
                           CompletableFuture<HotelSearch> result, long at) {
    }

    Searches(GeoRepository geo, Scraper scraper, HotelsProperties properties) {
        this.geo = geo;
        this.scraper = scraper;
        this.properties = properties;
    }

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
}
