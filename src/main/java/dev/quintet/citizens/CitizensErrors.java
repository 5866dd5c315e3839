package dev.quintet.citizens;

import dev.quintet.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The citizens service's own exceptions as HTTP. Refused citizen data is a 400 with {@code field} and
 * {@code citizen_id} added to the platform's problem body, so a client can point at the culprit without
 * parsing the message; unknown imports and citizens are the platform's {@code Unknown}, a 404.
 */
@RestControllerAdvice(assignableTypes = CitizensController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class CitizensErrors {

    @ExceptionHandler(InvalidCitizen.class)
    ResponseEntity<ProblemDetail> invalid(InvalidCitizen e) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("field", e.field());
        problem.setProperty("citizen_id", e.citizenId());
        return ResponseEntity.badRequest().body(problem);
    }

    /** Too many large imports at once: 503 with the wait to retry after; the unread body is not waited for. */
    @ExceptionHandler(ImportAdmission.Busy.class)
    ResponseEntity<ProblemDetail> busy(ImportAdmission.Busy e) {
        return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfter().toSeconds()))
                .header(HttpHeaders.CONNECTION, "close")
                .body(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage()));
    }
}
