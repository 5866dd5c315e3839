package dev.quintet.ledger;

/**
 * One change in the log. {@code kind} is {@link #UPDATE} (a version) or {@link #REMOVE} (every version of
 * {@code name} before it is gone; {@code ts} is then the tombstone, the newest timestamp removed).
 */
record LogEntry(long position, char kind, String name, String author, long ts) {

    static final char UPDATE = 'u';
    static final char REMOVE = 'r';
}
