package dev.quintet.hotels.sandbox;

import dev.quintet.hotels.City;
import dev.quintet.hotels.Country;
import dev.quintet.hotels.GeoRepository;
import dev.quintet.hotels.HotelsProperties;
import io.swagger.v3.oas.annotations.Hidden;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox travel site under {@code /sandbox/travel/...}: the scraper's default source, so searches
 * work with no internet. Each page waits {@code quintet.hotels.sandbox-latency} first (a sleep, which
 * parks a virtual thread instead of holding a platform one) and fails with 503 at
 * {@code quintet.hotels.sandbox-failure-rate}, so the strategies' concurrency and retries show.
 */
@RestController
@Hidden
public class SandboxController {

    private final GeoRepository geo;
    private volatile Duration latency;
    private volatile double failureRate;
    private final AtomicLong served = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();

    SandboxController(GeoRepository geo, HotelsProperties properties) {
        this.geo = geo;
        configure(properties.sandboxLatency(), properties.sandboxFailureRate());
    }

    /** Changes latency and failure rate while running (tests and benchmarks vary them without a restart). */
    public void configure(Duration latency, double failureRate) {
        this.latency = latency;
        this.failureRate = failureRate;
    }

    /** Pages requested so far, answered or failed. */
    long served() {
        return served.get();
    }

    /** The most pages being answered at once since the last call: what a scraper's concurrency bound looks like from here. */
    public int takeMaxInFlight() {
        return maxInFlight.getAndSet(inFlight.get());
    }

    @GetMapping(value = SandboxSite.BASE + "/cities/{cityId}/hotels", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> listing(@PathVariable String cityId, @RequestParam(defaultValue = "1") String page)
            throws InterruptedException {
        ResponseEntity<String> trouble = delayOrFail();
        if (trouble != null) {
            return trouble;
        }
        City city = cityOrNull(cityId);
        Integer number = positive(page);
        if (city == null || number == null || number > SandboxSite.pageCount(city)) {
            return notFound();
        }
        return ResponseEntity.ok(SandboxSite.listingHtml(city, country(city), number));
    }

    @GetMapping(value = SandboxSite.BASE + "/hotels/{hotelId}", produces = MediaType.TEXT_HTML_VALUE)
    ResponseEntity<String> hotel(@PathVariable String hotelId) throws InterruptedException {
        ResponseEntity<String> trouble = delayOrFail();
        if (trouble != null) {
            return trouble;
        }
        Integer id = positive(hotelId);
        City city = id == null ? null : cityOrNull(String.valueOf(id / 1000));
        int rank = id == null ? 0 : id % 1000;
        if (city == null || rank < 1 || rank > SandboxSite.hotelCount(city)) {
            return notFound();
        }
        return ResponseEntity.ok(SandboxSite.hotelHtml(city, country(city), SandboxSite.hotel(city, rank)));
    }

    private ResponseEntity<String> delayOrFail() throws InterruptedException {
        served.incrementAndGet();
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            Duration wait = latency;
            if (!wait.isZero()) {
                Thread.sleep(wait);
            }
        } finally {
            inFlight.decrementAndGet();
        }
        if (failureRate > 0 && ThreadLocalRandom.current().nextDouble() < failureRate) {
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(MediaType.TEXT_HTML)
                    .body("<!doctype html><title>503</title><h1>Service temporarily unavailable</h1>\n");
        }
        return null;
    }

    private City cityOrNull(String id) {
        Integer number = positive(id);
        return number == null ? null : geo.city(number).orElse(null);
    }

    private Country country(City city) {
        return geo.country(city.country()).orElse(new Country(city.country(), city.country()));
    }

    private static Integer positive(String text) {
        try {
            int n = Integer.parseInt(text);
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static ResponseEntity<String> notFound() {
        return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                .body("<!doctype html><title>404</title><h1>Page not found</h1>\n");
    }
}
