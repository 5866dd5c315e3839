/**
 * hotels — hotel search by scraping, with measured concurrency strategies, and selections through events
 * (the original was a Django + FastAPI + Celery + Kafka demo).
 * <p>
 * A search reads one listing page of a travel site for a city (30 hotels), then every hotel's page, and
 * returns the hotels with the measured time of each step. How the hotel pages are read is the
 * {@link dev.quintet.hotels.Strategy}: one after another, a fixed pool of threads, virtual threads, or
 * distributed over every running instance through a job queue table claimed with
 * {@code for update skip locked}. Pages are fetched with a timeout and retried with backoff; pages that
 * still fail are listed in the result. The default site is a sandbox the service serves itself under
 * {@code /sandbox/travel}, deterministic and with a configurable latency and failure rate, so everything
 * works with no internet and the strategies' differences are real measurements.
 * <p>
 * Selecting hotels publishes {@link dev.quintet.hotels.HotelsSelected} through Spring Modulith's event
 * publication registry (a transactional outbox in the database); the service's own listener stores the
 * hotels by uid, so a redelivery is harmless, and incomplete publications are resubmitted until they
 * succeed. Geo data (every ISO country, a few hundred cities) ships as CSV and fills its tables at startup.
 */
@ApplicationModule(displayName = "Hotels")
package dev.quintet.hotels;

import org.springframework.modulith.ApplicationModule;
