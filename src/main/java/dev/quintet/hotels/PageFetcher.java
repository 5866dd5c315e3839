package dev.quintet.hotels;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executors;

/**
 * Reads one page over HTTP with a timeout, retrying failures that may pass (a 5xx, a 429, a broken
 * connection, a timeout) after a backoff that doubles each time; a 4xx other than 429 is final.
 */
final class PageFetcher implements AutoCloseable {

    /** A page's body and how many requests it took. */
    record Fetched(String body, int attempts) {
    }

    /** A page that could not be read after every attempt. */
    static final class FetchFailed extends Exception {
        final int attempts;

        FetchFailed(String message, int attempts) {
            super(message, null, false, false);
            this.attempts = attempts;
        }
    }

    private final HttpClient client;
    private final Duration timeout;
    private final int retries;
    private final Duration backoff;

    PageFetcher(Duration timeout, int retries, Duration backoff) {
        // HTTP/1.1: one request per connection at a time, like a browser's pool; the client's own work runs
        // on virtual threads so hundreds of pages in flight cost no platform threads
        this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(timeout).followRedirects(HttpClient.Redirect.NORMAL)
                .executor(Executors.newVirtualThreadPerTaskExecutor()).build();
        this.timeout = timeout;
        this.retries = retries;
        this.backoff = backoff;
    }

    Fetched fetch(URI url) throws FetchFailed, InterruptedException {
        String error = "not tried";
        for (int attempt = 1; attempt <= retries + 1; attempt++) {
            if (attempt > 1) {
                Thread.sleep(backoff.multipliedBy(1L << Math.min(attempt - 2, 10)));
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(url).timeout(timeout)
                        .header("Accept", "text/html").header("User-Agent", "Quintet-hotels/1.0").GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                int status = response.statusCode();
                if (status == 200) {
                    return new Fetched(response.body(), attempt);
                }
                error = "HTTP " + status;
                if (status < 500 && status != 429) {
                    throw new FetchFailed(error, attempt);
                }
            } catch (HttpTimeoutException e) {
                error = "timed out after " + timeout.toMillis() + " ms";
            } catch (IOException e) {
                error = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
        }
        throw new FetchFailed(error, retries + 1);
    }

    @Override
    public void close() {
        client.close();
    }
}
