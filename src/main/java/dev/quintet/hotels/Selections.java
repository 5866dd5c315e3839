package dev.quintet.hotels;

import dev.quintet.platform.data.InvalidQuery;
import dev.quintet.platform.data.PageRequest;
import dev.quintet.platform.data.Sort;
import jakarta.validation.Validator;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Selections, for the controllers and the console: published as {@link HotelsSelected}, then the selected
 * hotels as the listener stored them, to list, edit, delete and count.
 */
@Service
public class Selections {

    /** The characters {@code event_publication.serialized_event} holds (V1__hotels.sql widens it to this). */
    static final int MAX_EVENT_CHARS = 1_000_000;

    private final GeoRepository geo;
    private final SelectedRepository selected;
    private final ApplicationEventPublisher events;
    private final Validator validator;
    private final JsonMapper json;

    Selections(GeoRepository geo, SelectedRepository selected, ApplicationEventPublisher events, Validator validator,
               JsonMapper json) {
        this.geo = geo;
        this.selected = selected;
        this.events = events;
        this.validator = validator;
        this.json = json;
    }

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
                minStars, minRating), Sort.parse(sort, SelectedRepository.SORTABLE), PageRequest.of(page, size, PageOf.MAX_PAGE_SIZE));
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
