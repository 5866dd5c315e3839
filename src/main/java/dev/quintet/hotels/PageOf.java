package dev.quintet.hotels;

import java.util.List;

/** One page of a longer list: {@code page} counts from 1, {@code total} is the size of the whole list. */
record PageOf<T>(List<T> items, int page, int size, long total) {

    /** The largest page the list endpoints return. */
    static final int MAX_PAGE_SIZE = 500;
}
