package dev.quintet.hotels;

/** No selected hotel has this id; {@link HotelsErrors} answers it as a 404. */
public class UnknownSelectedHotel extends RuntimeException {

    public UnknownSelectedHotel(long id) {
        super("no selected hotel with id " + id);
    }
}
