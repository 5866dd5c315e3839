package dev.quintet.platform.data;

/** A page of a listing, numbered from 1, and where it starts in the rows. */
public record PageRequest(int page, int size) {

    /** @throws InvalidQuery naming {@code page} or {@code size} when either is out of bounds */
    public PageRequest {
        if (page < 1) {
            throw new InvalidQuery("page", "must be 1 or more, got " + page);
        }
        if (size < 1) {
            throw new InvalidQuery("size", "must be 1 or more, got " + size);
        }
    }

    /** @throws InvalidQuery also when {@code size} is more than {@code maxSize} */
    public static PageRequest of(int page, int size, int maxSize) {
        if (size > maxSize) {
            throw new InvalidQuery("size", "must be between 1 and " + maxSize + ", got " + size);
        }
        return new PageRequest(page, size);
    }

    /** How many rows come before this page; a long, since page × size can pass an int. */
    public long offset() {
        return (long) (page - 1) * size;
    }
}
