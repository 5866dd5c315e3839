package dev.quintet.hotels;

/**
 * A hotel or selection the service refuses, naming the field (a JSON path such as {@code hotels[2].url}):
 * refused where it comes in, so that nothing reaches the outbox that its listener could never store.
 * An argument the service refuses, hence an {@link IllegalArgumentException}: callers that catch those
 * (the console's search form) show its message.
 */
class InvalidHotel extends IllegalArgumentException {

    private final String field;

    public InvalidHotel(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    public String field() {
        return field;
    }
}
