package dev.quintet.hotels;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;
import org.springframework.modulith.events.Externalized;

/**
 * A user selected these hotels of a city. Published through Spring Modulith's event publication registry
 * (the transactional outbox), so it outlives a failing listener or a crash; stored by the hotels
 * service's own listener, idempotently by {@code uid}. {@link Externalized} names the Kafka topic of the
 * original ({@code demo}): once an externalization module is on the class path (scaled out), the same
 * event goes to Kafka with no change here; until then the annotation is inert.
 */
@Externalized("demo")
public record HotelsSelected(@JsonProperty("city_id") int cityId, List<Hotel> hotels) {

    public HotelsSelected {
        hotels = List.copyOf(hotels);
    }
}
