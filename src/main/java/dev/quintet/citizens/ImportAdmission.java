package dev.quintet.citizens;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a bounded number of large imports in at a time. An import is parsed and validated whole, so each
 * large one in flight holds several times its body in memory: three concurrent 300,000-citizen imports
 * took the process to 1.7 GB and its liveness answer to 12.7 s. The turn is taken before the handler
 * reads the body (Spring MVC reads it only when binding the handler's arguments), so a waiting or refused
 * import costs no memory; one that waits too long is refused with 503 and Retry-After.
 */
@Component
class ImportAdmission implements HandlerInterceptor {

    private static final String ADMITTED = ImportAdmission.class.getName() + ".admitted";

    /** Refused: every turn stayed taken for the whole wait. */
    static final class Busy extends RuntimeException {

        private final Duration retryAfter;

        Busy(int atOnce, Duration waited, Duration retryAfter) {
            super("the server takes " + atOnce + " large import(s) at a time and none finished within "
                    + waited.toMillis() + " ms; retry in " + retryAfter.toSeconds() + " s");
            this.retryAfter = retryAfter;
        }

        Duration retryAfter() {
            return retryAfter;
        }
    }

    private final CitizensProperties settings;
    private final Semaphore turns;

    ImportAdmission(CitizensProperties settings) {
        this.settings = settings;
        // fair: imports get their turn in the order they came
        this.turns = new Semaphore(Math.max(1, settings.largeImportsAtOnce()), true);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
            throws InterruptedException {
        long length = request.getContentLengthLong();
        if (!"POST".equals(request.getMethod()) || (length >= 0 && length < settings.largeImport().toBytes())) {
            return true;
        }
        Duration wait = settings.largeImportWait();
        if (!turns.tryAcquire(wait.toNanos(), TimeUnit.NANOSECONDS)) {
            throw new Busy(Math.max(1, settings.largeImportsAtOnce()), wait, Duration.ofSeconds(Math.max(1, wait.toSeconds())));
        }
        request.setAttribute(ADMITTED, Boolean.TRUE);
        return true;
    }

    @Override
    public void afterCompletion(HttpServletRequest request, HttpServletResponse response, Object handler, Exception e) {
        if (request.getAttribute(ADMITTED) != null) {
            request.removeAttribute(ADMITTED);
            turns.release();
        }
    }
}
