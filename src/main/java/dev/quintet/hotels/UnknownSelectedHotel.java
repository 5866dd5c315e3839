package dev.quintet.hotels;

import dev.quintet.platform.Unknown;

/** No selected hotel has this id; {@link HotelsErrors} answers it as a 404. */
public class UnknownSelectedHotel extends Unknown {

    public UnknownSelectedHotel(long id) {
        super("no selected hotel with id " + id);
    }
}
