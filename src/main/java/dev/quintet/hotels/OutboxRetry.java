package dev.quintet.hotels;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.stereotype.Component;

/**
 * Delivers again every HotelsSelected publication that is still incomplete after {@code quintet.hotels.outbox-retry}
 * (its listener failed, or its instance died mid-delivery), checking every half of that period. With this,
 * a failed HotelsSelected is retried while the instance runs, not only at the next restart. Listeners are
 * idempotent, so an instance resubmitting what another is still delivering does no harm.
 */
@Component
class OutboxRetry implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(OutboxRetry.class);

    private final IncompleteEventPublications incomplete;
    private final HotelsProperties properties;
    private volatile boolean running;
    private Thread thread;

    OutboxRetry(IncompleteEventPublications incomplete, HotelsProperties properties) {
        this.incomplete = incomplete;
        this.properties = properties;
    }

    /**
     * Resubmits now the incomplete HotelsSelected publications older than the configured age (and only
     * those: other services' events keep whatever retry policy their owners chose).
     */
    void resubmit() {
        Instant before = Instant.now().minus(properties.outboxRetry());
        incomplete.resubmitIncompletePublications(publication -> publication.getEvent() instanceof HotelsSelected
                && publication.getPublicationDate().isBefore(before));
    }

    @Override
    public void start() {
        running = true;
        thread = Thread.ofVirtual().name("hotels-outbox-retry").start(() -> {
            while (running) {
                try {
                    Thread.sleep(properties.outboxRetry().dividedBy(2));
                    resubmit();
                } catch (InterruptedException e) {
                    return;
                } catch (RuntimeException e) {
                    log.warn("could not resubmit incomplete event publications: {}", e.toString());
                }
            }
        });
    }

    @Override
    public void stop() {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
