package dev.quintet.ledger;

import dev.quintet.platform.web.ApiException;
import dev.quintet.platform.web.Problems;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Ledger errors: problem details that also carry the original's {@code "success": false}; the log being
 * unreachable is 503 (nothing was acknowledged), not 500.
 */
@RestControllerAdvice(assignableTypes = LedgerController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class LedgerErrors {

    private static final Logger log = LoggerFactory.getLogger(LedgerErrors.class);

    @ExceptionHandler(ApiException.class)
    ResponseEntity<ProblemDetail> api(ApiException e) {
        return problem(e.status(), e.getMessage());
    }

    @ExceptionHandler(Ledger.Unavailable.class)
    ResponseEntity<ProblemDetail> unavailable(Ledger.Unavailable e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
    }

    /** The log refused this write's value (a NUL, say): the writer's fault, and nothing was stored. */
    @ExceptionHandler(DataIntegrityViolationException.class)
    ResponseEntity<ProblemDetail> refused(DataIntegrityViolationException e) {
        if (e instanceof DuplicateKeyException) {
            return database(e); // positions are handed out under a lock: a duplicate is not the writer's doing
        }
        return problem(HttpStatus.BAD_REQUEST, "the log refused this value; nothing was changed: "
                + e.getMostSpecificCause().getMessage());
    }

    @ExceptionHandler(DataAccessException.class)
    ResponseEntity<ProblemDetail> database(DataAccessException e) {
        log.warn("the ledger's log is unreachable: {}", e.toString());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "the ledger's log is unreachable; nothing was changed");
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String detail) {
        ProblemDetail problem = Problems.of(status, detail);
        problem.setProperty("success", false);
        return ResponseEntity.status(status).body(problem);
    }
}
