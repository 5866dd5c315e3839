package dev.quintet.hotels;

import dev.quintet.hotels.Scraper.Outcome;
import dev.quintet.platform.Instance;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * This instance's worker for the distributed strategy: while the application runs it claims pages from
 * the job queue ({@code for update skip locked}, under a lease), whichever instance's search put them
 * there, reads them with the {@link Scraper} and records the outcome. Kept apart from the scraper so
 * that one only scrapes, and this one only serves the queue.
 */
@Component
class PageWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(PageWorker.class);

    /** Published when this instance queues pages, so its own idle worker starts at once instead of at its next poll. */
    record Queued(String searchId) {
    }

    private final HotelsProperties properties;
    private final JobRepository jobs;
    private final JsonMapper json;
    private final Scraper scraper;
    private final String workerId;

    /** Free places for distributed work items on this instance. */
    private final Semaphore slots;
    /** Released when there may be work to claim, so an idle worker need not wait for its next poll. */
    private final Semaphore nudge = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    PageWorker(HotelsProperties properties, JobRepository jobs, JsonMapper json, Scraper scraper, Instance instance) {
        this.properties = properties;
        this.jobs = jobs;
        this.json = json;
        this.scraper = scraper;
        this.workerId = instance.name() + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
        this.slots = new Semaphore(Math.max(1, properties.concurrency()));
    }

    @EventListener
    void queued(Queued event) {
        nudge.release();
    }

    /** This instance's share of the distributed work: claim what there are free places for, read it, report. */
    private void work() {
        while (running) {
            try {
                int free = slots.availablePermits();
                List<JobRepository.Job> claimed = free == 0 ? List.of()
                        : jobs.claim(workerId, free, Instant.now().minus(properties.jobLease()));
                for (JobRepository.Job job : claimed) {
                    slots.acquire();
                    Thread.ofVirtual().name("hotels-job-" + job.id()).start(() -> {
                        try {
                            Outcome o = scraper.read(scraper.absolute(job.url()), job.cityId());
                            if (o.hotel() != null) {
                                jobs.finish(job.id(), workerId, JobRepository.DONE, json.writeValueAsString(o.hotel()), null, o.attempts());
                            } else {
                                jobs.finish(job.id(), workerId, JobRepository.FAILED, null, o.error(), o.attempts());
                            }
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        } catch (RuntimeException e) {
                            log.warn("distributed work item {} could not be recorded", job.id(), e);
                        } finally {
                            slots.release();
                            nudge.release();
                        }
                    });
                }
                if (claimed.isEmpty()) {
                    // idle: poll the queue a few times a second for other instances' searches
                    nudge.tryAcquire(250, TimeUnit.MILLISECONDS);
                    nudge.drainPermits();
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                if (running) {
                    log.warn("hotels job queue unavailable, retrying in 1 s: {}", e.toString());
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException stop) {
                        return;
                    }
                }
            }
        }
    }

    @Override
    public void start() {
        running = true;
        worker = Thread.ofVirtual().name("hotels-job-worker").start(this::work);
    }

    @Override
    public void stop() {
        running = false;
        if (worker != null) {
            worker.interrupt();
        }
    }

    /**
     * Started after the scraper and stopped before it (a higher phase), so the scraper's fetcher is
     * open for as long as this worker reads pages.
     */
    @Override
    public int getPhase() {
        return 1;
    }

    @Override
    public boolean isRunning() {
        return running;
    }
}
