package dev.quintet.hotels;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * How far a running search is, updated by the scraper as pages finish and read by whoever shows it
 * (the console polls it while a search runs).
 */
public final class SearchProgress {

    private volatile String phase = "queued";
    private volatile int total;
    private final AtomicInteger done = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    void phase(String phase) {
        this.phase = phase;
    }

    void total(int total) {
        this.total = total;
    }

    void pageDone(boolean ok) {
        (ok ? done : failed).incrementAndGet();
    }

    /** For the distributed strategy, whose pages finish on other instances: the counts from the queue. */
    void counts(int done, int failed) {
        this.done.set(done);
        this.failed.set(failed);
    }

    public String phase() {
        return phase;
    }

    /** Hotel pages to read (known once the listing page is read). */
    public int total() {
        return total;
    }

    public int done() {
        return done.get();
    }

    public int failed() {
        return failed.get();
    }
}
