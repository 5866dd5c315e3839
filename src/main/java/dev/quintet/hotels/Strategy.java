package dev.quintet.hotels;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** How a search fetches its hotel pages once it has read the listing page. */
enum Strategy {
    /** one page after another on the caller's thread: the baseline */
    SEQUENTIAL("sequential"),
    /** a fixed pool of platform threads, {@code quintet.hotels.concurrency} of them */
    THREADS("threads"),
    /** a virtual thread per page, at most {@code quintet.hotels.concurrency} fetching at once */
    VIRTUAL_THREADS("virtual-threads"),
    /** work items on the job queue table, taken by every running instance */
    DISTRIBUTED("distributed");

    private final String id;

    Strategy(String id) {
        this.id = id;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** @throws IllegalArgumentException naming the strategies there are */
    @JsonCreator
    public static Strategy of(String id) {
        return Arrays.stream(values()).filter(s -> s.id.equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("strategy must be one of " + names() + ", got '" + id + "'"));
    }

    public static String names() {
        return Arrays.stream(values()).map(Strategy::id).collect(Collectors.joining(", "));
    }
}
