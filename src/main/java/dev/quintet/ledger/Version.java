package dev.quintet.ledger;

/** One version of a record, in the original's shape and key order: {@code {"timestamp": t, "author": a}}. */
record Version(long timestamp, String author) {
}
