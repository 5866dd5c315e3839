package dev.quintet.hotels;

import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Stores the hotels of a {@link HotelsSelected} event, in its own transaction after the publishing one
 * committed. The registry marks the publication complete only when this returns; if it throws, the
 * publication stays incomplete and {@link OutboxRetry} (or a restart with republishing on) delivers it
 * again. Storing is by uid, so a second delivery changes nothing.
 */
@Component
class SelectionListener {

    private final SelectedRepository repository;

    /** Deliveries still to fail on purpose: lets a test prove a failed delivery is retried, not lost. */
    private final AtomicInteger failNext = new AtomicInteger();

    SelectionListener(SelectedRepository repository) {
        this.repository = repository;
    }

    /** Makes the next {@code count} deliveries throw (for tests; the bean is a proxy, so a method, not a field). */
    void failNextDeliveries(int count) {
        failNext.set(count);
    }

    int deliveriesStillToFail() {
        return failNext.get();
    }

    @ApplicationModuleListener
    void on(HotelsSelected event) {
        if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            throw new IllegalStateException("failing this delivery on purpose (test)");
        }
        event.hotels().forEach(repository::store);
    }
}
