package dev.quintet.hotels;

import dev.quintet.hotels.HotelSearch.PageFailure;
import dev.quintet.hotels.HotelSearch.Timings;
import dev.quintet.hotels.sandbox.SandboxSite;
import dev.quintet.platform.Instance;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scrapes one listing page of a city, then every hotel page it links to, with the strategy asked for.
 * Every strategy reads a page the same way ({@link #read}): fetch with retries, then parse; they differ
 * only in who does the reading and how many at once. The distributed strategy only queues the pages and
 * waits for them: each instance's {@link PageWorker} reads them.
 */
@Component
class Scraper implements SmartLifecycle {

    /** One hotel page's outcome: the hotel, or why there is none. */
    record Outcome(URI url, Hotel hotel, int attempts, String error, String worker) {
    }

    private final HotelsProperties properties;
    private final JobRepository jobs;
    private final JsonMapper json;
    private final Environment environment;
    private final PageFetcher fetcher;
    private final ApplicationEventPublisher events;
    private final String instanceName;

    /**
     * The platform threads of the {@code threads} strategy, shared by every search of this instance: a
     * pool per request made each search start and end its own threads, so concurrent searches multiplied them.
     */
    private volatile ExecutorService threadsPool;
    private volatile boolean running;

    Scraper(HotelsProperties properties, JobRepository jobs, JsonMapper json, Environment environment, Instance instance,
            ApplicationEventPublisher events) {
        this.properties = properties;
        this.jobs = jobs;
        this.json = json;
        this.environment = environment;
        this.fetcher = new PageFetcher(properties.timeout(), properties.retries(), properties.backoff());
        this.instanceName = instance.name();
        this.events = events;
    }

    /** The site scraped: {@code quintet.hotels.source}, or this instance's own sandbox. */
    String source() {
        if (!properties.source().isBlank()) {
            return properties.source().replaceAll("/+$", "");
        }
        return "http://localhost:" + environment.getProperty("local.server.port", "8080") + SandboxSite.BASE;
    }

    HotelSearch search(int cityId, int page, Strategy strategy, SearchProgress progress) throws InterruptedException {
        long start = System.nanoTime();
        progress.phase("listing");
        URI listing = URI.create(source() + "/cities/" + cityId + "/hotels?page=" + page);
        List<URI> links;
        int listingAttempts;
        try {
            PageFetcher.Fetched fetched = fetcher.fetch(listing);
            links = HotelPages.hotelLinks(listing, fetched.body());
            listingAttempts = fetched.attempts();
        } catch (PageFetcher.FetchFailed e) {
            double ms = millisSince(start);
            progress.phase("done");
            return new HotelSearch(cityId, page, strategy, List.of(), List.of(new PageFailure(listing.toString(), e.attempts, e.getMessage())),
                    new Timings(ms, 0, ms, 0), 1, e.attempts, Map.of());
        }
        long listed = System.nanoTime();
        progress.total(links.size());
        progress.phase("hotels");
        List<Outcome> outcomes = switch (strategy) {
            case SEQUENTIAL -> sequential(links, cityId, progress);
            case THREADS -> threads(links, cityId, progress);
            case VIRTUAL_THREADS -> virtualThreads(links, cityId, progress);
            case DISTRIBUTED -> distributed(links, cityId, progress);
        };
        long end = System.nanoTime();
        progress.phase("done");

        List<Hotel> hotels = new ArrayList<>();
        List<PageFailure> failures = new ArrayList<>();
        Map<String, Integer> workers = new TreeMap<>();
        int attempts = listingAttempts;
        for (Outcome o : outcomes) {
            attempts += o.attempts();
            if (o.hotel() != null) {
                hotels.add(o.hotel());
            } else {
                failures.add(new PageFailure(o.url().toString(), o.attempts(), o.error()));
            }
            if (o.worker() != null) {
                workers.merge(o.worker(), 1, Integer::sum);
            }
        }
        int pages = 1 + links.size();
        double totalMs = (end - start) / 1e6;
        return new HotelSearch(cityId, page, strategy, hotels, failures,
                new Timings((listed - start) / 1e6, (end - listed) / 1e6, totalMs, pages / (totalMs / 1000)),
                pages, attempts, workers);
    }

    /** Fetches and parses one hotel page; never throws for a page that fails, it reports it. */
    Outcome read(URI url, int cityId) throws InterruptedException {
        int attempts = 0;
        try {
            PageFetcher.Fetched fetched = fetcher.fetch(url);
            attempts = fetched.attempts();
            return new Outcome(url, HotelPages.hotel(url, fetched.body(), cityId), attempts, null, instanceName);
        } catch (PageFetcher.FetchFailed e) {
            return new Outcome(url, null, e.attempts, e.getMessage(), instanceName);
        } catch (RuntimeException e) {
            return new Outcome(url, null, attempts, "unreadable page: " + e.getMessage(), instanceName);
        }
    }

    private List<Outcome> sequential(List<URI> links, int cityId, SearchProgress progress) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        for (URI url : links) {
            Outcome o = read(url, cityId);
            progress.pageDone(o.hotel() != null);
            outcomes.add(o);
        }
        return outcomes;
    }

    private List<Outcome> threads(List<URI> links, int cityId, SearchProgress progress) throws InterruptedException {
        ExecutorService pool = threadsPool;
        if (pool == null) {
            throw new IllegalStateException("the scraper is not running");
        }
        // this search's bound is taken before a page is handed to the shared pool, so no pool thread ever
        // waits on it: one search uses at most `concurrency` threads, all searches at most the pool's
        Semaphore bound = new Semaphore(Math.max(1, properties.concurrency()));
        List<Future<Outcome>> futures = new ArrayList<>();
        try {
            for (URI url : links) {
                bound.acquire();
                futures.add(pool.submit(() -> {
                    try {
                        Outcome o = read(url, cityId);
                        progress.pageDone(o.hotel() != null);
                        return o;
                    } finally {
                        bound.release();
                    }
                }));
            }
            return outcomes(futures);
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
    }

    private List<Outcome> virtualThreads(List<URI> links, int cityId, SearchProgress progress) throws InterruptedException {
        try (ExecutorService each = Executors.newVirtualThreadPerTaskExecutor()) {
            // virtual threads are unbounded; the semaphore is the concurrency bound the site sees
            return collect(links, cityId, progress, each, new Semaphore(Math.max(1, properties.concurrency())));
        }
    }

    private List<Outcome> collect(List<URI> links, int cityId, SearchProgress progress, ExecutorService executor,
                                  Semaphore bound) throws InterruptedException {
        List<Future<Outcome>> futures = new ArrayList<>();
        for (URI url : links) {
            futures.add(executor.submit(() -> {
                if (bound != null) {
                    bound.acquire();
                }
                try {
                    Outcome o = read(url, cityId);
                    progress.pageDone(o.hotel() != null);
                    return o;
                } finally {
                    if (bound != null) {
                        bound.release();
                    }
                }
            }));
        }
        try {
            return outcomes(futures);
        } finally {
            futures.forEach(f -> f.cancel(true));
        }
    }

    private static List<Outcome> outcomes(List<Future<Outcome>> futures) throws InterruptedException {
        List<Outcome> outcomes = new ArrayList<>();
        try {
            for (Future<Outcome> f : futures) {
                outcomes.add(f.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a page reader failed unexpectedly", e.getCause());
        }
        return outcomes;
    }

    private List<Outcome> distributed(List<URI> links, int cityId, SearchProgress progress) throws InterruptedException {
        String searchId = UUID.randomUUID().toString();
        // the default sandbox is served by every instance, but "localhost" means another machine on each
        // of them: its pages go on the queue as paths, which each worker resolves against its own sandbox
        boolean ownSandbox = properties.source().isBlank();
        jobs.enqueue(searchId, cityId, ownSandbox ? links.stream().map(u -> URI.create(u.getRawPath())).toList() : links);
        events.publishEvent(new PageWorker.Queued(searchId));
        long deadline = System.nanoTime() + properties.searchTimeout().toNanos();
        try {
            while (true) {
                Map<String, Integer> counts = jobs.counts(searchId);
                progress.counts(counts.getOrDefault(JobRepository.DONE, 0), counts.getOrDefault(JobRepository.FAILED, 0));
                int open = counts.getOrDefault(JobRepository.QUEUED, 0) + counts.getOrDefault(JobRepository.RUNNING, 0);
                if (open == 0 || System.nanoTime() > deadline) {
                    break;
                }
                Thread.sleep(20);
            }
            List<Outcome> outcomes = new ArrayList<>();
            for (JobRepository.Row stored : jobs.rows(searchId)) {
                JobRepository.Row row = new JobRepository.Row(absolute(stored.url()), stored.status(), stored.result(),
                        stored.error(), stored.claimedBy(), stored.attempts());
                String worker = row.claimedBy() == null ? null : row.claimedBy().substring(0, row.claimedBy().indexOf('/'));
                if (JobRepository.DONE.equals(row.status())) {
                    outcomes.add(new Outcome(row.url(), json.readValue(row.result(), Hotel.class), row.attempts(), null, worker));
                } else if (JobRepository.FAILED.equals(row.status())) {
                    outcomes.add(new Outcome(row.url(), null, row.attempts(), row.error(), worker));
                } else {
                    outcomes.add(new Outcome(row.url(), null, row.attempts(), "not finished by any instance within "
                            + properties.searchTimeout().toSeconds() + " s", worker));
                }
            }
            return outcomes;
        } finally {
            jobs.delete(searchId, Instant.now().minus(Duration.ofHours(1)));
        }
    }

    @Override
    public void start() {
        int size = Math.max(1, properties.threadsPool());
        ThreadPoolExecutor pool = new ThreadPoolExecutor(size, size, 60, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                Thread.ofPlatform().name("hotels-scrape-", 0).factory());
        // an idle instance keeps no scraping threads
        pool.allowCoreThreadTimeOut(true);
        threadsPool = pool;
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        ExecutorService pool = threadsPool;
        if (pool != null) {
            // searches still running by now are past the web server's grace period: they end here
            pool.shutdownNow();
        }
        fetcher.close();
    }

    /** Started early and stopped late, so searches still in flight during a graceful shutdown can finish. */
    @Override
    public int getPhase() {
        return 0;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** A queued page as this instance reads it: a bare path is a page of this instance's own sandbox. */
    URI absolute(URI url) {
        return url.isAbsolute() ? url : URI.create(source()).resolve(url);
    }

    private static double millisSince(long start) {
        return (System.nanoTime() - start) / 1e6;
    }
}
